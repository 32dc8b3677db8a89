package gopl.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Lexical and syntax errors compared with gc's. Each case of {@code syntax-errors.txt} is a file
 * and the exact list of "line:col: message" lines real gc (Go 1.19, {@code go build}) printed for
 * it, type-checker lines ("undefined: ...") removed; {@code verify-with-gc.sh} beside it re-checks
 * the expectations against an installed Go.
 */
class SyntaxErrorTest {
  record Case(String name, String source, List<String> expected) {}

  static List<Case> cases() throws IOException {
    String text;
    try (InputStream in = SyntaxErrorTest.class.getResourceAsStream("syntax-errors.txt")) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<Case> out = new ArrayList<>();
    for (String block : text.split("(?m)^=== ")) {
      if (block.isBlank()) continue;
      int nl = block.indexOf('\n');
      String name = block.substring(0, nl).trim();
      String rest = block.substring(nl + 1);
      int sep = rest.indexOf("\n---\n");
      String src = rest.substring(0, sep + 1);
      List<String> expected = rest.substring(sep + 5).lines().filter(l -> !l.isBlank()).toList();
      out.add(new Case(name, src, expected));
    }
    return out;
  }

  static List<String> messages(String src) {
    return Parser.parse("x.gop", src).diagnostics().stream()
        .map(d -> d.pos().line() + ":" + d.pos().column() + ": " + d.message()).toList();
  }

  @TestFactory
  Stream<DynamicTest> testSameMessagesAsGc() throws IOException {
    return cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () ->
        assertEquals(c.expected(), messages(c.source()), c.source())));
  }

  @Test
  void testCorpusIsNotEmpty() throws IOException {
    assertTrue(cases().size() >= 40);
  }

  @Test
  void testDiagnosticFormat_isGcs() {
    ParseResult r = Parser.parse("dir/file.gop", "package main\n\nfunc main() {\n\tf(a, b\n\t)\n}\n");
    assertEquals("dir/file.gop:4:8: syntax error: unexpected newline in argument list; possibly missing comma or )",
        r.diagnostics().get(0).toString());
  }

  @Test
  void testSeveralErrorsPerFile_onePerLine() {
    List<String> got = messages("package main\n\nfunc main() {\n\tx := 1 1 1\n\ty := 2 2\n\tz := 08\n}\n");
    assertEquals(List.of("4:9: syntax error: unexpected literal 1 at end of statement",
        "5:9: syntax error: unexpected literal 2 at end of statement",
        "6:8: invalid digit '8' in octal literal"), got);
  }

  @Test
  void testTxnBraceOnNextLine() {
    assertEquals(List.of("4:13: syntax error: unexpected newline, expecting { after txn clause"),
        messages("package main\n\nfunc main() {\n\ttxn(\"undo\")\n\t{\n\t}\n}\n"));
    assertEquals(List.of("4:14: syntax error: txn takes at most one argument (the log mode)"),
        messages("package main\n\nfunc main() {\n\ttxn(\"undo\", 1) {\n\t}\n}\n"));
  }

  @Test
  void testGarbage_neverThrows() {
    String[] inputs = {"", "package", "package main\nfunc", "package main\nfunc f(", "}}}}", "package main\nvar x = [[[[",
        "package main\nfunc main() { if for switch { case } }", "package p; type T struct { a b c d }", "\u0000\u00ff\"",
        "package main\nfunc main() { txn( { } }", "package main\nimport", "package main\nfunc (a, b T) m() {}"};
    for (String in : inputs) {
      ParseResult r = Parser.parse("g.gop", in);
      assertTrue(r.file() != null);
    }
    assertEquals(List.of("2:15: method has multiple receivers"), messages("package main\nfunc (a, b T) m() {}\n"));
  }
}
