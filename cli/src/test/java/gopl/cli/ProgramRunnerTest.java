package gopl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gopl.cli.fixture.Programs;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgramRunnerTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private ProgramRunner.Outcome run(Class<?> program, Duration timeout, String... args) throws Exception {
    var loader = new ProgramClassLoader(
        Map.of(TestClasses.internalName(program), TestClasses.bytes(program)), getClass().getClassLoader());
    try (var o = new PrintStream(out, false, StandardCharsets.ISO_8859_1);
        var e = new PrintStream(err, false, StandardCharsets.ISO_8859_1)) {
      return ProgramRunner.run(loader, TestClasses.internalName(program), args, o, e, timeout);
    }
  }

  @Test
  void testExit_statusAndStreamsAreThePrograms() throws Exception {
    ProgramRunner.Outcome o = run(Programs.Exits.class, Duration.ofSeconds(30));
    assertEquals(new ProgramRunner.Outcome(3, false, null), o);
    assertEquals("out \u00e9\n", out.toString(StandardCharsets.ISO_8859_1), "chars written as bytes");
    assertEquals("err\n", err.toString(StandardCharsets.ISO_8859_1));
    assertNull(gopl.runtime.Sys.exitHandler, "the parent's Sys is untouched");
  }

  @Test
  void testReturn_isStatus0_withArgs() throws Exception {
    assertEquals(new ProgramRunner.Outcome(0, false, null), run(Programs.Returns.class, null, "a", "b"));
    assertEquals("a,b\n", out.toString(StandardCharsets.ISO_8859_1));
  }

  @Test
  void testEscapedException_isACrash() throws Exception {
    ProgramRunner.Outcome o = run(Programs.Crashes.class, Duration.ofSeconds(30));
    assertInstanceOf(IllegalStateException.class, o.crash());
    assertFalse(o.timedOut());
  }

  @Test
  void testHang_timesOut() throws Exception {
    ProgramRunner.Outcome o = run(Programs.Hangs.class, Duration.ofMillis(300));
    assertTrue(o.timedOut());
  }

  @Test
  void testExitFromAnotherThread_endsTheRun() throws Exception {
    assertEquals(new ProgramRunner.Outcome(4, false, null), run(Programs.ExitsFromAnotherThread.class, Duration.ofSeconds(30)));
  }
}
