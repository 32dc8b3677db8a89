package gopl.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The corpus itself: every program has a readable trailer, and issue 2's minimum sizes hold. */
class CorpusTest {
  @Test
  void testEveryProgramHasAnExpectation_andTheCorpusIsBigEnough() {
    List<Programs.Program> all = Programs.all(); // parse() throws on a bad trailer
    long running = all.stream().filter(p -> !p.expect().mustFailToCompile()).count();
    long failing = all.size() - running;
    assertTrue(running >= 40, "programs with // Output: " + running + " < 40");
    assertTrue(failing >= 12, "programs with // Error: " + failing + " < 12");
  }

  /**
   * Programs that must not compile live under the top-level {@code errors/} directory, and only there:
   * check-against-go.sh --update writes whatever Go does, so a program meant to run that Go
   * rejects would otherwise silently become an error test.
   */
  @Test
  void testErrorPrograms_liveInErrorsDirectories() {
    for (Programs.Program p : Programs.all()) {
      boolean inErrors = p.name().startsWith("errors/"); // the top-level errors/ (not types/errors/, a test of package errors)
      assertTrue(inErrors == p.expect().mustFailToCompile(),
          p + (inErrors ? " is in an errors/ directory but has no // Error: block" : " expects compile errors outside errors/"));
    }
  }

  @Test
  void testErrorLines_nameTheProgramsOwnFile() {
    for (Programs.Program p : Programs.all()) {
      if (!p.expect().mustFailToCompile()) continue;
      String file = p.path().getFileName().toString();
      for (String line : p.expect().errors()) {
        assertTrue(line.matches("\\Q" + file + "\\E:\\d+:\\d+: .+"), p + ": bad // Error: line: " + line);
      }
    }
  }
}
