package gopl.runtime;

/**
 * A value of one of Go's runtime error types (they implement {@code runtime.Error}): the panic
 * value of a failed index, division by zero, nil map write, nil dereference, failed type
 * assertion. {@link #Error()} is the exact text Go 1.19 prints after {@code panic: }, and {@link
 * #goTypeName} what {@code %T} prints for the value.
 */
public final class RuntimeError implements Typed {
  private static final java.lang.invoke.MethodHandle ERROR_METHOD;

  static {
    try {
      ERROR_METHOD = java.lang.invoke.MethodHandles.lookup()
          .findVirtual(RuntimeError.class, "Error", java.lang.invoke.MethodType.methodType(String.class));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** {@code runtime error: integer divide by zero} (Go's runtime.divideError). */
  public static final RuntimeError DIVIDE = new RuntimeError("runtime.errorString", "integer divide by zero");

  /** {@code runtime error: invalid memory address or nil pointer dereference}. */
  public static final RuntimeError NIL_DEREF =
      new RuntimeError("runtime.errorString", "invalid memory address or nil pointer dereference");

  /** {@code assignment to entry in nil map} (Go's plainError: no "runtime error: " prefix). */
  public static final RuntimeError NIL_MAP_WRITE = new RuntimeError("runtime.plainError", "assignment to entry in nil map", true);

  /** Go's dynamic type name of this error value, as %T prints it. */
  public final String goTypeName;

  private final String message;

  private RuntimeError(String goTypeName, String message, boolean plain) {
    this.goTypeName = goTypeName;
    this.message = plain ? message : "runtime error: " + message;
  }

  RuntimeError(String goTypeName, String message) {
    this(goTypeName, message, false);
  }

  /** The dynamic type: a runtime-package type whose method set has Error (and RuntimeError). */
  @Override
  public RType goType() {
    RType t = RType.named("runtime", goTypeName, 0);
    if (!t.hasMethod("Error")) {
      t.setUnderlying(RType.struct(new String[0], new RType[0], new boolean[0]));
      t.addMethod("Error", ERROR_METHOD);
      t.addMethod("RuntimeError", java.lang.invoke.MethodHandles.dropArguments(
          java.lang.invoke.MethodHandles.constant(Object.class, null).asType(java.lang.invoke.MethodType.methodType(void.class)), 0, RuntimeError.class));
    }
    return t;
  }

  /** Go's {@code Error()} text. */
  public String Error() {
    return message;
  }

  /** A runtime.boundsError with the given (already formatted) message. */
  public static RuntimeError bounds(String message) {
    return new RuntimeError("runtime.boundsError", message);
  }

  /** A runtime error of Go's errorString type with the given message. */
  public static RuntimeError plain(String message) {
    return new RuntimeError("runtime.errorString", message);
  }

  /** A Go runtime panic whose text has no "runtime error: " prefix (e.g. "send on closed channel"). */
  public static RuntimeError plainUnprefixed(String message) {
    return new RuntimeError("runtime.plainError", message, true);
  }

  /** A *runtime.TypeAssertionError with the given message (e.g. "interface conversion: ..."). */
  public static RuntimeError typeAssertion(String message) {
    return new RuntimeError("*runtime.TypeAssertionError", message, true);
  }

  /**
   * Go's {@code ==} on two runtime error values: equal when their dynamic types and texts are
   * (the texts determine the fields of Go's boundsError/errorString/plainError); a
   * {@code *runtime.TypeAssertionError} is a pointer, equal only to itself.
   */
  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof RuntimeError r && !goTypeName.startsWith("*")
        && r.goTypeName.equals(goTypeName) && r.message.equals(message);
  }

  @Override
  public int hashCode() {
    return goTypeName.startsWith("*") ? System.identityHashCode(this) : goTypeName.hashCode() * 31 + message.hashCode();
  }

  @Override
  public String toString() {
    return message;
  }
}
