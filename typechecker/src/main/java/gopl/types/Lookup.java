package gopl.types;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Field and method lookup through embedded fields (spec "Selectors", "Method sets"; go/types
 * lookup.go), and the interface-satisfaction checks built on it.
 */
public final class Lookup {
  private Lookup() {}

  /**
   * Result of a lookup: obj null and index null means not found; obj null with index non-null
   * means ambiguous (several at the shallowest depth) or, with {@code needPtr}, a method with a
   * pointer receiver on a non-addressable value.
   */
  public record Result(Obj obj, List<Integer> index, boolean indirect, boolean needPtr) {
    public boolean found() {
      return obj != null;
    }
  }

  private record Embedded(Type typ, List<Integer> index, boolean indirect, boolean multiples) {}

  static Type deref(Type t) {
    return t instanceof Pointer p ? p.elem() : t;
  }

  /** Looks up field or method name (of package pkg for unexported names) in T. */
  public static Result lookupFieldOrMethod(Type T, boolean addressable, Package pkg, String name) {
    if (name.equals("_")) return new Result(null, null, false, false);
    // spec: methods cannot be associated with a named pointer type: look through its
    // underlying pointer type for fields only
    if (T instanceof Named n && n.underlying() instanceof Pointer p) {
      Result r = lookupFieldOrMethod(p, false, pkg, name);
      return r.obj() instanceof Func ? new Result(null, null, false, false) : r;
    }
    Result r = lookup(T, addressable, pkg, name);
    if (r.obj instanceof Func f && ptrRecv(f) && !r.indirect && !addressable) {
      return new Result(null, r.index, r.indirect, true);
    }
    return r;
  }

  static boolean ptrRecv(Func f) {
    Signature s = f.signature();
    return s != null && s.recv() != null && s.recv().type() instanceof Pointer;
  }

  private static Result lookup(Type T, boolean addressable, Package pkg, String name) {
    Type typ = T;
    boolean isPtr = false;
    if (T instanceof Pointer p) {
      typ = p.elem();
      isPtr = true;
      if (typ.underlying() instanceof Interface) return new Result(null, null, false, false);
    } else if (!(T instanceof Named) && T.underlying() instanceof Pointer p && p.elem() instanceof Named) {
      // a pointer type literal's underlying: fields only (handled by the caller)
    }
    List<Embedded> current = new ArrayList<>();
    current.add(new Embedded(typ, List.of(), isPtr, false));
    Set<Named> seen = new HashSet<>();
    while (!current.isEmpty()) {
      List<Embedded> next = new ArrayList<>();
      Obj obj = null;
      List<Integer> index = null;
      boolean indirect = false;
      int count = 0;
      for (Embedded e : current) {
        Type t = e.typ;
        if (t instanceof Named n) {
          if (!seen.add(n)) continue;
          int i = indexOf(n.methods(), pkg, name);
          if (i >= 0) {
            count += e.multiples ? 2 : 1;
            obj = n.methods().get(i);
            index = concat(e.index, i);
            indirect = e.indirect;
            continue;
          }
          t = n.underlying();
          if (t == null) continue;
        }
        if (t instanceof Struct s) {
          for (int i = 0; i < s.numFields(); i++) {
            Var f = s.field(i);
            if (sameId(f, pkg, name)) {
              count += e.multiples ? 2 : 1;
              obj = f;
              index = concat(e.index, i);
              indirect = e.indirect;
              continue;
            }
            if (obj == null && f.embedded()) {
              Type ft = f.type();
              boolean p = ft instanceof Pointer;
              next.add(new Embedded(deref(ft), concat(e.index, i), e.indirect || p, e.multiples));
            }
          }
        } else if (t instanceof Interface it) {
          List<Func> ms = it.allMethods();
          int i = indexOf(ms, pkg, name);
          if (i >= 0) {
            count += e.multiples ? 2 : 1;
            obj = ms.get(i);
            index = concat(e.index, i);
            indirect = e.indirect;
          }
        }
      }
      if (obj != null) {
        if (count > 1) return new Result(null, index, false, false); // ambiguous
        return new Result(obj, index, indirect, false);
      }
      current = consolidate(next);
    }
    return new Result(null, null, false, false);
  }

