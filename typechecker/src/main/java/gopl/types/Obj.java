package gopl.types;

import gopl.frontend.Pos;

/**
 * A named language entity (go/types Object): a variable, constant, type name, function, imported
 * package name, builtin, label or {@code nil}. pkg is null for universe objects; parent is the
 * scope the object was declared in (null for fields, methods and parameters of func types).
 */
public abstract sealed class Obj permits Var, Const, TypeName, Func, PkgName, Builtin, Label, Nil {
  private final Pos pos;
  private final Package pkg;
  private final String name;
  private Type type;
  Scope parent;

  Obj(Pos pos, Package pkg, String name, Type type) {
    this.pos = pos;
    this.pkg = pkg;
    this.name = name;
    this.type = type;
  }

  public Pos pos() {
    return pos;
  }

  public Package pkg() {
    return pkg;
  }

  public String name() {
    return name;
  }

  /** The object's type; null only while a package-level object is being declared. */
  public Type type() {
    return type;
  }

  void setType(Type t) {
    this.type = t;
  }

  public Scope parent() {
    return parent;
  }

  /** Whether the name starts with an upper-case letter (spec: "Exported identifiers"). */
  public boolean exported() {
    return !name.isEmpty() && Character.isUpperCase(name.codePointAt(0));
  }

  @Override
  public String toString() {
    return getClass().getSimpleName().toLowerCase() + " " + name + " " + (type == null ? "" : TypeString.of(type, pkg));
  }
}
