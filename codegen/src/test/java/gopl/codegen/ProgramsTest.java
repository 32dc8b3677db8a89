package gopl.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Whole programs under src/test/resources/programs: each {@code x.gop} is compiled and run, and
 * its stdout must equal {@code x.out}, which is what real Go 1.19 printed for the same source
 * ({@code go run}); the exit code is checked too.
 */
class ProgramsTest {
  static String res(String name) {
    try (InputStream in = ProgramsTest.class.getResourceAsStream("/programs/" + name)) {
      // sources are UTF-8 text; expected outputs are raw bytes (one char per byte)
      return new String(in.readAllBytes(), name.endsWith(".out") ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static GoRunner.Result check(String name, int exitCode) {
    GoRunner.Result r = GoRunner.run(res(name + ".gop"));
    String want = res(name + ".out");
    assertEquals(want, r.stdout(), "stdout of " + name + "; stderr: " + r.stderr());
    assertEquals(exitCode, r.exitCode(), "exit code of " + name + "; stderr: " + r.stderr());
    return r;
  }

  @Test
  void testArith_integerWidthsDivisionShiftsAndPrintf() {
    check("arith", 0);
  }

  @Test
  void testControl_loopsSwitchLabelsGotoAndExit() {
    check("control", 3);
  }

  @Test
  void testSlices_appendGrowthSlicingCopyConversionsArrays() {
    check("slices", 0);
  }

  @Test
  void testMaps_commaOkDeleteNilMapStructAndInterfaceKeys() {
    check("maps", 0);
  }

  @Test
  void testClosures_captureByReferenceMultiResultsNamedResultsPointers() {
    check("closures", 0);
  }

  @Test
  void testTypes_structsMethodsInterfacesEmbeddingTypeSwitchErrors() {
    check("types", 0);
  }

  @Test
  void testPanics_deferRecoverRuntimeErrorsAndCrashOutput() {
    GoRunner.Result r = check("panics", 2);
    assertEquals("panic: final 5\n\ngoroutine 1 [running]:\n", r.stderr().substring(0, r.stderr().indexOf("running]:") + 10));
  }

  @Test
  void testMisc_initOrderIotaStringsValueSemanticsFormatting() {
    check("misc", 0);
  }

  @Test
  void testStringsLib_stringsAndStrconvPackages() {
    check("stringslib", 0);
  }

  @Test
  void testGoroutines_channelsSelectWaitGroupMutexOnce() {
    check("goroutines", 0);
  }

  @Test
  void testPointers_fieldElementAndVariablePointersLinkedList() {
    check("pointers", 0);
  }
}