  private static List<Embedded> consolidate(List<Embedded> list) {
    List<Embedded> out = new ArrayList<>();
    for (Embedded e : list) {
      int found = -1;
      for (int i = 0; i < out.size(); i++) {
        if (Predicates.identical(out.get(i).typ, e.typ)) found = i;
      }
      if (found >= 0) {
        Embedded o = out.get(found);
        out.set(found, new Embedded(o.typ, o.index, o.indirect, true));
      } else {
        out.add(e);
      }
    }
    return out;
  }

  static boolean sameId(Obj o, Package pkg, String name) {
    if (!o.name().equals(name)) return false;
    if (o.exported()) return true;
    return o.pkg() == null || pkg == null || o.pkg() == pkg;
  }

  private static int indexOf(List<Func> list, Package pkg, String name) {
    for (int i = 0; i < list.size(); i++) if (sameId(list.get(i), pkg, name)) return i;
    return -1;
  }

  private static List<Integer> concat(List<Integer> a, int i) {
    List<Integer> r = new ArrayList<>(a);
    r.add(i);
    return r;
  }

  /** A method of T missing from V (or with the wrong type); alt is a near miss. */
  record Missing(Func method, Func alt) {}

  /**
   * spec "Interface types": null if V implements T; else the first missing method. For an
   * interface V and static false, only methods present in both must agree (type assertions).
   */
  static Missing missingMethod(Type V, Interface T, boolean isStatic) {
    if (T.allMethods().isEmpty()) return null;
    if (V.underlying() instanceof Interface vi) {
      for (Func m : T.allMethods()) {
        Func f = null;
        for (Func g : vi.allMethods()) if (sameId(g, m.pkg(), m.name())) f = g;
        if (f == null) {
          if (!isStatic) continue;
          return new Missing(m, null);
        }
        if (!Predicates.identical(f.type(), m.type())) return new Missing(m, f);
      }
      return null;
    }
    for (Func m : T.allMethods()) {
      Result r = lookup(V, false, m.pkg(), m.name());
      Obj obj = r.obj;
      boolean found = obj != null && !(obj instanceof Func f0 && ptrRecv(f0) && !r.indirect);
      if (obj == null) {
        obj = lookup(new Pointer(V), false, m.pkg(), m.name()).obj;
        if (obj == null) obj = lookupFold(V, m.name());
      }
      if (!(obj instanceof Func f)) return new Missing(m, null);
      if (!found || !Predicates.identical(f.type(), m.type())) return new Missing(m, f);
    }
    return null;
  }

  private static Obj lookupFold(Type V, String name) {
    Type t = deref(V);
    if (t instanceof Named n) {
      for (Func f : n.methods()) if (f.name().equalsIgnoreCase(name)) return f;
    }
    return null;
  }

  /** types2 missingMethodReason in gc's wording ("(missing M method)", "(M method has pointer receiver)"). */
  static String reason(Type V, Type T, Missing mm, Package cur) {
    Func m = mm.method, alt = mm.alt;
    String mname = m.name() + " method";
    if (alt != null) {
      if (!m.name().equals(alt.name())) {
        return "(missing " + mname + ")\n\t\thave " + funcString(alt, cur) + "\n\t\twant " + funcString(m, cur);
      }
      if (Predicates.identical(m.type(), alt.type())) return "(" + mname + " has pointer receiver)";
      return "(wrong type for " + mname + ")\n\t\thave " + funcString(alt, cur) + "\n\t\twant " + funcString(m, cur);
    }
    if (isInterfacePtr(V)) return "(type " + TypeString.of(V, cur) + " is pointer to interface, not interface)";
    if (isInterfacePtr(T)) return "(type " + TypeString.of(T, cur) + " is pointer to interface, not interface)";
    return "(missing " + mname + ")";
  }

  static boolean isInterfacePtr(Type t) {
    return t.underlying() instanceof Pointer p && p.elem().underlying() instanceof Interface;
  }

  static String funcString(Func f, Package cur) {
    StringBuilder sb = new StringBuilder(f.name());
    TypeString.signature(sb, f.signature(), cur, 0);
    return sb.toString();
  }
}
