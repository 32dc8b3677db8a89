package gopl.types;

import gopl.frontend.ast.Expr;
import gopl.frontend.ast.Node;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the checker learnt about one package's syntax (go/types Info). All maps are keyed
 * by AST node <em>identity</em> (AST records have value equality; two nodes may be equal).
 *
 * <ul>
 *   <li>types: every expression (incl. type expressions, parenthesized ones, and identifiers
 *       other than those that declare something) -> mode, final type, constant value;
 *   <li>defs: identifiers that declare an object -> the object (null for the package name and
 *       for {@code _} symbolic vars of a type switch);
 *   <li>uses: identifiers that denote an object;
 *   <li>implicits: nodes that declare an object implicitly (an anonymous import spec -> PkgName,
 *       a type-switch case clause -> its Var);
 *   <li>selections: selector expressions that select a field or method (not qualified idents);
 *   <li>scopes: File/FuncType/Block/If/For/Range/Switch/TypeSwitch/CaseClause/CommClause nodes
 *       that open a scope;
 *   <li>initOrder: package-level variable initialisers in execution order.
 * </ul>
 */
public final class Info {
  public final Map<Expr, TypeAndValue> types = new IdentityHashMap<>();
  public final Map<Expr.Ident, Obj> defs = new IdentityHashMap<>();
  public final Map<Expr.Ident, Obj> uses = new IdentityHashMap<>();
  public final Map<Node, Obj> implicits = new IdentityHashMap<>();
  public final Map<Expr.Selector, Selection> selections = new IdentityHashMap<>();
  public final Map<Node, Scope> scopes = new IdentityHashMap<>();
  public final List<Initializer> initOrder = new ArrayList<>();

  public Map<Expr, TypeAndValue> types() {
    return types;
  }

  public Map<Expr.Ident, Obj> defs() {
    return defs;
  }

  public Map<Expr.Ident, Obj> uses() {
    return uses;
  }

  public Map<Node, Obj> implicits() {
    return implicits;
  }

  public Map<Expr.Selector, Selection> selections() {
    return selections;
  }

  public Map<Node, Scope> scopes() {
    return scopes;
  }

  public List<Initializer> initOrder() {
    return initOrder;
  }

  /** The recorded type of e (null if none). */
  public Type typeOf(Expr e) {
    TypeAndValue tv = types.get(e);
    if (tv != null) return tv.type();
    if (e instanceof Expr.Ident id) {
      Obj o = objectOf(id);
      return o == null ? null : o.type();
    }
    return null;
  }

  /** The object an identifier defines or uses (null if none). */
  public Obj objectOf(Expr.Ident id) {
    Obj o = defs.get(id);
    return o != null ? o : uses.get(id);
  }
}
