package gopl.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Crash output as Go 1.19 prints it (first lines; the goroutine trace differs). */
class PanicPrinterTest {
  @Test
  void testText_predeclaredAndNamedValues() {
    RType c = RType.named("main", "main.C", 0).setUnderlying(RType.INT);
    assertEquals("boom", PanicPrinter.text("boom"));
    assertEquals("main.C(3)", PanicPrinter.text(Iface.boxLong(c, 3)));
    assertEquals("+1.500000e+000", PanicPrinter.text(1.5));
    assertEquals("nil", PanicPrinter.text(null));
  }

  @Test
  void testCrash_recoveredThenRepanicked_exitStatus2() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream oldErr = Sys.err;
    Sys.err = new PrintStream(err, true, StandardCharsets.ISO_8859_1);
    int[] code = {-1};
    Sys.exitHandler = c -> code[0] = c;
    try {
      GoPanic first = new GoPanic(RuntimeError.bounds("index out of range [5] with length 0"));
      first.recovered = true;
      GoPanic second = new GoPanic(first.value);
      second.link = first;
      PanicPrinter.crash(second);
    } finally {
      Sys.err = oldErr;
      Sys.exitHandler = null;
    }
    assertEquals(2, code[0]);
    String text = err.toString(StandardCharsets.ISO_8859_1);
    assertEquals(
        "panic: runtime error: index out of range [5] with length 0 [recovered]\n"
            + "\tpanic: runtime error: index out of range [5] with length 0\n\ngoroutine 1 [running]:",
        text.substring(0, text.indexOf("running]:") + 9));
  }
}
