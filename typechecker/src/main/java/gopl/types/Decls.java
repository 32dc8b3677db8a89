package gopl.types;

import static gopl.types.Predicates.*;

import gopl.frontend.Pos;
import gopl.frontend.ast.Decl;
import gopl.frontend.ast.Expr;
import gopl.frontend.ast.SourceFile;
import gopl.frontend.ast.Spec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Declarations (types2 decl.go): type-checking package-level objects on demand in dependency
 * order with cycle detection (objDecl), constant/variable/type/function declarations, methods,
 * local declarations, and invalid recursive types (validtype.go).
 */
abstract class Decls extends Stmts {
  /** Colours of objDecl: absent = white, index in objPath = grey, BLACK = done. */
  final Map<Obj, Integer> color = new IdentityHashMap<>();
  static final int BLACK = -1;
  final List<Obj> objPath = new ArrayList<>();

  /** Methods by receiver base type name, until associated (types2 check.methods). */
  final Map<TypeName, List<Func>> methods = new IdentityHashMap<>();

  Decls(Package pkg, Info info, List<SourceFile> files, Map<String, Package> imports, int limit) {
    super(pkg, info, files, imports, limit);
  }

  @Override
  void objDecl(Obj obj, Named def) {
    Integer c = color.get(obj);
    if (c == null && obj.type() != null) {
      color.put(obj, BLACK);
      return;
    }
    if (c != null && c == BLACK) return;
    if (c != null) {
      // grey: a cycle through obj
      switch (obj) {
        case Const k -> {
          if (!validCycle(obj) || k.type() == null) k.setType(Typ.INVALID);
        }
        case Var v -> {
          if (!validCycle(obj) || v.type() == null) v.setType(Typ.INVALID);
        }
        case TypeName t -> {
          if (!validCycle(obj)) t.setType(Typ.INVALID);
        }
        case Func f -> validCycle(obj);
        default -> {}
      }
      if (obj.type() == null) obj.setType(Typ.INVALID);
      return;
    }
    DeclInfo d = objMap.get(obj);
    if (d == null) {
      // a local object (not yet typed): should not happen
      obj.setType(Typ.INVALID);
      return;
    }
    color.put(obj, objPath.size());
    objPath.add(obj);
    Env saved = env;
    env = new Env();
    env.scope = d.file;
    try {
      switch (obj) {
        case Const k -> {
          env.decl = d;
          constDecl(k, d.vtyp, d.init, d.inherited, d.iota);
        }
        case Var v -> {
          env.decl = d;
          varDecl(v, d.lhs, d.vtyp, d.init);
        }
        case TypeName t -> {
          typeDecl(t, d.tdecl, def);
          collectMethods(t);
        }
        case Func f -> funcDecl(f, d);
        default -> {}
      }
    } finally {
      env = saved;
      objPath.remove(objPath.size() - 1);
      color.put(obj, BLACK);
    }
  }

  private boolean validCycle(Obj obj) {
    int start = color.get(obj);
    List<Obj> cycle = objPath.subList(start, objPath.size());
    int nval = 0, ndef = 0;
    for (Obj o : cycle) {
      if (o instanceof Const || o instanceof Var) nval++;
      else if (o instanceof TypeName tn) {
        DeclInfo d = objMap.get(tn);
        boolean alias = d != null && d.tdecl != null ? d.tdecl.alias() : tn.isAlias();
        if (!alias) ndef++;
      }
    }
    if (nval == cycle.size()) return true;
    if (nval == 0 && ndef > 0) return true;
    cycleError(new ArrayList<>(cycle));
    return false;
  }

  /** Reports a cycle starting at its first object in source order, as types2 does. */
  void cycleError(List<Obj> cycle) {
    int i = 0;
    for (int j = 1; j < cycle.size(); j++) if (cycle.get(j).pos().compareTo(cycle.get(i).pos()) < 0) i = j;
    Obj obj = cycle.get(i);
    StringBuilder sb = new StringBuilder();
    sb.append(obj instanceof TypeName ? "invalid recursive type " : "illegal cycle in declaration of ").append(obj.name());
    Pos first = obj.pos();
    for (int k = 0; k < cycle.size(); k++) {
      sb.append("\n\t").append(obj.pos()).append(": ").append(obj.name()).append(" refers to");
      i = (i + 1) % cycle.size();
      obj = cycle.get(i);
    }
    sb.append("\n\t").append(obj.pos()).append(": ").append(obj.name());
    error(first, sb.toString());
  }

