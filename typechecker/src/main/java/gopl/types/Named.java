package gopl.types;

import java.util.ArrayList;
import java.util.List;

/**
 * A defined type {@code type T U}: its type name, underlying type (never a Named once checking
 * is done) and its declared methods in source order.
 */
public final class Named implements Type {
  private final TypeName obj;
  private Type underlying;
  private final List<Func> methods = new ArrayList<>();

  public Named(TypeName obj, Type underlying) {
    this.obj = obj;
    this.underlying = underlying;
    if (obj != null && obj.type() == null) obj.setType(this);
  }

  public TypeName obj() {
    return obj;
  }

  @Override
  public Type underlying() {
    return underlying;
  }

  public void setUnderlying(Type u) {
    this.underlying = u;
  }

  /** The methods declared with this type as receiver base, in source order. */
  public List<Func> methods() {
    return methods;
  }

  public void addMethod(Func m) {
    methods.add(m);
  }

  @Override
  public String toString() {
    return TypeString.of(this, null);
  }
}
