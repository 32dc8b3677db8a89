package gopl.runtime;

/**
 * A heap box for one double variable: used for variables captured by closures (shared by
 * reference, spec: "function literals are closures") and for variables whose address is taken;
 * {@code &x} is the box itself. Generated code reads and writes {@link #v} directly.
 */
public final class DoubleRef extends DoublePtr {
  /** The variable's current value. */
  public double v;

  public DoubleRef() {}

  public DoubleRef(double v) {
    this.v = v;
  }

  @Override
  public double get() {
    return v;
  }

  @Override
  public void set(double v) {
    this.v = v;
  }
}