  void constDecl(Const obj, Expr typ, Expr init, boolean inherited, Constant iota) {
    Constant savedIota = env.iota;
    Pos savedErrpos = env.errpos;
    env.iota = iota;
    env.errpos = null;
    obj.setValue(Constant.UNKNOWN);
    try {
      if (typ != null) {
        Type t = typ(typ);
        if (!isConstType(t)) {
          if (t.underlying() != Typ.INVALID) errorf(typ, "invalid constant type %s", t);
          obj.setType(Typ.INVALID);
          return;
        }
        obj.setType(t);
      }
      Operand x = new Operand();
      if (init != null) {
        if (inherited) env.errpos = obj.pos();
        expr(x, init);
      }
      initConst(obj, x);
    } finally {
      env.iota = savedIota;
      env.errpos = savedErrpos;
    }
  }

  void varDecl(Var obj, List<Var> lhs, Expr typ, Expr init) {
    if (typ != null) obj.setType(varType(typ));
    if (init == null) {
      if (typ == null) obj.setType(Typ.INVALID);
      return;
    }
    if (lhs == null || lhs.size() == 1) {
      Operand x = new Operand();
      expr(x, init);
      initVar(obj, x, "variable declaration");
      return;
    }
    if (typ != null) for (Var v : lhs) v.setType(obj.type());
    initVars(lhs, List.of(init), null);
  }

  void typeDecl(TypeName obj, Spec.Type tdecl, Named def) {
    if (tdecl.alias()) {
      obj.setAlias(true);
      obj.setType(Typ.INVALID);
      Type rhs = typ(tdecl.type());
      obj.setType(rhs);
      return;
    }
    Named named = new Named(obj, null);
    obj.setType(named);
    Type rhs = definedType(tdecl.type(), named);
    Type u = rhs;
    if (rhs instanceof Named n) {
      u = n.underlying();
      if (u == null) {
        // n is being declared further up the path. If n's own right-hand side is directly a
        // type name, the names form a cycle without any type literal (type T U; type U T);
        // otherwise (type T1 struct{ next *T2 }; type T2 T1) n's underlying type is known as
        // soon as n's declaration completes.
        DeclInfo nd = objMap.get(n.obj());
        Spec.Type ntd = nd != null && nd.tdecl != null ? nd.tdecl : localTypeDecls.get(n.obj());
        Expr nrhs = ntd != null ? unparen(ntd.type()) : null;
        boolean onPath = objPath.contains(n.obj());
        if (onPath && (nrhs instanceof Expr.Ident || nrhs instanceof Expr.Selector)) {
          reportTypeCycle(n);
          u = Typ.INVALID;
        } else {
          waiting.computeIfAbsent(n, k -> new ArrayList<>()).add(named);
          return;
        }
      }
    }
    setUnderlying(named, u);
    validType(named, new ArrayList<>());
  }

  /** Defined types whose underlying type is that of a type still being declared. */
  private final Map<Named, List<Named>> waiting = new IdentityHashMap<>();

  /** After all declarations: types still waiting (only after errors) become invalid. */
  void resolveWaiting() {
    for (List<Named> ws : List.copyOf(waiting.values())) for (Named w : ws) if (w.underlying() == null) w.setUnderlying(Typ.INVALID);
    waiting.clear();
  }

  private void setUnderlying(Named named, Type u) {
    named.setUnderlying(u);
    List<Named> ws = waiting.remove(named);
    if (ws != null) for (Named w : ws) setUnderlying(w, u);
  }

  @Override
  void reportTypeCycle(Named n) {
    int i = objPath.indexOf(n.obj());
    List<Obj> cycle = new ArrayList<>(i >= 0 ? objPath.subList(i, objPath.size()) : List.of(n.obj()));
    cycleError(cycle);
    for (Obj o : cycle) if (o.type() instanceof Named m && m.underlying() == null) m.setUnderlying(Typ.INVALID);
  }

