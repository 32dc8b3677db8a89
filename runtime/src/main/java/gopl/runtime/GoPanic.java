package gopl.runtime;

/**
 * A Go panic in flight: a JVM exception carrying the panic value in the interface representation
 * of docs/codegen.md (null for {@code panic(nil)}, a {@link RuntimeError} for runtime errors).
 *
 * <p>Guarantees: {@link #value} is never changed; {@link #recovered} becomes true once a deferred
 * call recovered it; {@link #link} is the panic that was already in progress when this one started
 * (a panic raised by a deferred call), which the crash printer prints first as Go does. No stack
 * trace is captured (panics are control flow; the printer walks the current stack instead).
 */
public final class GoPanic extends RuntimeException {
  /** The panic value (Go interface representation); may be null. */
  public final transient Object value;

  /** The panic in progress when this one was raised, or null. */
  public GoPanic link;

  /** True once a deferred function called {@code recover} for this panic. */
  public boolean recovered;

  public GoPanic(Object value) {
    super(null, null, false, true);
    this.value = value;
  }

  @Override
  public String getMessage() {
    return "panic: " + PanicPrinter.text(value);
  }

  /**
   * The Go panic a JVM throwable stands for: itself for a GoPanic, Go's runtime error for the JVM
   * exceptions that generated code lets the JVM raise (integer division by zero, nil dereference,
   * stack overflow is not one of them), or null for anything else (such as the harness's exit
   * exception), which must then propagate without running defers.
   */
  public static GoPanic of(Throwable t) {
    if (t instanceof GoPanic p) return p;
    if (t instanceof ArithmeticException) return new GoPanic(RuntimeError.DIVIDE);
    if (t instanceof NullPointerException) return new GoPanic(RuntimeError.NIL_DEREF);
    return null;
  }
}
