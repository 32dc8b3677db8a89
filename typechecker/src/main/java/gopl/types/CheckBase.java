package gopl.types;

import gopl.frontend.Pos;
import gopl.frontend.ast.Expr;
import gopl.frontend.ast.Node;
import gopl.frontend.ast.SourceFile;
import gopl.frontend.ast.Stmt;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * State shared by every part of the checker for one package (go/types check.go) and the helpers
 * that report errors and record results. The parts are layered as subclasses, one file per
 * concern (TypeExprs, Exprs, Calls, Builtins, Conversions, Assignments, Stmts, Decls,
 * PackageChecker), so that they share this state as go/types' files share its Checker.
 */
abstract class CheckBase {
  final Package pkg;
  final Info info;
  final List<SourceFile> files;
  /** Packages already checked, by import path (valid for the whole check). */
  final Map<String, Package> importsByPath;
  final Errors errors;

  /** Declaration info of every package-level object (and methods), valid for the whole check. */
  final Map<Obj, DeclInfo> objMap = new java.util.LinkedHashMap<>();

  /** Objects dot-imported into a file scope -> the import's PkgName, for "imported and not used". */
  final Map<Scope, Map<String, PkgName>> dotImports = new IdentityHashMap<>();

  /** Untyped expressions whose final type is not yet known (go/types check.untyped). */
  final Map<Expr, UntypedInfo> untyped = new IdentityHashMap<>();

  /** The current environment; replaced (not mutated) when entering a function or declaration. */
  Env env = new Env();

  /** Function bodies to check after the package-level declarations (go/types check.later). */
  final java.util.ArrayDeque<Runnable> later = new java.util.ArrayDeque<>();

  CheckBase(Package pkg, Info info, List<SourceFile> files, Map<String, Package> importsByPath, int limit) {
    this.errors = new Errors(limit);
    this.pkg = pkg;
    this.info = info;
    this.files = files;
    this.importsByPath = importsByPath;
  }

  /** An expression still waiting for its final type. */
  static final class UntypedInfo {
    boolean isLhs; // lhs of a non-constant shift
    Mode mode;
    Basic type;
    Constant val;

    UntypedInfo(boolean isLhs, Mode mode, Basic type, Constant val) {
      this.isLhs = isLhs;
      this.mode = mode;
      this.type = type;
      this.val = val;
    }
  }

  /** Where the checker is: scope, enclosing declaration, iota, function signature. */
  static final class Env {
    DeclInfo decl; // package-level declaration being checked (dependency tracking), or null
    Scope scope; // innermost scope
    Scope funcScope; // outermost scope of the innermost enclosing function, or null
    Pos pos; // for position-dependent lookups (unused: declarations are checked in order)
    Constant iota; // value of iota in a constant declaration, or null
    Pos errpos; // reporting position for inherited constant initializers, or null
    Signature sig; // signature of the function being checked, or null
    boolean hasLabel; // the function body has labels
    boolean hasCallOrRecv; // the expression being checked contains a call or receive
    int txnDepth; // nesting of txn blocks

    Env copy() {
      Env e = new Env();
      e.decl = decl;
      e.scope = scope;
      e.funcScope = funcScope;
      e.pos = pos;
      e.iota = iota;
      e.errpos = errpos;
      e.sig = sig;
      e.hasLabel = hasLabel;
      e.hasCallOrRecv = hasCallOrRecv;
      e.txnDepth = txnDepth;
      return e;
    }
  }

  // ---- errors ----

  void error(Pos pos, String msg) {
    if (env.errpos != null) pos = env.errpos;
    errors.error(pos, msg);
  }

  void errorf(Node at, String fmt, Object... args) {
    error(startPos(at), sprintf(fmt, args));
  }

  void errorf(Operand x, String fmt, Object... args) {
    error(x.expr != null ? startPos(x.expr) : Pos.NONE, sprintf(fmt, args));
  }

  void errorAt(Pos pos, String fmt, Object... args) {
    error(pos, sprintf(fmt, args));
  }