  /** Reports an invalid recursive type: one that contains itself other than through an indirection. */
  boolean validType(Type t, List<Named> path) {
    switch (t) {
      case Named n -> {
        int i = path.indexOf(n);
        if (i >= 0) {
          List<Obj> cycle = new ArrayList<>();
          for (Named m : path.subList(i, path.size())) cycle.add(m.obj());
          cycleError(cycle);
          for (Named m : path.subList(i, path.size())) m.setUnderlying(Typ.INVALID);
          return false;
        }
        if (n.obj().pkg() != pkg || n.underlying() == null) return true;
        path.add(n);
        boolean ok = validType(n.underlying(), path);
        path.remove(path.size() - 1);
        return ok;
      }
      case Array a -> {
        return validType(a.elem(), path);
      }
      case Struct s -> {
        for (Var f : s.fields()) if (!validType(f.type(), path)) return false;
        return true;
      }
      default -> {
        return true;
      }
    }
  }

  /** Associates the methods declared for obj's type with it (types2 collectMethods). */
  void collectMethods(TypeName obj) {
    List<Func> ms = methods.remove(obj);
    if (ms == null) return;
    if (!(obj.type() instanceof Named base)) return;
    Map<String, Func> mset = new HashMap<>();
    for (Func m : base.methods()) mset.put(m.name(), m);
    for (Func m : ms) {
      Func alt = mset.get(m.name());
      if (alt != null) {
        error(m.pos(), obj.name() + "." + m.name() + " redeclared in this block\n\t" + alt.pos() + ": other declaration of " + m.name());
        continue;
      }
      mset.put(m.name(), m);
      base.addMethod(m);
    }
    later.add(() -> {
      if (base.underlying() instanceof Struct st) {
        for (Var f : st.fields()) {
          Func alt = mset.get(f.name());
          if (alt != null && !f.name().equals("_")) {
            error(alt.pos(), "field and method with the same name " + f.name() + "\n\t" + f.pos() + ": other declaration of " + f.name());
          }
        }
      }
    });
    for (Func m : base.methods()) objDecl(m, null);
  }

  void funcDecl(Func obj, DeclInfo d) {
    Decl.Func fdecl = d.fdecl;
    Scope s = funcScope(fdecl.pos(), fdecl.type());
    Var recv = null;
    if (fdecl.recv() != null) recv = receiver(fdecl.recv(), s);
    Integer saved = color.get(obj);
    color.put(obj, BLACK); // a reference to the function in its own signature is not a cycle
    Signature sig = funcType(recv, fdecl.type(), s);
    color.put(obj, saved);
    obj.setType(sig);
    recordTypeAndValue(fdecl.type(), Mode.TYPEXPR, sig, null);
    if (fdecl.body() == null) {
      if (!pkg.std()) error(obj.pos(), "missing function body");
      return;
    }
    later.add(() -> funcBodyIn(d, sig, fdecl.body(), s));
  }

  /** Declares the receiver and validates its type (spec "Method declarations"). */
  private Var receiver(gopl.frontend.ast.Field f, Scope s) {
    Type t = varType(f.type());
    Expr.Ident name = f.names().isEmpty() ? null : f.names().get(0);
    Var recv = new Var(name != null ? name.pos() : startPos(f.type()), pkg, name != null ? name.name() : "", t, Var.Kind.RECV);
    if (name != null) declare(s, name, recv);
    else recordImplicit(f, recv);
    Type rt = t instanceof Pointer p ? p.elem() : t;
    if (rt == Typ.INVALID) return recv;
    Expr te = f.type();
    if (rt instanceof Named n) {
      if (n.obj().pkg() != pkg) {
        errorAt(recv.pos(), "cannot define new methods on non-local type %s", rt);
      } else {
        Type u = n.underlying();
        String cause = null;
        if (u instanceof Basic b && b.kind() == Basic.Kind.UNSAFE_POINTER) cause = "unsafe.Pointer";
        else if (u instanceof Pointer || u instanceof Interface) cause = "pointer or interface type";
        if (cause != null) errorAt(recv.pos(), "invalid receiver type %s (%s)", rt, cause);
      }
    } else if (rt instanceof Basic) {
      errorAt(recv.pos(), "cannot define new methods on non-local type %s", rt);
    } else {
      errorAt(recv.pos(), "invalid receiver type %s", t);
    }
    return recv;
  }

