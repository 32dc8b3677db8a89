package gopl.types;

/** An array type {@code [len]elem}; len is -1 only while an erroneous length is being reported. */
public final class Array implements Type {
  private final Type elem;
  private final long len;

  public Array(Type elem, long len) {
    this.elem = elem;
    this.len = len;
  }

  public Type elem() {
    return elem;
  }

  public long len() {
    return len;
  }

  @Override
  public String toString() {
    return TypeString.of(this, null);
  }
}
