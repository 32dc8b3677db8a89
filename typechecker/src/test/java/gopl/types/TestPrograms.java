package gopl.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gopl.frontend.Diagnostic;
import gopl.frontend.ParseResult;
import gopl.frontend.Parser;
import gopl.frontend.ast.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Test helper: parses GoPL sources and checks them together with the stand-in std packages in
 * test resources (gopl/types/std: errors, fmt, math, os, strconv, strings), which have the signatures of Go's.
 */
final class TestPrograms {
  private TestPrograms() {}

  static final String[] STD = {"errors", "fmt", "math", "os", "strconv", "strings"};

  static String resource(String name) {
    try (InputStream in = TestPrograms.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) throw new IllegalArgumentException("no resource " + name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static SourceFile parse(String path, String src) {
    ParseResult r = Parser.parse(path, src);
    assertTrue(r.diagnostics().isEmpty(), () -> "parse errors in " + path + ": " + r.diagnostics());
    return r.file();
  }

  static List<PackageSource> stdPackages() {
    List<PackageSource> out = new ArrayList<>();
    for (String p : STD) {
      String path = "gopl/types/std/" + p + "/" + p + ".gop";
      out.add(new PackageSource(p, p, List.of(parse(path, resource(path))), true));
    }
    return out;
  }

  /** Checks one main-package file (plus the std stand-ins); errorLimit 0 reports everything. */
  static CheckResult check(String path, String src, int errorLimit) {
    List<PackageSource> pkgs = stdPackages();
    SourceFile f = parse(path, src);
    pkgs.add(new PackageSource("main", f.packageName().name(), List.of(f), false));
    return new Checker(errorLimit).check(pkgs);
  }

  static CheckResult check(String src) {
    return check("test.gop", src, 10);
  }

  /** Asserts that src checks without diagnostics and returns the result. */
  static CheckResult ok(String src) {
    CheckResult r = check(src);
    assertEquals(List.of(), r.diagnostics().stream().map(Diagnostic::toString).toList());
    return r;
  }
}
