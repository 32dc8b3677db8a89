package gopl.runtime;

/**
 * A heap box for one long variable: used for variables captured by closures (shared by
 * reference, spec: "function literals are closures") and for variables whose address is taken;
 * {@code &x} is the box itself. Generated code reads and writes {@link #v} directly.
 */
public final class LongRef extends LongPtr {
  /** The variable's current value. */
  public long v;

  public LongRef() {}

  public LongRef(long v) {
    this.v = v;
  }

  @Override
  public long get() {
    return v;
  }

  @Override
  public void set(long v) {
    this.v = v;
  }
}
