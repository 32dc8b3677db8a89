package gopl.runtime;

/**
 * A heap box for one byte variable: used for variables captured by closures (shared by
 * reference, spec: "function literals are closures") and for variables whose address is taken;
 * {@code &x} is the box itself. Generated code reads and writes {@link #v} directly.
 */
public final class ByteRef extends BytePtr {
  /** The variable's current value. */
  public byte v;

  public ByteRef() {}

  public ByteRef(byte v) {
    this.v = v;
  }

  @Override
  public byte get() {
    return v;
  }

  @Override
  public void set(byte v) {
    this.v = v;
  }
}
