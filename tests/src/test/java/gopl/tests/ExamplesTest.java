package gopl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import gopl.cli.Main;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The programs in examples/ (what the README sends a newcomer to) compile and run as described. */
class ExamplesTest {
  record Result(int exit, String out, String err) {}

  private static Result gopl(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = new Main(out, err).run(args);
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static String example(String name) {
    return Repo.root().resolve("examples").resolve(name).toString();
  }

  @Test
  void testHello() {
    assertEquals(new Result(0, "Hello, GoPL!\n", ""), gopl("run", example("hello.gop")));
  }

  @Test
  void testPrimes_checksItself() {
    assertEquals(new Result(0, "9592 primes below 100000, the largest is 99991\n", ""), gopl("run", example("primes.gop")));
  }

  @Test
  void testTable() {
    Result r = gopl("run", example("table.gop"));
    assertEquals(0, r.exit(), r.toString());
    // Go 1.19 prints this line (3^48 wrapped to int64).
    assertEquals("48    | 2721702152408675777|  0.0208", r.out().lines().filter(l -> l.startsWith("48 ")).findFirst().orElse(""));
    assertEquals("\"héllo\" has 6 bytes", r.out().lines().reduce((a, b) -> b).orElse(""));
  }

  @Test
  void testWordstats_aModuleOfTwoPackages() {
    assertEquals(new Result(0, "5 words, 21 bytes, longest \"quick\", mean length 4.20\n", ""),
        gopl("run", example("wordstats"), "--", "the", "quick", "brown", "fox", "jumps"));
    assertEquals(new Result(2, "usage: wordstats WORD...\n", ""), gopl("run", example("wordstats")));
  }
}
