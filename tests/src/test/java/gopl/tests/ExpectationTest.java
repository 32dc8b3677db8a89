package gopl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExpectationTest {
  @Test
  void testOutputBlock_withEmptyLinesAndExit() {
    Expectation e =
        Expectation.parse("package main\n\nfunc main() {}\n\n// Exit: 3\n// Output:\n// a b\n//\n// c\n\n");
    assertEquals(List.of("a b", "", "c"), e.output());
    assertEquals(3, e.exitCode());
    assertNull(e.errors());
    assertFalse(e.mustFailToCompile());
    assertEquals("a b\n\nc", e.expectedOutput());
  }

  @Test
  void testStderrBlock_isAPrefix() {
    Expectation e = Expectation.parse("package main\n\n// Exit: 2\n// Stderr:\n// panic: boom\n// Output:\n// before\n");
    assertEquals(List.of("panic: boom"), e.stderrStart());
    assertEquals(List.of("before"), e.output());
    assertEquals(2, e.exitCode());
    assertTrue(e.stderrMatches("panic: boom\n\ngoroutine 1 [running]:\n"));
    assertFalse(e.stderrMatches("panic: other\n"));
    assertTrue(Expectation.parse("package main\n// Output:\n").stderrMatches("anything"));
  }

  @Test
  void testErrorBlock() {
    Expectation e = Expectation.parse("package main\n// comment\nx := 1\n\n// Error:\n// x.gop:3:1: syntax error: non-declaration statement outside function body\n");
    assertTrue(e.mustFailToCompile());
    assertEquals(List.of("x.gop:3:1: syntax error: non-declaration statement outside function body"), e.errors());
    assertEquals(0, e.exitCode());
  }

  @Test
  void testOrdinaryCommentsBeforeTheTrailer_areNotPartOfIt() {
    Expectation e = Expectation.parse("func main() {}\n// just a comment\n// Output:\n// hi\n");
    assertEquals(List.of("hi"), e.output());
  }

  @Test
  void testSerialMarker() {
    assertTrue(Expectation.parse("//gopl:serial\npackage main\n// Output:\n").serial());
    assertFalse(Expectation.parse("package main\n// Output:\n").serial());
  }

  @Test
  void testMissingTrailer_isRejected() {
    assertThrows(IllegalArgumentException.class, () -> Expectation.parse("package main\nfunc main() {}\n"));
  }

  @Test
  void testNormalize_ignoresTrailingSpacesAndOuterEmptyLines() {
    assertEquals("a\n\nb", Expectation.normalize("\n\na  \n\nb\t\n\n"));
    assertEquals("partial line 7", Expectation.normalize("partial line 7"));
  }
}
