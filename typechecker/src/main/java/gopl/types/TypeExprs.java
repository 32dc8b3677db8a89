package gopl.types;

import gopl.frontend.Pos;
import gopl.frontend.ast.Expr;
import gopl.frontend.ast.Field;
import gopl.frontend.ast.SourceFile;
import gopl.frontend.ast.Stmt;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Identifiers and type expressions: struct, func, interface, array, map, chan types (types2 typexpr.go, struct.go, signature.go, interface.go). */
abstract class TypeExprs extends CheckBase {
  TypeExprs(Package pkg, Info info, List<SourceFile> files, Map<String, Package> imports, int limit) {
    super(pkg, info, files, imports, limit);
  }

  /** Marks a use of a package-level object as a dependency of the declaration being checked. */
  void addDeclDep(Obj o) {
    if (env.decl != null && objMap.containsKey(o)) env.decl.addDep(o);
  }

  /** spec "Declarations and scope": resolves an identifier to an operand. */
  void ident(Operand x, Expr.Ident e, Named def, boolean wantType) {
    x.mode = Mode.INVALID;
    x.nil = false;
    x.expr = e;
    x.type = Typ.INVALID;
    Obj obj = env.scope.lookupParent(e.name());
    if (obj == null) {
      if (e.name().equals("_")) errorf(e, "cannot use _ as value or type");
      else errorf(e, "undefined: %s", e.name());
      return;
    }
    recordUse(e, obj);
    markDotImportUsed(e.name());
    Type t = obj.type();
    if (t == null || (obj instanceof TypeName && wantType)) {
      objDecl(obj, def);
      t = obj.type();
      if (t == null) t = Typ.INVALID;
    }
    switch (obj) {
      case PkgName p -> {
        errorf(e, "use of package %s not in selector", p.name());
        return;
      }
      case Const c -> {
        addDeclDep(c);
        if (t == Typ.INVALID) return;
        if (c == Universe.iota()) {
          if (env.iota == null) {
            errorf(e, "cannot use iota outside constant declaration");
            return;
          }
          x.val = env.iota;
        } else {
          x.val = c.value() == null ? Constant.UNKNOWN : c.value();
        }
        x.mode = Mode.CONSTANT;
      }
      case TypeName tn -> x.mode = Mode.TYPEXPR;
      case Var v -> {
        if (v.pkg() == pkg) v.used = true;
        markCaptured(v);
        addDeclDep(v);
        if (t == Typ.INVALID) return;
        x.mode = Mode.VARIABLE;
      }
      case Func f -> {
        addDeclDep(f);
        x.mode = Mode.VALUE;
      }
      case Builtin b -> {
        x.id = b.id();
        x.mode = Mode.BUILTIN;
      }
      case Nil n -> {
        x.mode = Mode.VALUE;
        x.nil = true;
      }
      case Label l -> {
        return;
      }
    }
    x.type = t;
  }

  /** If name resolves to a dot-imported object, its import is used. */
  void markDotImportUsed(String name) {
    if (dotImports.isEmpty()) return;
    Scope s = env.scope.scopeOf(name);
    Map<String, PkgName> m = s == null ? null : dotImports.get(s);
    if (m != null && m.get(name) != null) m.get(name).used = true;
  }

  /** A local variable of an enclosing function used inside a function literal is captured. */
  void markCaptured(Var v) {
    if (v.kind() == Var.Kind.PACKAGE || v.kind() == Var.Kind.FIELD || env.funcScope == null) return;
    for (Scope s = env.scope; s != null; s = s.parent()) {
      if (s == v.parent()) return;
      if (s == env.funcScope) break;
    }
    v.captured = true;
  }

  @Override
  Type typ(Expr e) {
    return definedType(e, null);
  }

  @Override
  Type varType(Expr e) {
    return definedType(e, null);
  }

  @Override
  Type definedType(Expr e, Named def) {
    Type t = typInternal(e, def);
    recordTypeAndValue(e, Mode.TYPEXPR, t, null);
    return t;
  }

