package gopl.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Completion candidates: keywords, session names, package members, fields and methods. */
class GoplCompleterTest {
  private final Session session = new Session(new PrintStream(OutputStream.nullOutputStream()), new PrintStream(OutputStream.nullOutputStream()));
  private final GoplCompleter completer = new GoplCompleter(() -> session);

  @AfterEach
  void stop() {
    session.close();
  }

  @Test
  void testPackageMembers() {
    assertTrue(completer.candidates("strings.T", "strings.T").containsAll(List.of("strings.ToLower", "strings.ToUpper", "strings.TrimSpace")));
    assertTrue(completer.candidates("strings.Tr", "strings.Tr").stream().allMatch(c -> c.startsWith("strings.Tr")));
  }

  @Test
  void testKeywordsAndSessionNames() {
    session.eval("counter := 1");
    session.eval("func compute() int { return 1 }");
    assertTrue(completer.candidates("co", "co").containsAll(List.of("const", "continue", "counter", "compute", "copy")));
    assertTrue(completer.candidates("fo", "fo").contains("for"));
  }

  @Test
  void testFieldsAndMethods() {
    session.eval("type Point struct{ X, Y int }");
    session.eval("func (p Point) Norm() int { return p.X*p.X + p.Y*p.Y }");
    session.eval("pt := &Point{1, 2}");
    assertEquals(List.of("pt.Norm", "pt.X", "pt.Y"), List.copyOf(completer.candidates("pt.", "pt.")));
  }

  @Test
  void testCommands() {
    assertEquals(List.of(":time", ":type"), List.copyOf(completer.candidates(":t", ":t")));
  }
}
