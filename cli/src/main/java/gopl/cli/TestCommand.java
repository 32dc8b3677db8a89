package gopl.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code gopl test [-v] [-run REGEX] [-bench REGEX] [DIR]}: like {@code go test} for one package
 * directory (default "."). Finds {@code func TestXxx(t *testing.T)}, {@code func BenchmarkXxx(b
 * *testing.B)} and {@code func ExampleXxx()} (with its {@code // Output:} or {@code // Unordered
 * output:} comment) in the directory's {@code _test.gop} files, synthesizes a main that hands
 * them to {@code testing.Main}, compiles the package with its tests as a program ({@link
 * Compiler#compileTests}) and runs it in process. Prints {@code testing}'s lines, then {@code
 * ok  \tPKG\tTIME} or {@code FAIL\tPKG\tTIME} and {@code FAIL}; exit status 1 on a
 * failure, as {@code go test}. Not supported: external {@code package x_test} files, a package
 * that declares its own {@code func main}.
 */
final class TestCommand {
  private static final String MAIN_FILE = "_gopl_testmain.gop";
  private static final Pattern TEST = Pattern.compile("(?m)^func\\s+(Test\\w*)\\s*\\(\\s*\\w+\\s+\\*testing\\.T\\s*\\)");
  private static final Pattern BENCH = Pattern.compile("(?m)^func\\s+(Benchmark\\w*)\\s*\\(\\s*\\w+\\s+\\*testing\\.B\\s*\\)");
  private static final Pattern EXAMPLE = Pattern.compile("(?m)^func\\s+(Example\\w*)\\s*\\(\\s*\\)\\s*\\{");

  private final Main main;

  TestCommand(Main main) {
    this.main = main;
  }

  int run(List<String> args) throws UsageError {
    Flags f = new Flags(Set.of("v"), Set.of("run", "bench")).parse(args);
    if (f.help) return main.usage("test");
    Path dir = Path.of(f.rest.isEmpty() ? "." : f.rest.get(0));
    if (!Files.isDirectory(dir)) throw new UsageError("not a package directory: " + dir);
    String pkg = importPath(dir.toAbsolutePath().normalize());
    StringBuilder tests = new StringBuilder();
    StringBuilder benches = new StringBuilder();
    StringBuilder examples = new StringBuilder();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.filter(p -> p.getFileName().toString().endsWith("_test.gop")).sorted().toList()) {
        String src = Files.readString(p, StandardCharsets.ISO_8859_1);
        for (Matcher m = TEST.matcher(src); m.find(); ) {
          if (isName(m.group(1), "Test")) tests.append("\t{\"").append(m.group(1)).append("\", ").append(m.group(1)).append("},\n");
        }
        for (Matcher m = BENCH.matcher(src); m.find(); ) {
          if (isName(m.group(1), "Benchmark")) benches.append("\t{\"").append(m.group(1)).append("\", ").append(m.group(1)).append("},\n");
        }
        for (Matcher m = EXAMPLE.matcher(src); m.find(); ) {
          example(m.group(1), src, m.end(), examples);
        }
      }
    } catch (IOException e) {
      throw new UsageError("cannot read " + dir + ": " + Inputs.reason(e));
    }
    String run = f.value("run") == null ? "" : f.value("run");
    String bench = f.value("bench") == null ? "" : f.value("bench");
    String source = "package main\n\nimport (\n\tgopl_testing \"testing\"\n\tgopl_os \"os\"\n)\n\n"
        + "var gopl_tests = []gopl_testing.InternalTest{\n" + tests + "}\n\n"
        + "var gopl_benchmarks = []gopl_testing.InternalBenchmark{\n" + benches + "}\n\n"
        + "var gopl_examples = []gopl_testing.InternalExample{\n" + examples + "}\n\n"
        + "func main() {\n\tif !gopl_testing.Main(gopl_tests, gopl_benchmarks, gopl_examples, " + f.bool("v") + ", "
        + quote(run) + ", " + quote(bench) + ") {\n\t\tgopl_os.Exit(1)\n\t}\n}\n";

    long start = System.nanoTime();
    Compilation c = new Compiler().compileTests(dir, MAIN_FILE, source);
    PrintStream out = main.programOut();
    if (!c.ok()) {
      c.errors().forEach(main.err()::println);
      out.printf("FAIL\t%s [build failed]%n", pkg);
      out.flush();
      return 1;
    }
    ClassLoader loader = new ProgramClassLoader(c.classes(), Main.class.getClassLoader());
    ProgramRunner.Outcome o;
    try {
      o = ProgramRunner.run(loader, c.mainClass(), new String[0], out, main.programErr(), null);
    } catch (ReflectiveOperationException e) {
      main.internalError("test", e);
      return 2;
    }
    if (o.crash() != null) {
      main.internalError("test", o.crash());
      return 2;
    }
    double secs = (System.nanoTime() - start) / 1e9;
    if (o.exitCode() == 0) {
      out.printf("ok  \t%s\t%.3fs%n", pkg, secs);
    } else {
      out.printf("FAIL\t%s\t%.3fs%nFAIL%n", pkg, secs);
    }
    out.flush();
    return o.exitCode() == 0 ? 0 : 1;
  }

  /** Go's rule: after the prefix, the name is empty or does not start with a lower-case letter. */
  private static boolean isName(String name, String prefix) {
    return name.length() == prefix.length() || !Character.isLowerCase(name.charAt(prefix.length()));
  }

  /** Adds an example that has an output comment (examples without one are compiled, not run). */
  private static void example(String name, String src, int bodyStart, StringBuilder out) {
    Matcher end = Pattern.compile("(?m)^}").matcher(src);
    if (!end.find(bodyStart)) return;
    String[] lines = src.substring(bodyStart, end.start()).split("\n", -1);
    int at = -1;
    boolean unordered = false;
    for (int i = 0; i < lines.length; i++) {
      String t = lines[i].trim();
      if (t.matches("//\\s*Output:.*") || t.matches("//\\s*Unordered output:.*")) {
        at = i;
        unordered = t.matches("//\\s*Unordered output:.*");
      }
    }
    if (at < 0) return;
    StringBuilder want = new StringBuilder(lines[at].trim().replaceFirst("//\\s*(Unordered output|Output):\\s?", ""));
    for (int i = at + 1; i < lines.length; i++) {
      String t = lines[i].trim();
      if (!t.startsWith("//")) break;
      want.append('\n').append(t.substring(2).startsWith(" ") ? t.substring(3) : t.substring(2));
    }
    out.append("\t{\"").append(name).append("\", ").append(name).append(", ").append(quote(want.toString().strip()))
        .append(", ").append(unordered).append("},\n");
  }

  private static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char ch : s.toCharArray()) {
      switch (ch) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        default -> b.append(ch);
      }
    }
    return b.append('"').toString();
  }

  /** The directory's import path: module path + relative directory, as the loader names it. */
  private static String importPath(Path dir) {
    for (Path d = dir; d != null; d = d.getParent()) {
      Path mod = d.resolve("gop.mod");
      if (Files.isRegularFile(mod)) {
        try {
          for (String line : Files.readAllLines(mod)) {
            String t = line.trim();
            if (t.startsWith("module ")) {
              String rel = d.relativize(dir).toString().replace('\\', '/');
              String m = t.substring(7).trim().replace("\"", "");
              return rel.isEmpty() ? m : m + "/" + rel;
            }
          }
        } catch (IOException e) {
          break;
        }
      }
    }
    return "_" + dir.toString().replace('\\', '/');
  }
}
