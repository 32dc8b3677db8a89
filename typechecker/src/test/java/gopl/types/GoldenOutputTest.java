package gopl.types;

import static org.junit.jupiter.api.Assertions.assertEquals;

import gopl.frontend.Diagnostic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Whole-output golden tests: for each golden/NAME.gop, the checker's complete diagnostics
 * (multi-line messages included) must equal NAME.out, which is what {@code go build -gcflags=-e}
 * (Go 1.19) printed for the same file renamed to .go (file name substituted).
 */
class GoldenOutputTest {
  @TestFactory
  Stream<DynamicTest> golden() throws Exception {
    Path dir = Path.of(getClass().getClassLoader().getResource("gopl/types/golden").toURI());
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.toString().endsWith(".gop")).sorted().toList();
    }
    return files.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
      String name = p.getFileName().toString();
      String want = Files.readString(p.resolveSibling(name.replace(".gop", ".out"))).strip();
      CheckResult r = TestPrograms.check(name, Files.readString(p), 0);
      String got = r.diagnostics().stream().map(Diagnostic::toString).collect(Collectors.joining("\n"));
      assertEquals(want, got);
    }));
  }
}
