package gopl.types;

/** A pointer type {@code *elem}. */
public final class Pointer implements Type {
  private final Type elem;

  public Pointer(Type elem) {
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
