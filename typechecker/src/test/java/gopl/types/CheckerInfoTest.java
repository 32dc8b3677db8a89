package gopl.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gopl.frontend.Diagnostic;
import gopl.frontend.ast.Expr;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the checker records for the code generator (Info), and diagnostics the annotated files cannot express. */
class CheckerInfoTest {

  /** The recorded type and value of the first expression whose Go spelling is text. */
  static TypeAndValue tv(CheckResult r, String text) {
    for (Map.Entry<Expr, TypeAndValue> e : r.main().info().types.entrySet()) {
      if (ExprString.of(e.getKey()).equals(text)) return e.getValue();
    }
    throw new AssertionError("no expression " + text);
  }

  static Obj obj(CheckResult r, String name) {
    for (Map.Entry<Expr.Ident, Obj> e : r.main().info().defs.entrySet()) {
      if (e.getKey().name().equals(name) && e.getValue() != null) return e.getValue();
    }
    throw new AssertionError("no definition of " + name);
  }

  @Test
  void testUntypedConstant_getsContextType() {
    CheckResult r = TestPrograms.ok("package main\nfunc main() {\n\tvar f float64 = 7\n\tvar b byte = 'a' + 1\n\t_, _ = f, b\n}\n");
    TypeAndValue seven = tv(r, "7");
    assertEquals(Typ.FLOAT64, seven.type());
    assertEquals(Mode.CONSTANT, seven.mode());
    assertEquals(7.0, seven.value().doubleValue());
    TypeAndValue sum = tv(r, "'a' + 1");
    assertEquals("byte", sum.type().toString());
    assertEquals(98, sum.value().longValue());
    // as in go/types, operands of a constant operation keep their untyped types
    assertEquals("untyped rune", tv(r, "'a'").type().toString());
  }

  @Test
  void testUntypedConstant_toInterfaceGetsDefaultType() {
    CheckResult r = TestPrograms.ok("package main\nimport \"fmt\"\nfunc main() {\n\tfmt.Println(1, 2.5, \"s\", 'x', true)\n}\n");
    assertEquals(Typ.INT, tv(r, "1").type());
    assertEquals(Typ.FLOAT64, tv(r, "2.5").type());
    assertEquals(Typ.STRING, tv(r, "\"s\"").type());
    assertEquals(Typ.RUNE, tv(r, "'x'").type());
    assertEquals(Typ.BOOL, tv(r, "true").type());
  }

  @Test
  void testComparison_operandsGetFinalTypes() {
    CheckResult r = TestPrograms.ok("package main\nfunc main() {\n\tvar x int64\n\tif x == 3 {\n\t}\n}\n");
    assertEquals(Typ.INT64, tv(r, "3").type());
    // as in go/types, a condition is not converted: the comparison stays untyped bool
    assertEquals(Typ.UNTYPED_BOOL, tv(r, "x == 3").type());
  }

  @Test
  void testCommaOk_recordsTuple() {
    CheckResult r = TestPrograms.ok("package main\nfunc main() {\n\tm := map[string]int{}\n\tv, ok := m[\"k\"]\n\t_, _ = v, ok\n}\n");
    Type t = tv(r, "m[\"k\"]").type();
    Tuple tu = assertInstanceOf(Tuple.class, t);
    assertEquals(Typ.INT, tu.at(0).type());
    assertEquals(Typ.BOOL, tu.at(1).type());
  }

  @Test
  void testConstants_iotaAndValues() {
    CheckResult r = TestPrograms.ok("package main\nconst (\n\tA = iota * 10\n\tB\n\tC\n)\nconst Big = 1 << 100 >> 98\nfunc main() {}\n");
    assertEquals(20, ((Const) obj(r, "C")).value().longValue());
    assertEquals(4, ((Const) obj(r, "Big")).value().longValue());
    assertEquals("untyped int", obj(r, "A").type().toString());
  }

  @Test
  void testInitOrder_followsDependencies() {
    CheckResult r = TestPrograms.ok("package main\nvar a = b + c\nvar b = f()\nvar c = 1\nvar d = 2\nfunc f() int { return c }\nfunc main() {}\n");
    List<String> order = r.main().info().initOrder.stream().map(i -> i.lhs().get(0).name()).toList();
    assertEquals(List.of("c", "b", "a", "d"), order);
  }

