package gopl.types;

import static org.junit.jupiter.api.Assertions.assertEquals;

import gopl.frontend.Diagnostic;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * go/types-style annotated source tests: every file in testdata is checked (with no error limit,
 * as {@code gc -e}); each diagnostic must be announced by an {@code /* ERROR "msg" *}{@code /}
 * marker placed right before the position it is reported at, msg being the first line of the
 * message, and every marker must be matched. Files without markers must check cleanly. The
 * expectations were verified against Go 1.19 with src/test/scripts/verify_with_go.py.
 */
class AnnotatedFilesTest {
  private static final Pattern MARK = Pattern.compile("/\\* ERROR \"((?:[^\"\\\\]|\\\\.)*)\" \\*/");

  @TestFactory
  Stream<DynamicTest> testdata() throws IOException, URISyntaxException {
    Path dir = Path.of(getClass().getClassLoader().getResource("gopl/types/testdata").toURI());
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.toString().endsWith(".gop")).sorted().toList();
    }
    return files.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> checkFile(p)));
  }

  static List<String> markers(String src) {
    List<String> out = new ArrayList<>();
    String[] lines = src.split("\n", -1);
    for (int ln = 0; ln < lines.length; ln++) {
      String line = lines[ln];
      Matcher m = MARK.matcher(line);
      while (m.find()) {
        int col = m.end();
        while (col < line.length() && (line.charAt(col) == ' ' || line.charAt(col) == '\t')) col++;
        int byteCol = line.substring(0, col).getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 1;
        String msg = m.group(1).replace("\\\"", "\"").replace("\\\\", "\\");
        out.add((ln + 1) + ":" + byteCol + ": " + msg);
      }
    }
    return out;
  }

  private void checkFile(Path p) throws IOException {
    String src = Files.readString(p);
    String name = p.getFileName().toString();
    CheckResult r = TestPrograms.check(name, src, 0);
    List<String> got = new ArrayList<>();
    for (Diagnostic d : r.diagnostics()) {
      String first = d.message().split("\n", 2)[0];
      got.add(d.pos().line() + ":" + d.pos().column() + ": " + first);
      assertEquals(name, d.pos().file(), () -> "diagnostic in another file: " + d);
    }
    List<String> want = markers(src);
    List<String> unexpected = new ArrayList<>(got);
    unexpected.removeAll(want);
    List<String> missing = new ArrayList<>(want);
    missing.removeAll(got);
    assertEquals("", String.join("\n", unexpected.stream().map(s -> "unexpected: " + s).toList())
        + String.join("\n", missing.stream().map(s -> "missing:    " + s).toList()));
  }
}
