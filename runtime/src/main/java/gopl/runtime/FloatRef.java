package gopl.runtime;

/**
 * A heap box for one float variable: used for variables captured by closures (shared by
 * reference, spec: "function literals are closures") and for variables whose address is taken;
 * {@code &x} is the box itself. Generated code reads and writes {@link #v} directly.
 */
public final class FloatRef extends FloatPtr {
  /** The variable's current value. */
  public float v;

  public FloatRef() {}

  public FloatRef(float v) {
    this.v = v;
  }

  @Override
  public float get() {
    return v;
  }

  @Override
  public void set(float v) {
    this.v = v;
  }
}