  /** Formats args as types2 does: operands described, types and objects qualified relative to pkg. */
  String sprintf(String fmt, Object... args) {
    Object[] a = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      a[i] = switch (args[i]) {
        case null -> "<nil>";
        case Operand o -> o.describe(pkg);
        case Type t -> TypeString.of(t, pkg);
        case Expr e -> ExprString.of(e);
        case Obj o -> o.name();
        default -> args[i];
      };
    }
    return String.format(fmt, a);
  }

  /** The leftmost position of a node (syntax.StartPos). */
  static Pos startPos(Node n) {
    return switch (n) {
      case Expr.Binary b -> startPos(b.x());
      case Expr.Selector s -> startPos(s.x());
      case Expr.Index i -> startPos(i.x());
      case Expr.Slice s -> s.lbrack(); // syntax.SliceExpr has no StartPos case: gc reports at '['

      case Expr.TypeAssert t -> startPos(t.x());
      case Expr.Call c -> startPos(c.fun());
      case Expr.CompositeLit c when c.type() != null -> startPos(c.type());
      case Expr.KeyValue kv -> colonPos(kv);
      default -> n.pos();
    };
  }

  /**
   * The position of the colon of {@code key: value}, where gc reports errors about the element.
   * The AST does not record it; for an identifier or literal key it is taken to follow the key
   * directly (gofmt style), otherwise the key's position is used.
   */
  static Pos colonPos(Expr.KeyValue kv) {
    Expr k = kv.key();
    String text = k instanceof Expr.Ident id ? id.name() : k instanceof Expr.BasicLit l ? l.value() : null;
    if (text == null || text.indexOf('\n') >= 0) return startPos(k);
    int len = text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    return new Pos(k.pos().file(), k.pos().line(), k.pos().column() + len);
  }

  /** The position of the operator of an operation, else the start (types2 opPos). */
  static Pos opPos(Expr e) {
    return switch (e) {
      case Expr.Binary b -> b.opPos();
      case Expr.Unary u -> u.pos();
      default -> startPos(e);
    };
  }

  // ---- recording ----

  void recordTypeAndValue(Expr x, Mode mode, Type typ, Constant val) {
    if (mode == Mode.INVALID) return;
    if (mode == Mode.CONSTANT) {
      // keep the exact value
    } else {
      val = null;
    }
    info.types.put(x, new TypeAndValue(mode, typ, val));
  }

  void rememberUntyped(Expr e, boolean lhs, Mode mode, Basic typ, Constant val) {
    untyped.put(e, new UntypedInfo(lhs, mode, typ, val));
  }

  void recordDef(Expr.Ident id, Obj obj) {
    info.defs.put(id, obj);
  }

  void recordUse(Expr.Ident id, Obj obj) {
    info.uses.put(id, obj);
  }

  void recordImplicit(Node n, Obj obj) {
    info.implicits.put(n, obj);
  }

  void recordSelection(Expr.Selector x, Selection.Kind kind, Type recv, Obj obj, List<Integer> index, boolean indirect) {
    recordUse(x.sel(), obj);
    info.selections.put(x, new Selection(kind, recv, obj, List.copyOf(index), indirect));
  }

  void recordScope(Node n, Scope s) {
    info.scopes.put(n, s);
  }

  /** Records what remains untyped at the end with its (untyped) type. */
  void recordUntyped() {
    for (var e : untyped.entrySet()) {
      UntypedInfo u = e.getValue();
      recordTypeAndValue(e.getKey(), u.mode, u.type, u.val);
    }
  }

  // ---- declaring ----

  /** Declares obj in scope (unless blank) and records the definition; reports redeclarations. */
  void declare(Scope scope, Expr.Ident id, Obj obj) {
    if (!obj.name().equals("_")) {
      Obj alt = scope.insert(obj);
      if (alt != null) {
        reportRedeclared(obj, alt);
        return;
      }
    }
    if (id != null) recordDef(id, obj);
  }

  void reportRedeclared(Obj obj, Obj alt) {
    String where = alt.pos() == null || alt.pos() == Pos.NONE ? "" : "\n\tother declaration of " + alt.name();
    error(obj.pos(), obj.name() + " redeclared in this block" + (alt.pos() != Pos.NONE ? "\n\t" + alt.pos() + ": other declaration of " + alt.name() : ""));
  }

  Scope openScope(Node n, String comment) {
    Scope s = new Scope(env.scope, n.pos(), comment, false);
    recordScope(n, s);
    env.scope = s;
    return s;
  }

  void closeScope() {
    env.scope = env.scope.parent();
  }

  // ---- hooks implemented by the later layers ----

  abstract void expr(Operand x, Expr e);

  abstract void multiExpr(Operand x, Expr e);

  abstract void exprWithHint(Operand x, Expr e, Type hint);

  abstract void exprOrType(Operand x, Expr e);

  abstract Type typ(Expr e);

  abstract Type varType(Expr e);

  abstract Type definedType(Expr e, Named def);

  abstract void objDecl(Obj obj, Named def);

  abstract void assignment(Operand x, Type t, String context);

  abstract void conversion(Operand x, Type t);

  abstract Signature funcType(Var recv, Expr.FuncType ft, Scope scope);

  abstract void declStmt(gopl.frontend.ast.Decl.Gen d);

  abstract void convertUntyped(Operand x, Type target);

  abstract void updateExprType(Expr x, Type typ, boolean fin);
}
