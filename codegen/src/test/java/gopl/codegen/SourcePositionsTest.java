package gopl.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import gopl.frontend.Parser;
import gopl.types.CheckResult;
import gopl.types.Checker;
import gopl.types.PackageSource;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Source positions in multi-file packages (DESIGN.md §3): JVM stack frames of every function,
 * method and closure name the {@code .gop} file it is declared in and its line.
 */
class SourcePositionsTest {
  private static final String A = """
      package main

      import "fmt"

      type T struct{ x int }

      func main() {
      	fmt.Println(helper(2), T{3}.Twice(), later())
      }

      func crashA() int {
      	var p *T
      	return p.x
      }
      """;
  private static final String B = """
      package main

      var order = initB()

      func initB() int { return 1 }

      func init() { order++ }

      func helper(n int) int {
      	f := func() int { return n * 10 }
      	return f() + order
      }

      func (t T) Twice() int { return t.x * 2 }

      func later() int {
      	defer func() {}()
      	return 7
      }

      func crashB() int {
      	var p *T
      	return p.x
      }

      func crashClosure() int {
      	f := func() int {
      		var p *T
      		return p.x
      	}
      	return f()
      }

      func (t *T) CrashMethod() int {
      	var p *T
      	return p.x + t.x
      }
      """;

  private static Map<String, byte[]> compile() {
    var a = Parser.parse("prog/a.gop", A).file();
    var b = Parser.parse("prog/b.gop", B).file();
    List<PackageSource> pkgs = new ArrayList<>(GoRunner.std("fmt"));
    pkgs.add(new PackageSource("main", "main", List.of(a, b), false));
    CheckResult cr = new Checker().check(pkgs);
    assertEquals(List.of(), cr.diagnostics());
    return GoRunner.generate(cr);
  }

  @Test
  void testTwoFiles_programRunsAcrossFiles() {
    var r = GoRunner.runClasses(compile());
    assertEquals("22 6 7\n", r.stdout());
  }

  @Test
  void testStackFrames_nameTheDeclaringFileAndLine() throws Exception {
    ClassLoader loader = new GoRunner.ProgramLoader(compile());
    assertFrame(loader, "crashA", "a.gop", 13);
    assertFrame(loader, "crashB", "b.gop", 23);
    assertFrame(loader, "crashClosure", "b.gop", 29);
  }

  /** Calls the package function name, which dereferences nil; its top Go frame must be file:line. */
  private static void assertFrame(ClassLoader loader, String name, String file, int line) throws Exception {
    Throwable thrown = null;
    for (String cls : List.of("go.main.Pkg", "go.main.Pkg$F1")) {
      Class<?> c = loader.loadClass(cls);
      var m = Arrays.stream(c.getMethods()).filter(x -> x.getName().equals(name)).findFirst();
      if (m.isEmpty()) continue;
      try {
        m.get().invoke(null);
      } catch (InvocationTargetException e) {
        thrown = e.getCause();
      }
    }
    assertNotNull(thrown, name + " did not throw");
    StackTraceElement top = Arrays.stream(thrown.getStackTrace())
        .filter(e -> e.getClassName().startsWith("go.main.")).findFirst().orElseThrow();
    assertEquals(file + ":" + line, top.getFileName() + ":" + top.getLineNumber(), name + ": " + top);
  }
}
