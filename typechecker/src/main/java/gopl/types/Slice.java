package gopl.types;

/** A slice type {@code []elem}. */
public final class Slice implements Type {
  private final Type elem;

  public Slice(Type elem) {
    this.elem = elem;
  }

  public Type elem() {
    return elem;
  }

  @Override
  public String toString() {
    return TypeString.of(this, null);
  }
}
