package gopl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gopl test}: go test's result lines, exit statuses, -run, -bench, -v and examples. */
class TestCommandTest {
  @TempDir Path dir;
  Path pkg;

  record Result(int exit, String out, String err) {}

  private static Result gopl(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = new Main(out, err).run(args);
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @BeforeEach
  void module() throws Exception {
    Files.writeString(dir.resolve("gop.mod"), "module example.com/m\n");
    pkg = Files.createDirectories(dir.resolve("calc"));
    Files.writeString(pkg.resolve("calc.gop"), "package calc\n\nfunc Add(a, b int) int { return a + b }\n");
  }

  private void tests(String body) throws Exception {
    Files.writeString(pkg.resolve("calc_test.gop"), "package calc\n\nimport (\n\t\"fmt\"\n\t\"testing\"\n)\n\nvar _ = fmt.Sprint\n\n" + body);
  }

  @Test
  void passingPackage_printsOk_exit0() throws Exception {
    tests("func TestAdd(t *testing.T) {\n\tif Add(2, 3) != 5 {\n\t\tt.Error(\"bad\")\n\t}\n}\n\n"
        + "func ExampleAdd() {\n\tfmt.Println(Add(1, 2))\n\t// Output: 3\n}\n");
    Result r = gopl("test", pkg.toString());
    assertEquals(0, r.exit, r.out + r.err);
    assertTrue(r.out.startsWith("PASS\nok  \texample.com/m/calc\t"), r.out);
  }

  @Test
  void failures_printGoTestLines_exit1() throws Exception {
    tests("func check(t *testing.T, got, want int) {\n\tt.Helper()\n\tif got != want {\n\t\tt.Errorf(\"got %d, want %d\", got, want)\n\t}\n}\n\n"
        + "func TestAdd(t *testing.T) {\n\tt.Run(\"ok\", func(t *testing.T) { check(t, Add(1, 1), 2) })\n"
        + "\tt.Run(\"bad one\", func(t *testing.T) {\n\t\tcheck(t, Add(1, 1), 3)\n\t})\n}\n\n"
        + "func TestFatal(t *testing.T) {\n\tdefer fmt.Println(\"deferred\")\n\tt.Fatal(\"stop\")\n\tt.Log(\"not reached\")\n}\n\n"
        + "func ExampleAdd() {\n\tfmt.Println(Add(2, 2))\n\t// Output:\n\t// 5\n}\n");
    Result r = gopl("test", pkg.toString());
    assertEquals(1, r.exit, r.out + r.err);
    assertTrue(r.out.contains("--- FAIL: TestAdd ("), r.out);
    assertTrue(r.out.contains("\n    --- FAIL: TestAdd/bad_one ("), r.out);
    assertTrue(r.out.contains(":20: got 2, want 3\n"), "helper's caller line: " + r.out);
    assertFalse(r.out.contains("TestAdd/ok"), r.out);
    assertTrue(r.out.contains("deferred\n--- FAIL: TestFatal ("), r.out);
    assertFalse(r.out.contains("not reached"), r.out);
    assertTrue(r.out.contains("--- FAIL: ExampleAdd (") && r.out.contains("got:\n4\nwant:\n5\n"), r.out);
    assertTrue(r.out.contains("\nFAIL\nFAIL\texample.com/m/calc\t"), r.out);
  }

  @Test
  void runFilterVerboseAndBench() throws Exception {
    tests("func TestA(t *testing.T) { t.Log(\"in A\") }\n\nfunc TestB(t *testing.T) { t.Fatal(\"B runs\") }\n\n"
        + "func TestSkip(t *testing.T) { t.Skip(\"later\") }\n\n"
        + "func BenchmarkAdd(b *testing.B) {\n\tfor i := 0; i < b.N; i++ {\n\t\tAdd(i, i)\n\t}\n}\n");
    Result r = gopl("test", "-v", "-run", "A|Skip", "-bench", ".", pkg.toString());
    assertEquals(0, r.exit, r.out + r.err);
    assertTrue(r.out.contains("=== RUN   TestA\n    calc_test.gop:10: in A\n--- PASS: TestA (")
        || r.out.contains("=== RUN   TestA\n    calc.gop:10: in A\n--- PASS: TestA ("), r.out);
    assertTrue(r.out.contains("--- SKIP: TestSkip ("), r.out);
    assertFalse(r.out.contains("TestB"), r.out);
    assertTrue(r.out.matches("(?s).*\nBenchmarkAdd-\\d+   \t *\\d+\t *[0-9.]+ ns/op\n.*"), r.out);
  }

  @Test
  void compileError_buildFailed() throws Exception {
    tests("func TestA(t *testing.T) { undefinedThing() }\n");
    Result r = gopl("test", pkg.toString());
    assertEquals(1, r.exit);
    assertTrue(r.err.contains("undefined: undefinedThing"), r.err);
    assertTrue(r.out.contains("FAIL\texample.com/m/calc [build failed]"), r.out);
  }
}
