package gopl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FlagsTest {
  private static Flags build() {
    return new Flags(Set.of("v"), Set.of("o"));
  }

  @Test
  void testFlagsStopAtFirstArgument() throws UsageError {
    Flags f = build().parse(List.of("-v", "-o", "x.jar", "prog.gop", "-v"));
    assertTrue(f.bool("v"));
    assertEquals("x.jar", f.value("o"));
    assertEquals(List.of("prog.gop", "-v"), f.rest);
  }

  @Test
  void testEqualsFormAndDoubleDash() throws UsageError {
    Flags f = build().parse(List.of("--o=a.jar", "--", "-v"));
    assertEquals("a.jar", f.value("o"));
    assertFalse(f.bool("v"));
    assertEquals(List.of("-v"), f.rest);
  }

  @Test
  void testHelpFlags() throws UsageError {
    assertTrue(build().parse(List.of("-h")).help);
    assertTrue(build().parse(List.of("--help")).help);
    assertTrue(build().parse(List.of("-help")).help);
  }

  @Test
  void testUnknownFlag_isAUsageError() {
    UsageError e = assertThrows(UsageError.class, () -> build().parse(List.of("-x", "a.gop")));
    assertEquals("unknown flag -x", e.getMessage());
  }

  @Test
  void testMissingValue_isAUsageError() {
    UsageError e = assertThrows(UsageError.class, () -> build().parse(List.of("-o")));
    assertEquals("flag needs an argument: -o", e.getMessage());
  }
}
