package gopl.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The incremental compiler: what each kind of input prints and what it leaves in the session. */
class SessionTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private Session session;

  @BeforeEach
  void start() {
    session = new Session(new PrintStream(out, true, StandardCharsets.ISO_8859_1), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void stop() {
    session.close();
  }

  /** Evaluates inputs and returns what the last one printed on stdout. */
  private String eval(String... inputs) {
    for (String in : inputs) {
      out.reset();
      err.reset();
      session.eval(in);
    }
    return out.toString(StandardCharsets.ISO_8859_1);
  }

  private String errors() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void testExpression_printsValueAndType() {
    assertEquals("2 (int)\n", eval("1+1"));
    assertEquals("2.5 (float64)\n", eval("5.0/2"));
    assertEquals("hi (string)\n", eval("\"hi\""));
    assertEquals("true (bool)\n", eval("3 > 2"));
  }

  @Test
  void testShortVarDecl_printsNothingAndKeepsValue() {
    assertEquals("", eval("x := 3"));
    assertEquals("6 (int)\n", eval("x*2"));
    eval("x++");
    assertEquals("4 (int)\n", eval("x"));
  }

  @Test
  void testVarDecl_withAndWithoutValue() {
    eval("var a, b = 1, \"s\"", "var z []int");
    assertEquals("1 s 0\n", eval("fmt.Println(a, b, len(z))"));
    eval("z = append(z, 7)");
    assertEquals("[7] ([]int)\n", eval("z"));
  }

  @Test
  void testRedeclaration_givesNewType() {
    eval("v := 1");
    eval("v := \"now a string\"");
    assertEquals("now a string (string)\n", eval("v"));
  }

  @Test
  void testFunctions_redefinitionReplaces() {
    eval("func f(n int) int { return n + 1 }");
    assertEquals("2 (int)\n", eval("f(1)"));
    eval("func f(n int) int { return n * 10 }");
    assertEquals("10 (int)\n", eval("f(1)"));
  }

  @Test
  void testFunctionsSeeSessionVariables() {
    eval("base := 100", "func add(n int) int { return base + n }");
    assertEquals("105 (int)\n", eval("add(5)"));
    eval("base = 1");
    assertEquals("6 (int)\n", eval("add(5)"));
  }

  @Test
  void testStructsAndMethods_valuesSurviveLaterInputs() {
    eval("type P struct{ X, Y int }", "func (p P) Sum() int { return p.X + p.Y }", "p := P{1, 2}");
    eval("p.X = 10");
    assertEquals("{10 2} (main.P)\n", eval("p"));
    assertEquals("12 (int)\n", eval("p.Sum()"));
    eval("func (p P) Sum() int { return p.X * p.Y }");
    assertEquals("20 (int)\n", eval("p.Sum()"));
  }

  @Test
  void testTypeRedefinition_replacesTypeAndDropsOldMethods() {
    eval("type T struct{ A int }", "func (t T) Get() int { return t.A }");
    assertTrue(session.eval("type T struct{ B string }"), errors());
    assertEquals("{x} (main.T)\n", eval("T{\"x\"}"));
  }

  @Test
  void testClosuresShareSessionVariables() {
    eval("count := 0", "inc := func() { count++ }");
    eval("inc(); inc(); inc()");
    assertEquals("3 (int)\n", eval("count"));
  }

  @Test
  void testMapsAndPointers() {
    eval("m := map[string]int{\"a\": 1}", "m[\"b\"] = 2", "n := new(int)", "*n = 41", "*n++");
    assertEquals("map[a:1 b:2] (map[string]int)\n", eval("m"));
    assertEquals("42 (int)\n", eval("*n"));
  }

  @Test
  void testAutomaticImports() {
    assertEquals("ABC (string)\n", eval("strings.ToUpper(\"abc\")"));
    assertEquals("12 (string)\n", eval("strconv.Itoa(12)"));
  }

  @Test
  void testExplicitImportWithAlias() {
    eval("import str \"strings\"");
    assertEquals("true (bool)\n", eval("str.HasPrefix(\"golang\", \"go\")"));
  }

  @Test
  void testMultiLineFunction() {
    eval("func fib(n int) int {\n\tif n < 2 {\n\t\treturn n\n\t}\n\treturn fib(n-1) + fib(n-2)\n}");
    assertEquals("55 (int)\n", eval("fib(10)"));
  }

  @Test
  void testMultiLineStatements() {
    eval("total := 0\nfor i := 1; i <= 4; i++ {\n\ttotal += i\n}");
    assertEquals("10 (int)\n", eval("total"));
  }

  @Test
  void testCompileError_positionInsideInput_sessionUnchanged() {
    eval("y := 1");
    assertFalse(session.eval("y + undefinedName"));
    assertTrue(errors().matches("<input\\d+>:1:5: undefined: undefinedName\n"), errors());
    assertFalse(session.eval("var z int = \"s\""));
    assertTrue(errors().contains(":1:13: cannot use \"s\" (untyped string constant) as int value in variable declaration"), errors());
    assertFalse(session.eval("q := 1\nq = \"x\""));
    assertTrue(errors().contains(":2:5: cannot use \"x\""), errors());
    assertEquals("1 (int)\n", eval("y"));
  }

  @Test
  void testPanic_printsMessageAndTrace_sessionGoesOn() {
    eval("a := []int{1}");
    assertFalse(session.eval("a[5]"));
    assertTrue(errors().startsWith("panic: runtime error: index out of range [5] with length 1\n"), errors());
    assertTrue(errors().contains("goroutine 1 [running]:\nmain.input(...)\n\tline 1"), errors());
    eval("func boom() { panic(\"boom\") }");
    session.eval("boom()");
    assertTrue(errors().startsWith("panic: boom\n"), errors());
    assertTrue(errors().contains("main.boom(...)"), errors());
    assertEquals("[1] ([]int)\n", eval("a"));
  }

  @Test
  void testRecoverStillWorks() {
    eval("func safe() (r string) {\n\tdefer func() { r = fmt.Sprint(recover()) }()\n\tpanic(\"caught\")\n}");
    assertEquals("caught (string)\n", eval("safe()"));
  }

  @Test
  void testOsExit_endsInputNotSession() {
    assertFalse(session.eval("os.Exit(3)"));
    assertEquals("exit status 3\n", errors());
    assertEquals("2 (int)\n", eval("1+1"));
  }

  @Test
  void testGoroutinesAndChannels() {
    eval("ch := make(chan int)", "go func() { ch <- 9 }()");
    assertEquals("9 (int)\n", eval("<-ch"));
  }

  @Test
  void testInterrupt_stopsInfiniteLoop() throws Exception {
    eval("n := 0");
    Thread stopper = new Thread(() -> {
      try {
        // an interrupt before the cell runs would be cleared when it starts: wait for the loop
        while (!session.runner.running()) Thread.sleep(10);
        Thread.sleep(100);
      } catch (InterruptedException e) {
        return;
      }
      session.runner.interrupt();
    });
    stopper.start();
    assertFalse(session.eval("for { n++ }"));
    stopper.join();
    assertEquals("interrupted\n", errors());
    assertEquals("true (bool)\n", eval("n > 0"));
  }

  @Test
  void testTypeOf() {
    eval("x := []string{}");
    out.reset();
    session.typeOf("x");
    assertEquals("[]string\n", out.toString(StandardCharsets.UTF_8));
    out.reset();
    session.typeOf("len(x) + 1");
    assertEquals("int\n", out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void testStatementsWithOutputAndValues() {
    assertEquals("hello\n", eval("fmt.Println(\"hello\")"));
    assertEquals("1\n2 (int)\n", eval("fmt.Println(1); 1+1"));
  }

  @Test
  void testConstAndIota() {
    eval("const (\n\tA = iota\n\tB\n\tC\n)");
    assertEquals("2 (int)\n", eval("C"));
  }

  @Test
  void testStdClassesGeneratedOnce_laterInputsReachTheirOtherFiles() {
    // sort's classes are generated by the first input only (later ones reuse them, docs/repl.md);
    // each later input calls a function of another file of sort or strings
    assertEquals("1 (int)\n", eval("sort.SearchInts([]int{1, 3, 5}, 3)"));
    assertEquals("true (bool)\n", eval("sort.Float64sAreSorted([]float64{1, 2})"));
    eval("r := strings.NewReader(\"abc\")");
    assertEquals("3 (int)\n", eval("r.Len()"));
    assertEquals("[1 2 3] ([]int)\n", eval("s := []int{3, 1, 2}; sort.Ints(s); s"));
  }
}
