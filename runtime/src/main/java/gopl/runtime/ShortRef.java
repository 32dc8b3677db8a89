package gopl.runtime;

/**
 * A heap box for one short variable: used for variables captured by closures (shared by
 * reference, spec: "function literals are closures") and for variables whose address is taken;
 * {@code &x} is the box itself. Generated code reads and writes {@link #v} directly.
 */
public final class ShortRef extends ShortPtr {
  /** The variable's current value. */
  public short v;

  public ShortRef() {}

  public ShortRef(short v) {
    this.v = v;
  }

  @Override
  public short get() {
    return v;
  }

  @Override
  public void set(short v) {
    this.v = v;
  }
}