  private Type typInternal(Expr e0, Named def) {
    switch (e0) {
      case Expr.Bad b -> {}
      case Expr.Ident e -> {
        Operand x = new Operand();
        ident(x, e, def, true);
        switch (x.mode) {
          case TYPEXPR -> {
            return x.type;
          }
          case INVALID -> {}
          case NOVALUE -> errorf(x, "%s used as type", x);
          default -> errorf(x, "%s is not a type", x);
        }
      }
      case Expr.Selector e -> {
        Operand x = new Operand();
        selector(x, e, true);
        switch (x.mode) {
          case TYPEXPR -> {
            return x.type;
          }
          case INVALID -> {}
          case NOVALUE -> errorf(x, "%s used as type", x);
          default -> errorf(x, "%s is not a type", x);
        }
      }
      case Expr.Paren e -> {
        return definedType(e.x(), def);
      }
      case Expr.ArrayType e -> {
        if (e.len() == null) return new Slice(varType(e.elem()));
        if (e.len() instanceof Expr.Ellipsis) {
          // types2 reports at the array type ([), not at the dots.
          errorf(e, "invalid use of [...] array (outside a composite literal)");
          varType(e.elem());
          return Typ.INVALID;
        }
        long n = arrayLength(e.len());
        Type elem = varType(e.elem());
        if (n >= 0) return new Array(elem, n);
      }
      case Expr.Ellipsis e -> {
        errorf(e, "invalid use of '...'");
      }
      case Expr.StructType e -> {
        return structType(e);
      }
      case Expr.Star e -> {
        Type base = varType(e.x());
        if (base == Typ.INVALID) return Typ.INVALID;
        return new Pointer(base);
      }
      case Expr.FuncType e -> {
        return funcType(null, e, null);
      }
      case Expr.InterfaceType e -> {
        return interfaceType(e, def);
      }
      case Expr.MapType e -> {
        Type k = varType(e.key());
        Type v = varType(e.value());
        MapType m = new MapType(k, v);
        later.add(() -> {
          if (k != Typ.INVALID && !Predicates.comparable(k)) errorf(e.key(), "invalid map key type %s", k);
        });
        return m;
      }
      case Expr.ChanType e -> {
        Chan.Dir d = switch (e.dir()) {
          case BOTH -> Chan.Dir.SEND_RECV;
          case SEND -> Chan.Dir.SEND_ONLY;
          case RECV -> Chan.Dir.RECV_ONLY;
        };
        return new Chan(d, varType(e.value()));
      }
      default -> errorf(e0, "%s is not a type", e0);
    }
    return Typ.INVALID;
  }

  abstract void selector(Operand x, Expr.Selector e, boolean wantType);

  /** spec "Array types": the length must be a non-negative constant representable by int. */
  long arrayLength(Expr e) {
    if (e instanceof Expr.Ident name) {
      Obj obj = env.scope.lookupParent(name.name());
      if (obj == null) {
        errorf(name, "undefined array length %s or missing type constraint", name.name());
        return -1;
      }
      if (!(obj instanceof Const)) {
        errorf(name, "invalid array length %s", name.name());
        return -1;
      }
    }
    Operand x = new Operand();
    expr(x, e);
    if (x.mode != Mode.CONSTANT) {
      if (x.mode != Mode.INVALID) errorf(x, "array length %s must be constant", x);
      return -1;
    }
    if (Predicates.isUntyped(x.type) || Predicates.isInteger(x.type)) {
      Constant v = ConstOps.toInt(x.val);
      if (v instanceof Constant.Int iv) {
        if (iv.value().bitLength() <= 63) {
          if (iv.value().signum() >= 0) return iv.value().longValue();
          errorf(x, "invalid array length %s", x);
          return -1;
        }
      }
    }
    errorf(x, "array length %s must be integer", x);
    return -1;
  }

