package gopl.codegen;

import gopl.frontend.ast.Expr;
import gopl.types.Basic;
import gopl.types.Builtin;
import gopl.types.CheckedPackage;
import gopl.types.Func;
import gopl.types.Obj;
import gopl.types.Pointer;
import gopl.types.Slice;
import gopl.types.Struct;
import gopl.types.Type;
import gopl.types.TypeAndValue;
import gopl.types.Var;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which types can reach persistent memory (docs/persistence.md): the operands of pnew/pmake and of
 * pmem.New/Get/Make, closed over struct fields, pointer targets and slice elements. The whole
 * program is known at build time, so every other struct keeps direct field access.
 *
 * <p>Guarantees: {@link #structs} and {@link #slices} are complete before any class is generated;
 * keys are the code generator's type keys, so identical types share an entry.
 */
final class PersistTypes {
  /** Persistable struct types (key -> type). */
  final Map<String, Type> structs = new LinkedHashMap<>();
  /** Persistable slice types (key -> type). */
  final Map<String, Type> slices = new LinkedHashMap<>();
  /** Persistable array types, by structure (key of the unnamed array type -> type). */
  final Map<String, Type> arrays = new LinkedHashMap<>();
  /** Persistable pointer types to non-structs, such as *[]byte (key -> type). */
  final Map<String, Type> pointers = new LinkedHashMap<>();

  /**
   * Named types of the program's own packages whose values interfaces in persistent memory can
   * hold (PIfaces): struct values (then persistable too) and named non-struct types; empty when no
   * persistable type has an interface in it.
   */
  final Map<String, Type> ifaceValues = new LinkedHashMap<>();

  /** Fields that cannot live in persistent memory, reported where the type became persistent. */
  final java.util.List<gopl.frontend.Diagnostic> problems = new java.util.ArrayList<>();

  private final CodeGenerator gen;
  private final ArrayDeque<Type> work = new ArrayDeque<>();
  private final Map<String, gopl.frontend.Pos> origin = new java.util.HashMap<>();
  private gopl.frontend.Pos at = gopl.frontend.Pos.NONE;

  PersistTypes(CodeGenerator gen) {
    this.gen = gen;
  }

  /** The go-pmem packages, by their short and original import paths. */
  static boolean isPmemPackage(String path) {
    return path.equals("pmem") || path.equals("github.com/vmware/go-pmem-transaction/pmem");
  }

  void scan() {
    for (CheckedPackage cp : gen.program.packages()) {
      if (gen.reused(cp.importPath())) continue; // no persistence roots there (CodeGenerator#reusing)
      for (Map.Entry<Expr, TypeAndValue> e : cp.info().types.entrySet()) {
        if (!(e.getKey() instanceof Expr.Call c)) continue;
        Expr fun = c.fun();
        while (fun instanceof Expr.Paren p) fun = p.x();
        Obj o = fun instanceof Expr.Ident id ? cp.info().uses.get(id)
            : fun instanceof Expr.Selector s ? cp.info().uses.get(s.sel()) : null;
        at = c.pos();
        if (o instanceof Builtin b && (b.id() == Builtin.Id.PNEW || b.id() == Builtin.Id.PMAKE)) {
          add(e.getValue().type());
        } else if (o instanceof Func f && f.pkg() != null && isPmemPackage(f.pkg().path())
            && (f.name().equals("New") || f.name().equals("Get") || f.name().equals("Make")) && c.args().size() >= 2) {
          TypeAndValue tv = cp.info().types.get(c.args().get(1));
          if (tv != null && tv.type() != null) {
            Type t = tv.type();
            add(t.underlying() instanceof Pointer p ? p.elem() : t);
          }
        }
      }
    }
    drain();
    addInterfaceValues();
  }

  private void drain() {
    while (!work.isEmpty()) {
      Type t = work.poll();
      at = origin.get(gen.descriptors.key(t));
      if (t.underlying() instanceof Struct s) {
        for (Var f : s.fields()) {
          add(f.type());
          check(t, f);
        }
      } else if (t.underlying() instanceof Slice sl) {
        add(sl.elem());
      } else if (t.underlying() instanceof gopl.types.Array a) {
        add(a.elem());
      }
    }
  }

  /**
   * When a persistable type holds an interface, every named type of the program's own packages
   * that can be stored (its fields too) may be its dynamic value after a restart: register them.
   */
  private void addInterfaceValues() {
    boolean iface = false;
    for (Type t : structs.values()) {
      for (Var f : ((Struct) t.underlying()).fields()) iface |= f.type().underlying() instanceof gopl.types.Interface;
    }
    for (Type t : slices.values()) iface |= ((Slice) t).elem().underlying() instanceof gopl.types.Interface;
    for (Type t : arrays.values()) iface |= ((gopl.types.Array) t).elem().underlying() instanceof gopl.types.Interface;
    if (!iface) return;
    for (CheckedPackage cp : gen.program.packages()) {
      String path = cp.importPath();
      if (cp.goPackage() != null && cp.goPackage().std() || gen.reused(path) || isPmemPackage(path)
          || path.equals("transaction") || path.startsWith("github.com/vmware/go-pmem-transaction/")) continue;
      for (Obj o : cp.info().defs.values()) {
        if (!(o instanceof gopl.types.TypeName tn) || tn.isAlias() || !(tn.type() instanceof gopl.types.Named)) continue;
        Type t = tn.type();
        Type u = t.underlying();
        if (u instanceof gopl.types.Interface || !storable(t, new java.util.HashSet<>())) continue;
        if (u instanceof Struct || u instanceof gopl.types.Array) {
          at = o.pos();
          add(t);
        } else if (PersistGen.kindName(t) == null) {
          continue;
        }
        ifaceValues.put(gen.descriptors.key(t), t);
      }
      // unnamed array types the package uses ([2]int, [3]point): an interface may hold one
      for (TypeAndValue tv : cp.info().types.values()) {
        Type t = tv.type();
        if (t instanceof gopl.types.Array && PersistGen.kindName(t) != null && storable(t, new java.util.HashSet<>())
            && ifaceValues.putIfAbsent(gen.descriptors.key(t), t) == null) {
          add(t);
        }
      }
    }
    drain();
  }

  /** Whether values of t can live in persistent memory and mean the same after a restart (every field). */
  private boolean storable(Type t, java.util.Set<Type> seen) {
    // locks, chans and funcs mean nothing after a restart: a value holding one is not stored in an interface
    if (NativeTypes.isNative(t) || PersistGen.isVolatileOnly(t)) return false;
    if (PersistGen.isArrayPointer(t)) return storable(((Pointer) t.underlying()).elem(), seen);
    Type u = t.underlying();
    if (u instanceof Basic b) return b.kind() != Basic.Kind.UNSAFE_POINTER;
    if (!seen.add(t)) return true;
    if (u instanceof Struct s) {
      for (Var f : s.fields()) if (!storable(f.type(), seen)) return false;
      return NativeTypes.classOf(t) == null;
    }
    if (PersistGen.kindName(t) == null) return false;
    if (u instanceof Pointer p) return storable(p.elem(), seen);
    if (u instanceof Slice sl) return storable(sl.elem(), seen);
    if (u instanceof gopl.types.Array a) return storable(a.elem(), seen);
    return true;
  }

  /** A field of a persistable struct must have a persistent representation (docs/persistence.md). */
  private void check(Type owner, Var f) {
    Type u = f.type().underlying();
    boolean ok = NativeTypes.isNative(f.type()) || PersistGen.isVolatileOnly(f.type())
        || u instanceof gopl.types.Basic b && b.kind() != Basic.Kind.UNSAFE_POINTER
        || u instanceof Struct
        || (u instanceof Pointer || u instanceof Slice || u instanceof gopl.types.Interface || u instanceof gopl.types.Array)
            && PersistGen.kindName(f.type()) != null
        || PersistGen.isArrayPointer(f.type());
    if (ok) return;
    String what = u instanceof gopl.types.MapType ? "a map" : u instanceof gopl.types.Chan ? "a channel"
        : u instanceof gopl.types.Signature ? "a func value" : "a value of type " + f.type();
    problems.add(gopl.frontend.Diagnostic.error(at == null ? gopl.frontend.Pos.NONE : at,
        "not supported in GoPL: " + what + " in persistent memory (field " + f.name() + " of " + owner
            + ", which is persistent through this allocation)"));
  }

  private void add(Type t) {
    Type u = t.underlying();
    if (u instanceof Pointer p) {
      if (!(p.elem().underlying() instanceof Struct) && !(p.elem().underlying() instanceof gopl.types.Array) && PersistGen.kindName(p.elem()) != null) pointers.putIfAbsent(gen.descriptors.key(t), t);
      add(p.elem());
      return;
    }
    Map<String, Type> into = u instanceof Struct ? structs : u instanceof Slice ? slices : u instanceof gopl.types.Array ? arrays : null;
    if (into == null) return;
    if (NativeTypes.classOf(t) != null) return;
    if (u instanceof Slice || u instanceof gopl.types.Array) t = u; // by structure: a named slice/array type shares its element access
    String k = gen.descriptors.key(t);
    if (into.putIfAbsent(k, t) == null) {
      origin.put(k, at);
      work.add(t);
    }
  }

  boolean isStruct(Type t) {
    return !structs.isEmpty() && t.underlying() instanceof Struct && structs.containsKey(gen.descriptors.key(t));
  }

  boolean isSlice(Type t) {
    return !slices.isEmpty() && t.underlying() instanceof Slice && slices.containsKey(gen.descriptors.key(t.underlying()));
  }

  /** An array type (or pointer to one) whose values can be persistent arrays (PArrays). */
  boolean isArray(Type t) {
    Type u = t.underlying();
    if (u instanceof Pointer p) u = p.elem().underlying();
    return !arrays.isEmpty() && u instanceof gopl.types.Array && arrays.containsKey(gen.descriptors.key(u));
  }

  /** A pointer type whose target is a persistable struct. */
  boolean isPointer(Type t) {
    return t.underlying() instanceof Pointer p && isStruct(p.elem());
  }

  static boolean isLong(Type t) {
    Basic.Kind k = TypeLayout.kind(t);
    return k == Basic.Kind.INT || k == Basic.Kind.INT64 || k == Basic.Kind.UINT || k == Basic.Kind.UINT64 || k == Basic.Kind.UINTPTR;
  }
}
