package gopl.runtime;

/**
 * A heap box for one boolean variable: used for variables captured by closures (shared by
 * reference, spec: "function literals are closures") and for variables whose address is taken;
 * {@code &x} is the box itself. Generated code reads and writes {@link #v} directly.
 */
public final class BoolRef extends BoolPtr {
  /** The variable's current value. */
  public boolean v;

  public BoolRef() {}

  public BoolRef(boolean v) {
    this.v = v;
  }

  @Override
  public boolean get() {
    return v;
  }

  @Override
  public void set(boolean v) {
    this.v = v;
  }
}