  /** spec "Struct types". */
  Type structType(Expr.StructType e) {
    List<Var> fields = new ArrayList<>();
    List<String> tags = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Field f : e.fields()) {
      Type t = varType(f.type());
      String tag = f.tag() == null ? null : tagValue(f.tag());
      if (f.names().isEmpty()) {
        // spec: "An embedded field must be specified as a type name T or as a pointer to a
        // non-interface type name *T, and T itself may not be a pointer type."
        Expr te = f.type() instanceof Expr.Star s ? s.x() : f.type();
        Expr.Ident nameId = te instanceof Expr.Selector sel ? sel.sel() : te instanceof Expr.Ident id ? id : null;
        String name = nameId == null ? "_" : nameId.name();
        Var fv = new Var(startPos(f.type()), pkg, name, t, Var.Kind.FIELD, true);
        addField(fields, tags, seen, fv, tag, null);
        later.add(() -> {
          Type u = t instanceof Pointer p ? p.elem() : t;
          Type uu = u.underlying();
          if (uu == null || uu == Typ.INVALID) return;
          if (uu instanceof Pointer || (uu instanceof Basic b && b.kind() == Basic.Kind.UNSAFE_POINTER)) {
            errorf(f.type(), "embedded field type cannot be a pointer");
          } else if (u != t && uu instanceof Interface) {
            errorf(f.type(), "embedded field type cannot be a pointer to an interface");
          }
        });
        if (nameId != null) recordImplicit(f, fv);
      } else {
        for (Expr.Ident id : f.names()) {
          Var fv = new Var(id.pos(), pkg, id.name(), t, Var.Kind.FIELD, false);
          addField(fields, tags, seen, fv, tag, id);
        }
      }
    }
    return new Struct(fields, tags);
  }

  private void addField(List<Var> fields, List<String> tags, Set<String> seen, Var f, String tag, Expr.Ident id) {
    if (!f.name().equals("_") && !seen.add(f.name())) {
      // types2 declareInSet: the other declaration follows on a continuation line.
      String other = fields.stream().filter(o -> o.name().equals(f.name())).findFirst()
          .map(o -> "\n\t" + o.pos() + ": other declaration of " + f.name()).orElse("");
      error(f.pos(), f.name() + " redeclared" + other);
      return;
    }
    if (id != null) recordDef(id, f);
    fields.add(f);
    tags.add(tag);
  }

  private static String tagValue(Expr.BasicLit lit) {
    Constant c = Literals.stringLit(lit.value());
    return c == null ? "" : c.stringValue();
  }

  /**
   * spec "Function types": builds the signature; declares parameters and results in scope when
   * one is given (a function declaration or literal), recv first.
   */
  @Override
  Signature funcType(Var recv, Expr.FuncType ft, Scope scope) {
    boolean[] variadic = new boolean[1];
    if (scope == null) scope = new Scope(null, ft.pos(), "parameters", true); // catches duplicates
    List<Var> params = collectParams(scope, ft.params(), true, Var.Kind.PARAM, variadic);
    List<Var> results = collectParams(scope, ft.results(), false, Var.Kind.RESULT, null);
    return new Signature(recv, new Tuple(params), new Tuple(results), variadic[0]);
  }

  List<Var> collectParams(Scope scope, List<Field> list, boolean variadicOk, Var.Kind kind, boolean[] variadic) {
    List<Var> out = new ArrayList<>();
    boolean named = false, anonymous = false;
    if (scope == null) scope = new Scope(null, gopl.frontend.Pos.NONE, "parameters", true); // catches duplicates
    for (int i = 0; i < list.size(); i++) {
      Field f = list.get(i);
      Expr ftype = f.type();
      boolean isVariadic = false;
      if (ftype instanceof Expr.Ellipsis el) {
        ftype = el.elt();
        if (variadicOk && i == list.size() - 1 && f.names().size() <= 1) {
          isVariadic = true;
        } else {
          errorf(el, "can only use ... with final parameter in list");
        }
      }
      Type t = varType(ftype);
      if (isVariadic) {
        t = new Slice(t);
        recordTypeAndValue(f.type(), Mode.TYPEXPR, t, null);
        variadic[0] = true;
      }
      if (!f.names().isEmpty()) {
        for (Expr.Ident id : f.names()) {
          Var v = new Var(id.pos(), pkg, id.name(), t, kind);
          declare(scope, id, v);
          out.add(v);
        }
        named = true;
      } else {
        Var v = new Var(startPos(ftype), pkg, "", t, kind);
        recordImplicit(f, v);
        out.add(v);
        anonymous = true;
      }
    }
    if (named && anonymous) errorf(list.get(0), "mixed named and unnamed parameters");
    return out;
  }

  /** spec "Interface types". */
  Type interfaceType(Expr.InterfaceType e, Named def) {
    Interface it = new Interface(List.of(), List.of());
    Type recvType = def != null ? def : it;
    for (Field f : e.methods()) {
      if (f.names().isEmpty()) {
        Type t = typ(f.type());
        if (t == Typ.INVALID) continue;
        if (t instanceof Named n && n.underlying() == null) {
          reportTypeCycle(n);
          continue;
        }
        if (!(t.underlying() instanceof Interface)) {
          errorf(f.type(), "interface contains type constraints");
          continue;
        }
        it.addEmbedded(t);
        continue;
      }
      Expr.Ident name = f.names().get(0);
      if (name.name().equals("_")) {
        errorf(name, "methods must have a unique non-blank name");
        continue;
      }
      Var recv = new Var(name.pos(), pkg, "", recvType, Var.Kind.RECV);
      Signature sig = funcType(recv, (Expr.FuncType) f.type(), null);
      recordTypeAndValue(f.type(), Mode.TYPEXPR, sig, null);
      Func m = new Func(name.pos(), pkg, name.name(), sig);
      Func dup = it.explicitMethods().stream().filter(o -> o.name().equals(m.name())).findFirst().orElse(null);
      if (dup != null) {
        errorAt(name.pos(), "duplicate method %s\n\t%s: other declaration of %s", m.name(), dup.pos(), m.name());
        continue;
      }
      it.addMethod(m);
      recordDef(name, m);
    }
    later.addFirst(() -> {
      it.invalidate();
      it.complete();
    });
    return it;
  }

  /** Reports the cycle of type declarations on the current path that leads back to n. */
  abstract void reportTypeCycle(Named n);

  /** Opens the function scope for a declaration or literal. */
  Scope funcScope(Pos pos, Expr.FuncType ft) {
    Scope s = new Scope(env.scope, pos, "function", true);
    recordScope(ft, s);
    return s;
  }

  /** Reports an unused-but-harmless statement list check hook (used by Stmts). */
  abstract void stmtList(int ctxt, List<Stmt> list);
}
