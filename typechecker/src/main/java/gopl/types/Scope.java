package gopl.types;

import gopl.frontend.Pos;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A lexical scope (universe, package, file, function, block): the objects declared in it, in
 * declaration order, and a link to the enclosing scope. Lookups walk outwards.
 */
public final class Scope {
  private final Scope parent;
  private final List<Scope> children = new ArrayList<>();
  private final Map<String, Obj> elems = new LinkedHashMap<>();
  private final Pos pos;
  private final String comment;
  final boolean isFunc;

  public Scope(Scope parent, Pos pos, String comment, boolean isFunc) {
    this.parent = parent;
    this.pos = pos;
    this.comment = comment;
    this.isFunc = isFunc;
    if (parent != null && parent != Universe.scope()) parent.children.add(this);
  }

  public Scope parent() {
    return parent;
  }

  public List<Scope> children() {
    return children;
  }

  public Pos pos() {
    return pos;
  }

  /** What the scope belongs to ("universe", "package main", "file x.gop", "function", "block", ...). */
  public String comment() {
    return comment;
  }

  /** The object named name in this scope only, or null. */
  public Obj lookup(String name) {
    return elems.get(name);
  }

  /** The object named name in this scope or the nearest enclosing one that has it, or null. */
  public Obj lookupParent(String name) {
    for (Scope s = this; s != null; s = s.parent) {
      Obj o = s.elems.get(name);
      if (o != null) return o;
    }
    return null;
  }

  /** The scope (this or enclosing) that declares name, or null. */
  public Scope scopeOf(String name) {
    for (Scope s = this; s != null; s = s.parent) {
      if (s.elems.containsKey(name)) return s;
    }
    return null;
  }

  /**
   * Inserts obj unless the scope already has an object of that name; returns that previous object
   * (the caller reports the redeclaration) or null on success. Sets obj's parent if unset.
   */
  public Obj insert(Obj obj) {
    Obj prev = elems.get(obj.name());
    if (prev != null) return prev;
    elems.put(obj.name(), obj);
    if (obj.parent == null) obj.parent = this;
    return null;
  }

  /** The names declared here, in declaration order. */
  public List<String> names() {
    return List.copyOf(elems.keySet());
  }

  public List<Obj> objects() {
    return List.copyOf(elems.values());
  }

  @Override
  public String toString() {
    return comment + " scope " + elems.keySet();
  }
}
