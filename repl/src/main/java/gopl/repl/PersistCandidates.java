package gopl.repl;

import gopl.types.Basic;
import gopl.types.Named;
import gopl.types.Pointer;
import gopl.types.Slice;
import gopl.types.Struct;
import gopl.types.Type;
import gopl.types.Var;
import java.util.HashSet;
import java.util.Set;

/**
 * Which struct types declared in a session can live in persistent memory, so that a session with
 * a heap compiles them as persistable from their first cell (docs/repl.md "Persistence"): a
 * struct class, once defined, is kept by later cells, so it must have its persistent accessors
 * and twin before any value of it exists.
 *
 * <p>The rule is a strict subset of what the code generator accepts in persistent memory
 * (docs/persistence.md "Representation"): fields of a boolean, integer, float or string type,
 * nested structs and pointers to structs that are themselves session types passing the rule, and
 * slices of 64-bit integers, strings or pointers to such structs. Std struct types are excluded
 * (their classes are generated once per session, volatile). A type outside the rule is compiled
 * volatile; {@code pnew} of it is refused by the code generator as in a compiled program.
 */
final class PersistCandidates {
  private PersistCandidates() {}

  /** Whether the named type t of the session's main package (import path mainPath) qualifies. */
  static boolean qualifies(Type t, String mainPath) {
    return struct(t, mainPath, new HashSet<>());
  }

  private static boolean struct(Type t, String mainPath, Set<Named> seen) {
    if (!(t instanceof Named n) || !(n.underlying() instanceof Struct s)) return false;
    if (n.obj().pkg() == null || !n.obj().pkg().path().equals(mainPath)) return false;
    if (!seen.add(n)) return true; // a cycle through pointers: decided where it started
    for (Var f : s.fields()) if (!field(f.type(), mainPath, seen)) return false;
    return true;
  }

  private static boolean field(Type t, String mainPath, Set<Named> seen) {
    Type u = t.underlying();
    if (u instanceof Basic b) return basic(b.kind());
    if (u instanceof Struct) return struct(t, mainPath, seen);
    if (u instanceof Pointer p) return struct(p.elem(), mainPath, seen);
    if (u instanceof Slice sl) {
      Type e = sl.elem();
      if (e.underlying() instanceof Basic b) {
        return switch (b.kind()) {
          case INT, INT64, UINT, UINT64, UINTPTR, STRING -> true;
          default -> false;
        };
      }
      return e.underlying() instanceof Pointer p && struct(p.elem(), mainPath, seen);
    }
    return false;
  }

  private static boolean basic(Basic.Kind k) {
    return switch (k) {
      case BOOL, INT, INT8, INT16, INT32, INT64, UINT, UINT8, UINT16, UINT32, UINT64, UINTPTR, FLOAT32, FLOAT64, STRING -> true;
      default -> false;
    };
  }
}
