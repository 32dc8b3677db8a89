package gopl.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gopl.frontend.ast.Decl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Package loading over a module written to a temporary directory, with the test-only standard
 * library in this module's test resources (gopl/std/INDEX: fmt, strings, unicode/utf8).
 */
class LoaderTest {
  @TempDir Path root;

  private void write(String rel, String text) throws IOException {
    Path p = root.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }

  private static List<String> paths(LoadResult r) {
    return r.packagesInDependencyOrder().stream().map(GoPackage::importPath).toList();
  }

  private List<String> messages(LoadResult r) {
    return r.diagnostics().stream().map(d -> d.toString().replace(root.toString() + "/", "")).toList();
  }

  @Test
  void testModuleWithLocalAndStdPackages_dependencyOrder() throws IOException {
    write("gop.mod", "// the app\nmodule example.com/app\n\ngo 1.15\n\nrequire (\n\tother v1.0.0\n)\n");
    write("main.gop", "package main\n\nimport (\n\t\"example.com/app/util\"\n\t\"fmt\"\n)\n\nfunc main() { fmt.Println(util.Twice(2)) }\n");
    write("util/util.gop", "package util\n\nimport \"strings\"\n\nfunc Twice(n int) int { return n * strings.Count(\"ab\") }\n");
    write("util/more.gop", "package util\n\nconst K = 1\n");
    write("util/util_test.gop", "package util_test\n\nthis is not even parsed\n");
    write("util/README.md", "not source");
    LoadResult r = new Loader().load(root);
    assertEquals(List.of(), messages(r));
    assertEquals(List.of("unicode/utf8", "strings", "example.com/app/util", "fmt", "example.com/app"), paths(r));
    GoPackage util = r.packagesInDependencyOrder().get(2);
    assertEquals("util", util.name());
    assertFalse(util.std());
    assertEquals(List.of("more.gop", "util.gop"), util.files().stream().map(f -> Path.of(f.path()).getFileName().toString()).toList());
    GoPackage strings = r.packagesInDependencyOrder().get(1);
    assertTrue(strings.std());
    assertEquals("gopl/std/strings", strings.dir());
    assertEquals(List.of("gopl/std/strings/builder.gop", "gopl/std/strings/strings.gop"), strings.files().stream().map(f -> f.path()).toList());
    assertEquals("main", r.mainPackage().name());
    // A std function without a body is a Java intrinsic: the parser keeps body == null.
    Decl.Func println = (Decl.Func) r.packagesInDependencyOrder().get(3).files().get(0).decls().get(1);
    assertNull(println.body());
    assertEquals("Println is a Java intrinsic (no body).", println.doc());
  }

  @Test
  void testLoadFromSubdirectoryAndSingleFile() throws IOException {
    write("gop.mod", "module m\n");
    write("cmd/tool/main.gop", "package main\n\nimport \"m/lib\"\n\nfunc main() { lib.F() }\n");
    write("lib/lib.gop", "package lib\n\nfunc F() {}\n");
    LoadResult r = new Loader().load(root.resolve("cmd/tool"));
    assertEquals(List.of(), messages(r));
    assertEquals(List.of("m/lib", "m/cmd/tool"), paths(r));
    LoadResult single = new Loader().load(root.resolve("cmd/tool/main.gop"));
    assertEquals(List.of("m/lib", Loader.COMMAND_LINE), paths(single));
  }

  @Test
  void testMissingImports_reportedAtTheImport() throws IOException {
    write("gop.mod", "module example.com/app\n");
    write("main.gop", "package main\n\nimport (\n\t\"fmt\"\n\t\"foo/bar\"\n\t\"example.com/app/nope\"\n)\n\nfunc main() {}\n");
    LoadResult r = new Loader().load(root);
    assertEquals(List.of("main.gop:5:2: package foo/bar is not in std",
        "main.gop:6:2: package example.com/app/nope is not in module example.com/app (no .gop files in nope)"),
        messages(r));
    assertTrue(r.hasErrors());
    assertEquals(List.of("unicode/utf8", "strings", "fmt", "example.com/app"), paths(r));
  }

  @Test
  void testImportCycle() throws IOException {
    write("gop.mod", "module example.com/m\n");
    write("main.gop", "package main\n\nimport \"example.com/m/a\"\n\nfunc main() { a.F() }\n");
    write("a/a.gop", "package a\n\nimport \"example.com/m/b\"\n\nfunc F() { b.G() }\n");
    write("b/b.gop", "package b\n\nimport \"example.com/m/a\"\n\nfunc G() { a.F() }\n");
    LoadResult r = new Loader().load(root);
    assertEquals(List.of("b/b.gop:3:8: import cycle not allowed: example.com/m/a imports example.com/m/b imports example.com/m/a"), messages(r));
  }

  @Test
  void testSelfImportIsACycle() throws IOException {
    write("gop.mod", "module example.com/m\n");
    write("main.gop", "package main\n\nimport \"example.com/m\"\n\nfunc main() {}\n");
    assertEquals(List.of("main.gop:3:8: import cycle not allowed: example.com/m imports example.com/m"), messages(new Loader().load(root)));
  }

  @Test
  void testTwoPackageNamesInOneDirectory() throws IOException {
    write("a.gop", "package main\n");
    write("b.gop", "package other\n");
    assertEquals(List.of("b.gop:1:9: found packages main (a.gop) and other (b.gop) in " + root), messages(new Loader().load(root)));
  }

  @Test
  void testBadModFile() throws IOException {
    write("gop.mod", "module example.com/m\ngo 1.x\nfoo bar\n");
    write("main.gop", "package main\n\nfunc main() {}\n");
    assertEquals(List.of("gop.mod:2:1: invalid go version '1.x': must match format 1.23", "gop.mod:3:1: unknown directive: foo"),
        messages(new Loader().load(root)));
    write("gop.mod", "\ngo 1.15\n");
    assertEquals(List.of("gop.mod:1:1: no module declaration in gop.mod"), messages(new Loader().load(root)));
    write("gop.mod", "module\n");
    assertEquals(List.of("gop.mod:1:1: usage: module module/path"), messages(new Loader().load(root)));
  }

  @Test
  void testNoModule_onlyStdImports() throws IOException {
    write("main.gop", "package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println() }\n");
    LoadResult r = new Loader().load(root.resolve("main.gop"));
    assertEquals(List.of(), messages(r));
    assertEquals(Loader.COMMAND_LINE, r.mainPackage().importPath());
  }

  @Test
  void testSyntaxErrorsOfAllPackagesAreCollected() throws IOException {
    write("gop.mod", "module m\n");
    write("main.gop", "package main\n\nimport \"m/p\"\n\nfunc main() { p.F( }\n");
    write("p/p.gop", "package p\n\nfunc F() { x := }\n");
    assertEquals(List.of("main.gop:5:20: syntax error: unexpected }, expecting expression",
        "p/p.gop:3:17: syntax error: unexpected }, expecting expression"), messages(new Loader().load(root)));
  }

  @Test
  void testMissingTarget() {
    LoadResult r = new Loader().load(root.resolve("nothing-here"));
    assertTrue(r.hasErrors());
    assertTrue(r.packagesInDependencyOrder().isEmpty());
    LoadResult empty = new Loader().load(root);
    assertEquals(1, empty.diagnostics().size());
    assertTrue(empty.diagnostics().get(0).message().startsWith("no .gop files in "));
  }
}