  // ---- local declarations ----

  @Override
  void declStmt(Decl.Gen d) {
    switch (d.kind()) {
      case CONST -> {
        List<Expr> lastValues = List.of();
        Expr lastType = null;
        for (Spec sp : d.specs()) {
          Spec.Value s = (Spec.Value) sp;
          boolean inherited = false;
          Expr typ = s.type();
          List<Expr> values = s.values();
          if (typ != null || !values.isEmpty()) {
            lastType = typ;
            lastValues = values;
          } else {
            typ = lastType;
            values = lastValues;
            inherited = true;
          }
          List<Const> lhs = new ArrayList<>();
          for (int i = 0; i < s.names().size(); i++) {
            Expr.Ident name = s.names().get(i);
            Const obj = new Const(name.pos(), pkg, name.name(), null, null);
            lhs.add(obj);
            Expr init = i < values.size() ? values.get(i) : null;
            constDecl(obj, typ, init, inherited, Constant.of(s.iota()));
          }
          arity(s.pos(), s.names(), values, true, inherited);
          for (int i = 0; i < s.names().size(); i++) declare(env.scope, s.names().get(i), lhs.get(i));
        }
      }
      case VAR -> {
        for (Spec sp : d.specs()) {
          Spec.Value s = (Spec.Value) sp;
          List<Var> lhs0 = new ArrayList<>();
          for (Expr.Ident name : s.names()) lhs0.add(new Var(name.pos(), pkg, name.name(), null, Var.Kind.LOCAL));
          List<Expr> values = s.values();
          for (int i = 0; i < lhs0.size(); i++) {
            List<Var> lhs = null;
            Expr init = null;
            if (values.size() == s.names().size()) init = values.get(i);
            else if (values.size() == 1) {
              lhs = lhs0;
              init = values.get(0);
            } else if (i < values.size()) init = values.get(i);
            varDecl(lhs0.get(i), lhs, s.type(), init);
            if (values.size() == 1) break;
          }
          for (Var v : lhs0) if (v.type() == null) v.setType(Typ.INVALID);
          if (s.type() == null || !values.isEmpty()) arity(s.pos(), s.names(), values, false, false);
          for (int i = 0; i < s.names().size(); i++) declare(env.scope, s.names().get(i), lhs0.get(i));
        }
      }
      case TYPE -> {
        for (Spec sp : d.specs()) {
          Spec.Type s = (Spec.Type) sp;
          TypeName obj = new TypeName(s.name().pos(), pkg, s.name().name(), null);
          declare(env.scope, s.name(), obj);
          localTypeDecl(obj, s);
        }
      }
      case IMPORT -> errorf(d, "imports must appear before other declarations");
    }
  }

  /** Declarations of local types (package-level ones are in objMap). */
  private final Map<TypeName, Spec.Type> localTypeDecls = new IdentityHashMap<>();

  private void localTypeDecl(TypeName obj, Spec.Type s) {
    localTypeDecls.put(obj, s);
    color.put(obj, objPath.size());
    objPath.add(obj);
    try {
      typeDecl(obj, s, null);
    } finally {
      objPath.remove(objPath.size() - 1);
      color.put(obj, BLACK);
    }
  }

  void arity(Pos pos, List<Expr.Ident> names, List<Expr> inits, boolean constDecl, boolean inherited) {
    int l = names.size(), r = inits.size();
    if (l < r) {
      Expr n = inits.get(l);
      if (inherited) errorAt(pos, "extra init expr at %s", n.pos());
      else errorf(n, "extra init expr %s", n);
    } else if (l > r && (constDecl || r != 1)) {
      Expr.Ident n = names.get(r);
      errorf(n, "missing init expr for %s", n.name());
    }
  }
}
