package gopl.codegen;

import gopl.frontend.Diagnostic;
import gopl.frontend.Pos;
import gopl.frontend.ast.Decl;
import gopl.frontend.ast.Expr;
import gopl.frontend.ast.Node;
import gopl.frontend.ast.Op;
import gopl.frontend.ast.SourceFile;
import gopl.frontend.ast.Spec;
import gopl.frontend.ast.Stmt;
import gopl.types.Builtin;
import gopl.types.CheckedPackage;
import gopl.types.Func;
import gopl.types.Info;
import gopl.types.Obj;
import gopl.types.Pointer;
import gopl.types.Selection;
import gopl.types.Slice;
import gopl.types.Struct;
import gopl.types.Type;
import gopl.types.TypeAndValue;
import gopl.types.Var;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Persistence tags (issue 7, DESIGN.md §4): for every pointer-, slice- and interface-valued
 * expression of a function, whether it is definitely volatile, definitely persistent or unknown, by
 * a flow-insensitive analysis of the function's local variables (a variable whose address is taken
 * or that a closure captures is unknown) plus function summaries (a function whose every return is
 * persistent, as a constructor calling pnew). Facts: pnew/pmake are persistent; &T{}, new, make,
 * literals and conversions are volatile; a pointer or slice loaded from a persistent object is
 * persistent (GoPL never stores a volatile one there: it panics or copies); slicing and append keep
 * the tag of their operand when it is persistent.
 *
 * <p>Uses: {@link #ownerTag} tells the code generator that a field access needs no twin dispatch
 * (volatile: direct getfield) or can call the twin directly (persistent); {@link #report} lists
 * each load and store of a persistable struct's field with its tag ({@code gopl check -tags}); the
 * warnings are the diagnostics go-pmem did not have. Tags are an optimisation: with
 * {@code -Dgopl.persist.tags=false} every access stays dynamic, and the program behaves the same.
 */
final class PersistTags {
  enum Tag {
    VOLATILE, PERSISTENT, UNKNOWN;

    String word() {
      return name().toLowerCase();
    }
  }

  /** Whether codegen uses the tags (a compiler flag, to measure their effect). */
  static final boolean ENABLED = !"false".equals(System.getProperty("gopl.persist.tags"));

  private final CodeGenerator gen;
  /** Field selector -> tag of the object holding the field (persistable structs only). */
  private final Map<Expr.Selector, Tag> owners = new IdentityHashMap<>();
  private final Set<Expr.Selector> stores = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
  /** Functions whose every return value is persistent. */
  private final Set<Func> persistentResults = new HashSet<>();
  final List<Diagnostic> warnings = new ArrayList<>();

  PersistTags(CodeGenerator gen) {
    this.gen = gen;
  }

  /** Analyses every non-std package (twice: the second round uses the function summaries). */
  void analyze() {
    for (int round = 0; round < 2; round++) {
      owners.clear();
      stores.clear();
      warnings.clear();
      for (CheckedPackage cp : gen.program.packages()) {
        if (cp.pkg().std()) continue;
        for (SourceFile f : cp.files()) {
          for (Decl d : f.decls()) {
            if (d instanceof Decl.Func fd && fd.body() != null) new Body(cp.info(), fd.body(), (Func) cp.info().defs.get(fd.name())).run();
          }
        }
      }
    }
  }


  /** The tag of the object holding the field selected by s, or null if s is not such an access. */
  Tag ownerTag(Expr.Selector s) {
    return ENABLED ? owners.get(s) : null;
  }

  /** One line per field load/store of a persistable struct: {@code file:line:col: store x.f: persistent}. */
  List<String> report() {
    List<Map.Entry<Expr.Selector, Tag>> all = new ArrayList<>(owners.entrySet());
    all.sort((a, b) -> { // by position, then text (m.next before m.next.val): deterministic
      int c = comparePos(a.getKey().pos(), b.getKey().pos());
      return c != 0 ? c : gopl.frontend.ast.ExprString.of(a.getKey()).compareTo(gopl.frontend.ast.ExprString.of(b.getKey()));
    });
    List<String> out = new ArrayList<>();
    for (var e : all) {
      out.add(e.getKey().pos() + ": " + (stores.contains(e.getKey()) ? "store " : "load ") + gopl.frontend.ast.ExprString.of(e.getKey()) + ": " + e.getValue().word());
    }
    return out;
  }

  private static int comparePos(Pos a, Pos b) {
    return a.compareTo(b);
  }

  private static Tag join(Tag a, Tag b) {
    if (a == null) return b;
    if (b == null) return a;
    return a == b ? a : Tag.UNKNOWN;
  }

  /** The analysis of one function body (nested function literals are bodies of their own). */
  private final class Body {
    final Info info;
    final Stmt.Block block;
    final Func func;
    final Map<Var, List<Expr>> assigned = new HashMap<>();
    final Set<Var> unknown = new HashSet<>();
    final Set<Var> fresh = new HashSet<>();
    final Map<Var, Tag> tags = new HashMap<>();
    final List<Expr> returns = new ArrayList<>();
    final List<Body> nested = new ArrayList<>();

    Body(Info info, Stmt.Block block, Func func) {
      this.info = info;
      this.block = block;
      this.func = func;
    }

    void run() {
      collect(block);
      for (int i = 0; i < 8; i++) {
        boolean changed = false;
        for (var e : assigned.entrySet()) {
          if (unknown.contains(e.getKey())) continue;
          Tag t = tags.get(e.getKey());
          for (Expr x : e.getValue()) t = join(t, tag(x));
          if (t != tags.get(e.getKey())) {
            tags.put(e.getKey(), t);
            changed = true;
          }
        }
        if (!changed) break;
      }
      if (func != null && !returns.isEmpty()) {
        boolean all = true;
        for (Expr r : returns) all &= tag(r) == Tag.PERSISTENT;
        if (all) persistentResults.add(func);
      }
      record(block, false);
      for (Body b : nested) b.run();
    }

    Var var(Expr e) {
      e = ExprGen.unparen(e);
      if (e instanceof Expr.Ident id && info.objectOf(id) instanceof Var v && !v.isPackageLevel()) return v;
      return null;
    }

    void assign(Expr lhs, Expr rhs) {
      Var v = var(lhs);
      if (v == null) return;
      if (rhs == null) {
        unknown.add(v);
        return;
      }
      assigned.computeIfAbsent(v, k -> new ArrayList<>()).add(rhs);
      if (isAlloc(rhs)) fresh.add(v);
    }

    /** Collects assignments, address-taken and captured variables, returns. */
    void collect(Node root) {
      DeferScan.walk(root, n -> {
        switch (n) {
          case Stmt.Assign a when a.op() == Op.ASSIGN || a.op() == Op.DEFINE -> {
            if (a.lhs().size() == a.rhs().size()) {
              for (int i = 0; i < a.lhs().size(); i++) assign(a.lhs().get(i), a.rhs().get(i));
            } else {
              for (Expr l : a.lhs()) assign(l, null);
            }
          }
          case Spec.Value vs -> {
            for (int i = 0; i < vs.names().size(); i++) {
              if (vs.values().size() == vs.names().size()) assign(vs.names().get(i), vs.values().get(i));
              else if (!vs.values().isEmpty()) assign(vs.names().get(i), null);
            }
          }
          case Stmt.Range r -> {
            if (r.key() != null) assign(r.key(), null);
            if (r.value() != null) assign(r.value(), null);
          }
          case Expr.Unary u when u.op() == Op.AND -> {
            Var v = var(u.x());
            if (v != null) unknown.add(v);
          }
          case Stmt.Return r -> {
            if (r.results().size() == 1) returns.add(r.results().get(0));
            else returns.add(null);
          }
          case Expr.FuncLit fl -> {
            // a closure is analysed on its own; every variable it mentions is unknown here
            DeferScan.walk(fl.body(), m -> {
              if (m instanceof Expr.Ident id && info.objectOf(id) instanceof Var v) unknown.add(v);
            }, false);
            nested.add(new Body(info, fl.body(), null));
          }
          default -> {}
        }
      }, true);
      for (Var v : new ArrayList<>(assigned.keySet())) if (v.kind() != Var.Kind.LOCAL) unknown.add(v);
      returns.removeIf(r -> r == null);
    }

    boolean isAlloc(Expr e) {
      e = ExprGen.unparen(e);
      return e instanceof Expr.Call c && builtin(c) != null && (builtin(c) == Builtin.Id.PNEW || builtin(c) == Builtin.Id.PMAKE);
    }

    Builtin.Id builtin(Expr.Call c) {
      Expr f = ExprGen.unparen(c.fun());
      return f instanceof Expr.Ident id && info.objectOf(id) instanceof Builtin b ? b.id() : null;
    }

    Type typeOf(Expr e) {
      TypeAndValue tv = info.types.get(e);
      return tv == null ? null : tv.type();
    }

    /** The tag of a pointer/slice/interface-valued expression. */
    Tag tag(Expr e) {
      if (e == null) return Tag.UNKNOWN;
      e = ExprGen.unparen(e);
      TypeAndValue tv = info.types.get(e);
      if (tv != null && tv.isNil()) return null; // nil: neutral
      switch (e) {
        case Expr.Ident id -> {
          Var v = var(id);
          if (v == null || unknown.contains(v)) return Tag.UNKNOWN;
          Tag t = tags.get(v);
          return t == null ? Tag.UNKNOWN : t;
        }
        case Expr.Call c -> {
          Builtin.Id b = builtin(c);
          if (b == Builtin.Id.PNEW || b == Builtin.Id.PMAKE) return Tag.PERSISTENT;
          if (b == Builtin.Id.NEW || b == Builtin.Id.MAKE) return Tag.VOLATILE;
          if (b == Builtin.Id.APPEND) return tag(c.args().get(0)) == Tag.PERSISTENT ? Tag.PERSISTENT : Tag.UNKNOWN;
          TypeAndValue ftv = info.types.get(c.fun());
          if (ftv != null && ftv.isType() && c.args().size() == 1) { // a conversion
            Expr arg = ExprGen.unparen(c.args().get(0));
            Type at = typeOf(arg);
            if (at != null && TypeLayout.isString(at.underlying())) return Tag.VOLATILE; // []byte(s): a new array
            if (at != null && at.underlying() instanceof gopl.types.Basic) return rootCall(arg) ? Tag.PERSISTENT : Tag.UNKNOWN; // (*T)(unsafe.Pointer)
            return tag(arg);
          }
          Expr f = ExprGen.unparen(c.fun());
          Obj o = f instanceof Expr.Ident id ? info.objectOf(id) : f instanceof Expr.Selector s ? info.uses.get(s.sel()) : null;
          if (o instanceof Func fn && persistentResults.contains(fn)) return Tag.PERSISTENT;
          return Tag.UNKNOWN;
        }
        case Expr.Unary u when u.op() == Op.AND -> {
          Expr x = ExprGen.unparen(u.x());
          if (x instanceof Expr.CompositeLit) return Tag.VOLATILE;
          if (x instanceof Expr.Selector s && isField(s)) return owner(s.x());
          return Tag.UNKNOWN;
        }
        case Expr.CompositeLit cl -> {
          return Tag.VOLATILE;
        }
        case Expr.Selector s -> {
          if (!isField(s)) return Tag.UNKNOWN;
          return owner(s.x()) == Tag.PERSISTENT ? Tag.PERSISTENT : Tag.UNKNOWN;
        }
        case Expr.Index ix -> {
          Type t = typeOf(ix.x());
          if (t != null && t.underlying() instanceof Slice) return tag(ix.x()) == Tag.PERSISTENT ? Tag.PERSISTENT : Tag.UNKNOWN;
          return Tag.UNKNOWN;
        }
        case Expr.Slice sl -> {
          Type t = typeOf(sl.x());
          if (t != null && t.underlying() instanceof Slice) return tag(sl.x());
          return Tag.UNKNOWN;
        }
        case Expr.Star st -> {
          return tag(st.x()) == Tag.PERSISTENT ? Tag.PERSISTENT : Tag.UNKNOWN;
        }
        case Expr.TypeAssert ta -> {
          return tag(ta.x()) == Tag.PERSISTENT ? Tag.PERSISTENT : Tag.UNKNOWN;
        }
        default -> {
          return Tag.UNKNOWN;
        }
      }
    }

    /** pmem.New/Get(...): a root of the persistent heap. */
    boolean rootCall(Expr e) {
      if (!(e instanceof Expr.Call c) || !(ExprGen.unparen(c.fun()) instanceof Expr.Selector s)) return false;
      return info.uses.get(s.sel()) instanceof Func f && f.pkg() != null && PersistTypes.isPmemPackage(f.pkg().path())
          && (f.name().equals("New") || f.name().equals("Get"));
    }

    boolean isField(Expr.Selector s) {
      Selection sel = info.selections.get(s);
      return sel != null && sel.kind() == Selection.Kind.FIELD_VAL && sel.index().size() == 1;
    }

    /** The tag of the object a field selector x.f reads from, given x. */
    Tag owner(Expr x) {
      x = ExprGen.unparen(x);
      Type t = typeOf(x);
      if (t == null) return Tag.UNKNOWN;
      if (t.underlying() instanceof Pointer) return tag(x);
      // a struct value: a local variable is a JVM object; a field or element in place shares its holder's heap
      return switch (x) {
        case Expr.Ident id -> var(id) != null ? Tag.VOLATILE : Tag.UNKNOWN;
        case Expr.Selector s -> isField(s) ? owner(s.x()) : Tag.UNKNOWN;
        case Expr.Index ix -> typeOf(ix.x()) != null && typeOf(ix.x()).underlying() instanceof Slice ? tag(ix.x()) : Tag.UNKNOWN;
        case Expr.Star st -> tag(st.x());
        default -> Tag.UNKNOWN;
      };
    }

    /** Records owner tags of field accesses, stores, and the warnings. */
    void record(Node root, boolean inTxn) {
      DeferScan.walk(root, n -> {
        switch (n) {
          case Expr.Selector s -> {
            if (isField(s)) {
              Type ot = typeOf(s.x());
              Type st = ot == null ? null : ot.underlying() instanceof Pointer p ? p.elem() : ot;
              if (st != null && gen.persist.types.isStruct(st)) owners.put(s, owner(s.x()));
            }
          }
          case Stmt.Assign a -> {
            for (Expr l : a.lhs()) if (ExprGen.unparen(l) instanceof Expr.Selector s) stores.add(s);
            if (a.lhs().size() == a.rhs().size()) {
              for (int i = 0; i < a.lhs().size(); i++) checkStore(a, a.lhs().get(i), a.rhs().get(i));
            }
          }
          case Stmt.IncDec d -> {
            if (ExprGen.unparen(d.x()) instanceof Expr.Selector s) stores.add(s);
          }
          default -> {}
        }
      }, true);
      txnWarnings(root, false);
    }

    /** go-pmem was silent here: a volatile pointer stored into a persistent object. */
    void checkStore(Stmt.Assign a, Expr lhs, Expr rhs) {
      if (!(ExprGen.unparen(lhs) instanceof Expr.Selector s) || !isField(s)) return;
      Type ft = typeOf(s);
      if (ft == null || !(ft.underlying() instanceof Pointer) || PersistGen.isVolatileOnly(ft)) return;
      if (owner(s.x()) == Tag.PERSISTENT && tag(rhs) == Tag.VOLATILE) {
        warnings.add(Diagnostic.warning(a.pos(), "volatile pointer stored into a field of a persistent object: it would read as nil after a restart (GoPL panics at run time; allocate it with pnew)"));
      }
    }

    /** go, channel operations inside txn blocks; unflushed stores to fresh persistent objects outside them. */
    void txnWarnings(Object node, boolean inTxn) {
      if (node == null) return;
      if (node instanceof List<?> l) {
        for (Object o : l) txnWarnings(o, inTxn);
        return;
      }
      if (!(node instanceof Node n) || n instanceof Expr.FuncLit) return;
      if (n instanceof Stmt.Txn t) {
        txnWarnings(t.body(), true);
        return;
      }
      if (inTxn) {
        if (n instanceof Stmt.Go) warnings.add(Diagnostic.warning(n.pos(), "go statement inside a txn block: the new goroutine is not part of the transaction"));
        if (n instanceof Stmt.Send || n instanceof Expr.Unary u && u.op() == Op.ARROW || n instanceof Stmt.Select) {
          warnings.add(Diagnostic.warning(n.pos(), "channel operation inside a txn block: it is not undone if the transaction rolls back"));
        }
      } else if (n instanceof Stmt.Assign a) {
        for (Expr l : a.lhs()) {
          if (ExprGen.unparen(l) instanceof Expr.Selector s && isField(s) && var(s.x()) instanceof Var v && fresh.contains(v) && !returned(v)
              && owner(s.x()) == Tag.PERSISTENT && !flushedAfter(a.pos())) {
            warnings.add(Diagnostic.warning(a.pos(), "store to a new persistent object outside a txn block is never flushed: call runtime.PersistRange (or FlushRange and Fence) before the object becomes reachable"));
          }
        }
      }
      if (!n.getClass().isRecord()) return;
      for (var rc : n.getClass().getRecordComponents()) {
        Class<?> c = rc.getType();
        if (c.isPrimitive() || c == String.class || c.isEnum() || c == Pos.class) continue;
        try {
          txnWarnings(rc.getAccessor().invoke(n), inTxn);
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      }
    }

    /** Whether v is returned (the caller then decides when to flush the new object). */
    boolean returned(Var v) {
      for (Expr r : returns) if (var(r) == v) return true;
      return false;
    }

    /** Whether a runtime.FlushRange/PersistRange call follows position p in this body. */
    boolean flushedAfter(Pos p) {
      boolean[] found = {false};
      DeferScan.walk(block, n -> {
        if (n instanceof Expr.Call c && ExprGen.unparen(c.fun()) instanceof Expr.Selector s
            && (s.sel().name().equals("PersistRange") || s.sel().name().equals("FlushRange"))
            && info.uses.get(s.sel()) instanceof Func f && f.pkg() != null && f.pkg().path().equals("runtime")
            && comparePos(c.pos(), p) > 0) {
          found[0] = true;
        }
      }, true);
      return found[0];
    }
  }
}
