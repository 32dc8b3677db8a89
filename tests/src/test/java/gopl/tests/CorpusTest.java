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
