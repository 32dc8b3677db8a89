package gopl.runtime;

/**
 * A heap box for one int variable: used for variables captured by closures (shared by
 * reference, spec: "function literals are closures") and for variables whose address is taken;
 * {@code &x} is the box itself. Generated code reads and writes {@link #v} directly.
 */
public final class IntRef extends IntPtr {
  /** The variable's current value. */
  public int v;

  public IntRef() {}

  public IntRef(int v) {
    this.v = v;
  }

  @Override
  public int get() {
    return v;
  }

  @Override
  public void set(int v) {
    this.v = v;
  }
}
