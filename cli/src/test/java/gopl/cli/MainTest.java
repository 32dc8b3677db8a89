package gopl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gopl command in-process: exit statuses, one-line usage errors, and each command's work. */
class MainTest {
  @TempDir Path dir;

  record Result(int exit, String out, String err) {}

  private static Result gopl(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = new Main(out, err).run(args);
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private Path program(String name, String source) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, source);
    return p;
  }

  private static final String HELLO = "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"hi\", 42)\n}\n";

  // ---- usage: no compiler needed ----

  @Test
  void testNoArguments_printsUsageStatus2() {
    Result r = gopl();
    assertEquals(2, r.exit);
    assertTrue(r.err.contains("Usage:"), r.err);
  }

  @Test
  void testVersion() {
    Result r = gopl("version");
    assertEquals(0, r.exit);
    assertTrue(r.out.startsWith("gopl version "), r.out);
  }

  @Test
  void testHelpAndDashH_printUsageOnStdout() {
    assertTrue(gopl("help").out.contains("The commands are:"));
    for (String cmd : List.of("run", "build", "check", "version", "help")) {
      Result help = gopl("help", cmd);
      assertEquals(0, help.exit, cmd);
      assertTrue(help.out.startsWith("usage: gopl " + cmd), help.out);
      if (!cmd.equals("help")) assertEquals(help.out, gopl(cmd, "-h").out, cmd + " -h");
      if (!cmd.equals("help")) assertEquals(help.out, gopl(cmd, "--help").out, cmd + " --help");
    }
  }

  @Test
  void testUnknownCommandAndFlags_oneLineStatus2() {
    assertEquals(new Result(2, "", "gopl frob: unknown command (see 'gopl help')\n"), gopl("frob"));
    assertEquals(new Result(2, "", "gopl: unknown flag -x (see 'gopl help')\n"), gopl("-x"));
    assertEquals(new Result(2, "", "gopl build: unknown flag -x\n"), gopl("build", "-x", "a.gop"));
    assertEquals(new Result(2, "", "gopl run: unknown flag --fast\n"), gopl("run", "--fast", "a.gop"));
    assertEquals(new Result(2, "", "gopl help: unknown help topic frob\n"), gopl("help", "frob"));
  }

  @Test
  void testMissingOrWrongFiles_oneLineStatus2() throws Exception {
    assertEquals(new Result(2, "", "gopl build: open x.gop: no such file or directory\n"), gopl("build", "x.gop"));
    assertEquals(new Result(2, "", "gopl run: open nope/x.gop: no such file or directory\n"), gopl("run", "nope/x.gop"));
    assertEquals(new Result(2, "", "gopl run: no .gop file or directory given\n"), gopl("run"));
    Path txt = program("notes.txt", "hi");
    assertEquals(new Result(2, "", "gopl check: named files must be .gop files: " + txt + "\n"), gopl("check", txt.toString()));
    Path empty = Files.createDirectories(dir.resolve("empty"));
    assertEquals(new Result(2, "", "gopl run: no .gop files in " + empty + "\n"), gopl("run", empty.toString()));
  }

  @Test
  void testDefaultJarName_followsGoBuild() {
    assertEquals("hello.jar", BuildCommand.defaultName(Path.of("examples/hello.gop")));
    assertEquals("server.jar", BuildCommand.defaultName(Path.of("cmd/server")));
    assertEquals(Path.of("out/hello.jar"), BuildCommand.target(Path.of("hello.gop"), "out/"));
    assertEquals(Path.of("x.jar"), BuildCommand.target(Path.of("hello.gop"), "x.jar"));
  }

  // ---- through the compiler ----

  @Test
  void testRun_printsAndReturnsStatus0() throws Exception {
    Result r = gopl("run", program("hello.gop", HELLO).toString());
    assertEquals(new Result(0, "hi 42\n", ""), r);
  }

  @Test
  void testRun_exitStatusIsThePrograms() throws Exception {
    Path p = program("exit.gop", "package main\n\nimport (\n\t\"fmt\"\n\t\"os\"\n)\n\nfunc main() {\n\tfmt.Println(\"bye\")\n\tos.Exit(3)\n}\n");
    assertEquals(new Result(3, "bye\n", ""), gopl("run", p.toString()));
  }

  @Test
  void testRun_compileErrorsStatus1() throws Exception {
    Path p = program("bad.gop", "package main\n\nfunc main() {\n\tx := 1\n}\n");
    Result r = gopl("run", p.toString());
    assertEquals(1, r.exit, r.toString());
    assertEquals(p + ":4:2: x declared but not used\n", r.err);
  }

  @Test
  void testRunAndBuild_needPackageMainWithFuncMain() throws Exception {
    Path lib = program("lib.gop", "package foo\n\nfunc F() int { return 1 }\n");
    assertEquals(new Result(1, "", lib + ":1:9: package foo is not a main package\n"), gopl("run", lib.toString()));
    Path noMain = program("nomain.gop", "package main\n\nfunc helper() {}\n");
    assertEquals(new Result(1, "", noMain + ":1:9: function main is undeclared in the main package\n"),
        gopl("build", "-o", dir.resolve("x.jar").toString(), noMain.toString()));
    assertEquals(new Result(0, "", ""), gopl("check", lib.toString()), "check does not need a main package");
  }

  @Test
  void testRunVerbose_printsPhaseTimings() throws Exception {
    Result r = gopl("run", "-v", program("hello.gop", HELLO).toString());
    assertEquals(0, r.exit, r.toString());
    assertTrue(r.err.matches("gopl: parse [0-9.]+ms, check [0-9.]+ms, codegen [0-9.]+ms \\(total [0-9.]+ms\\)\n"), r.err);
  }

  @Test
  void testBuild_writesARunnableJar() throws Exception {
    Path jar = dir.resolve("out/hello.jar");
    Result r = gopl("build", "-v", "-o", jar.toString(), program("hello.gop", HELLO).toString());
    assertEquals(0, r.exit, r.toString());
    assertTrue(r.err.contains(", write "), r.err);
    try (JarFile f = new JarFile(jar.toFile())) {
      assertTrue(f.getManifest().getMainAttributes().getValue("Main-Class") != null);
      assertTrue(f.getEntry("gopl/runtime/Sys.class") != null, "runtime copied into the jar");
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-jar", jar.toString()).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), err);
    assertEquals("hi 42\n", out);
    assertEquals("", err);
  }

  @Test
  void testCheck_reportsErrorsStatus1_andCleanStatus0() throws Exception {
    assertEquals(new Result(0, "", ""), gopl("check", program("ok.gop", HELLO).toString()));
    Path bad = program("bad.gop", "package main\n\nfunc main() {\n\tfmt.Println(1)\n}\n");
    assertEquals(new Result(1, "", bad + ":4:2: undefined: fmt\n"), gopl("check", bad.toString()));
  }

  @Test
  void testCheckParse_syntaxOnly() throws Exception {
    Path typeError = program("t.gop", "package main\n\nfunc main() {\n\tundefinedThing()\n}\n");
    assertEquals(new Result(0, "", ""), gopl("check", "-parse", typeError.toString()));
    Path syntax = program("s.gop", "package main\n\nx := 1\n");
    assertEquals(new Result(1, "", syntax + ":3:1: syntax error: non-declaration statement outside function body\n"),
        gopl("check", "-parse", syntax.toString()));
  }
}
