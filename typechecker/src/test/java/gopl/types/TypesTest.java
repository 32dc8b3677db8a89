package gopl.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gopl.frontend.Pos;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Types, their Go spelling, identity, comparability and the universe. */
class TypesTest {
  static Var param(String name, Type t) {
    return new Var(Pos.NONE, null, name, t, Var.Kind.PARAM);
  }

  @Test
  void testTypeString_spellsAsGo() {
    assertEquals("[]int", new Slice(Typ.INT).toString());
    assertEquals("map[string]int", new MapType(Typ.STRING, Typ.INT).toString());
    assertEquals("[4]*byte", new Array(new Pointer(Typ.BYTE), 4).toString());
    assertEquals("<-chan int", new Chan(Chan.Dir.RECV_ONLY, Typ.INT).toString());
    assertEquals("chan (<-chan int)", new Chan(Chan.Dir.SEND_RECV, new Chan(Chan.Dir.RECV_ONLY, Typ.INT)).toString());
    Signature sig = new Signature(null, new Tuple(List.of(param("x", Typ.INT))), new Tuple(List.of(param("", Typ.STRING))), false);
    assertEquals("func(x int) string", sig.toString());
    Signature multi = new Signature(null, new Tuple(List.of(param("a", new Slice(Typ.INT)))),
        new Tuple(List.of(param("", Typ.INT), param("", Typ.UNTYPED_BOOL))), true);
    assertEquals("func(a ...int) (int, untyped bool)", multi.toString());
    assertEquals("struct{x int; y string}", new Struct(List.of(
        new Var(Pos.NONE, null, "x", Typ.INT, Var.Kind.FIELD), new Var(Pos.NONE, null, "y", Typ.STRING, Var.Kind.FIELD)),
        java.util.Arrays.asList(null, null)).toString());
    assertEquals("interface{}", Interface.empty().toString());
    assertEquals("untyped int", Typ.UNTYPED_INT.toString());
    assertEquals("unsafe.Pointer", Typ.UNSAFE_POINTER.toString());
  }

  @Test
  void testTypeString_qualifiesOtherPackagesOnly() {
    Package main = new Package("main", "main", false);
    Package fmt = new Package("fmt", "fmt", true);
    Named t = new Named(new TypeName(Pos.NONE, main, "T", null), Typ.INT);
    Named s = new Named(new TypeName(Pos.NONE, fmt, "Stringer", null), Interface.empty());
    assertEquals("main.T", t.toString());
    assertEquals("T", TypeString.of(t, main));
    assertEquals("[]fmt.Stringer", TypeString.of(new Slice(s), main));
  }

  @Test
  void testIdentity_structuralExceptNamed() {
    assertTrue(Predicates.identical(new Slice(Typ.INT), new Slice(Typ.INT)));
    assertTrue(Predicates.identical(Typ.BYTE, Typ.UINT8), "byte is an alias of uint8");
    assertTrue(Predicates.identical(Typ.RUNE, Typ.INT32));
    assertFalse(Predicates.identical(Typ.INT, Typ.INT64));
    assertFalse(Predicates.identical(new Array(Typ.INT, 3), new Array(Typ.INT, 4)));
    Named a = new Named(new TypeName(Pos.NONE, null, "A", null), Typ.INT);
    Named b = new Named(new TypeName(Pos.NONE, null, "B", null), Typ.INT);
    assertFalse(Predicates.identical(a, b));
    Signature f1 = new Signature(null, new Tuple(List.of(param("x", Typ.INT))), Tuple.EMPTY, false);
    Signature f2 = new Signature(null, new Tuple(List.of(param("y", Typ.INT))), Tuple.EMPTY, false);
    assertTrue(Predicates.identical(f1, f2), "parameter names do not matter");
  }

  @Test
  void testComparable_slicesMapsFuncsAreNot() {
    assertTrue(Predicates.comparable(Typ.STRING));
    assertTrue(Predicates.comparable(new Array(new Pointer(Typ.INT), 2)));
    assertFalse(Predicates.comparable(new Slice(Typ.INT)));
    assertFalse(Predicates.comparable(new MapType(Typ.INT, Typ.INT)));
    assertFalse(Predicates.comparable(new Array(new Slice(Typ.INT), 1)));
  }

  @Test
  void testDefaultTypes() {
    assertSame(Typ.INT, Predicates.defaultType(Typ.UNTYPED_INT));
    assertSame(Typ.RUNE, Predicates.defaultType(Typ.UNTYPED_RUNE));
    assertSame(Typ.FLOAT64, Predicates.defaultType(Typ.UNTYPED_FLOAT));
    assertSame(Typ.STRING, Predicates.defaultType(Typ.UNTYPED_STRING));
    assertSame(Typ.BOOL, Predicates.defaultType(Typ.UNTYPED_BOOL));
  }

  @Test
  void testUniverse_predeclaredObjects() {
    Scope u = Universe.scope();
    for (String t : List.of("bool", "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32",
        "uint64", "uintptr", "float32", "float64", "complex64", "complex128", "string", "byte", "rune", "error", "any")) {
      assertTrue(u.lookup(t) instanceof TypeName, t);
    }
    for (String f : List.of("append", "cap", "close", "copy", "delete", "len", "make", "new", "panic", "print",
        "println", "recover", "pnew", "pmake")) {
      assertTrue(u.lookup(f) instanceof Builtin, f);
    }
    assertTrue(u.lookup("nil") instanceof Nil);
    assertEquals(Constant.of(true), ((Const) u.lookup("true")).value());
    assertEquals("error", Universe.error().toString());
    assertEquals("Error", ((Interface) Universe.error().underlying()).allMethods().get(0).name());
    assertTrue(Universe.unsafe().scope().lookup("Pointer") instanceof TypeName);
  }

  @Test
  void testScope_lookupWalksOutwards() {
    Scope outer = new Scope(Universe.scope(), Pos.NONE, "outer", false);
    Scope inner = new Scope(outer, Pos.NONE, "inner", false);
    Var x = new Var(Pos.NONE, null, "x", Typ.INT, Var.Kind.LOCAL);
    assertEquals(null, outer.insert(x));
    assertSame(x, inner.lookupParent("x"));
    assertEquals(null, inner.lookup("x"));
    assertSame(x, outer.insert(new Var(Pos.NONE, null, "x", Typ.STRING, Var.Kind.LOCAL)), "redeclaration returns the previous object");
    assertTrue(inner.lookupParent("int") instanceof TypeName);
  }

  @Test
  void testSizes_persistentLayout() {
    Struct s = new Struct(List.of(new Var(Pos.NONE, null, "a", Typ.BOOL, Var.Kind.FIELD),
        new Var(Pos.NONE, null, "b", Typ.INT64, Var.Kind.FIELD), new Var(Pos.NONE, null, "c", Typ.STRING, Var.Kind.FIELD)),
        java.util.Arrays.asList(null, null, null));
    assertEquals(32, Sizes.sizeof(s));
    assertEquals(24, Sizes.sizeof(new Slice(Typ.INT)));
    assertEquals(12, Sizes.sizeof(new Array(Typ.INT32, 3)));
  }
}
