package gopl.types;

/** A map type {@code map[key]elem} (go/types Map; renamed so as not to clash with java.util.Map). */
public final class MapType implements Type {
  private final Type key;
  private final Type elem;

  public MapType(Type key, Type elem) {
    this.key = key;
    this.elem = elem;
  }

  public Type key() {
    return key;
  }

  public Type elem() {
    return elem;
  }

  @Override
  public String toString() {
    return TypeString.of(this, null);
  }
}