  @Test
  void testInitOrder_cycleIsReported() {
    CheckResult r = TestPrograms.check("package main\nvar a = f()\nfunc f() int { return a }\nfunc main() {}\n");
    assertEquals(1, r.diagnostics().size());
    assertEquals("test.gop:2:5: initialization loop for a\n\ttest.gop:2:5: a refers to\n\ttest.gop:3:6: f refers to\n\ttest.gop:2:5: a",
        r.diagnostics().get(0).toString());
  }

  @Test
  void testSelections_fieldsAndMethods() {
    CheckResult r = TestPrograms.ok("package main\ntype In struct{ v int }\nfunc (p *In) Get() int { return p.v }\ntype Out struct{ In }\nfunc main() {\n\tvar o Out\n\t_ = o.v\n\t_ = o.Get()\n}\n");
    Selection fv = null, mv = null;
    for (var e : r.main().info().selections.entrySet()) {
      if (ExprString.of(e.getKey()).equals("o.v")) fv = e.getValue();
      if (ExprString.of(e.getKey()).equals("o.Get")) mv = e.getValue();
    }
    assertNotNull(fv);
    assertEquals(Selection.Kind.FIELD_VAL, fv.kind());
    assertEquals(List.of(0, 0), fv.index());
    assertNotNull(mv);
    assertEquals(Selection.Kind.METHOD_VAL, mv.kind());
    assertEquals(List.of(0, 0), mv.index());
    assertTrue(((Var) obj(r, "o")).addressTaken(), "calling a pointer method on o takes its address");
  }

  @Test
  void testClosure_marksCapturedVariables() {
    CheckResult r = TestPrograms.ok("package main\nfunc main() {\n\tn := 0\n\tm := 1\n\tinc := func() { n++ }\n\tinc()\n\t_ = m\n}\n");
    assertTrue(((Var) obj(r, "n")).captured());
    assertFalse(((Var) obj(r, "m")).captured());
  }

  @Test
  void testStdIntrinsic_hasNoBody() {
    CheckResult r = TestPrograms.ok("package main\nimport \"os\"\nfunc main() { os.Exit(3) }\n");
    Func exit = (Func) r.get("os").pkg().scope().lookup("Exit");
    assertFalse(exit.hasBody());
    assertEquals("func(code int)", exit.type().toString());
  }

  @Test
  void testKeyValueErrors_reportedAtColon() {
    CheckResult r = TestPrograms.check("package main\ntype Point struct{ X, Y int }\nfunc main() {\n\t_ = Point{X: 1, X: 2}\n\t_ = []int{0: 1, 0: 2}\n}\n");
    assertEquals(List.of("test.gop:4:19: duplicate field name X in struct literal",
        "test.gop:5:19: duplicate index 0 in array or slice literal"),
        r.diagnostics().stream().map(Diagnostic::toString).toList());
  }

  @Test
  void testTooManyErrors_stopsAfterTen() {
    StringBuilder sb = new StringBuilder("package main\nfunc main() {\n");
    for (int i = 0; i < 12; i++) sb.append("\tvar x").append(i).append(" int = \"s\"\n");
    sb.append("}\n");
    CheckResult r = TestPrograms.check(sb.toString());
    assertEquals(11, r.diagnostics().size());
    assertEquals("test.gop:12:15: too many errors", r.diagnostics().get(10).toString());
  }

  @Test
  void testMainPackage_withoutMain() {
    CheckResult r = TestPrograms.check("package main\n\nfunc f() {}\n");
    assertEquals(List.of("test.gop:1:9: function main is undeclared in the main package"),
        r.diagnostics().stream().map(Diagnostic::toString).toList());
  }

  @Test
  void testTxn_modes() {
    TestPrograms.ok("package main\nfunc main() {\n\ttxn(\"undo\") {\n\t}\n\ttxn() {\n\t}\n\ttxn(\"redo\") {\n\t}\n\ttxn(\"null\") {\n\t}\n}\n");
  }
}
