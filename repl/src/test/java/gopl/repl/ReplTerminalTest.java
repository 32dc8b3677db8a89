package gopl.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The interactive REPL driven through a JLine terminal built on streams (an xterm with no real
 * tty; JLine's {@link ExternalTerminal}, whose line discipline turns Ctrl-C into a signal to the
 * REPL's handler): keystrokes go in, the screen output is read back.
 *
 * <p>Deterministic by construction, never by sleeping: the REPL runs on its own thread (not a
 * shared pool); an input is typed and then the test waits until the REPL has started reading the
 * next one ({@link Repl#reads}), so its output is complete; keys are otherwise buffered and read
 * in order, and the only keys handled asynchronously (Ctrl-C, a signal) are typed once the REPL
 * is in the state they are meant for (an input shown with the secondary prompt, or a cell
 * running). The timeouts only matter when something is broken.
 */
class ReplTerminalTest {
  private static final long TIMEOUT_SECONDS = 120;

  @TempDir Path dir;
  private PipedOutputStream keys;
  private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
  private Terminal terminal;
  private Repl repl;
  private CompletableFuture<Integer> exit;
  private Path history;

  @BeforeEach
  void start() throws Exception {
    history = dir.resolve("history");
    startRepl();
  }

  private void startRepl() throws Exception {
    PipedInputStream in = new PipedInputStream(1 << 16);
    keys = new PipedOutputStream(in);
    synchronized (screen) {
      screen.reset();
    }
    // JLine's own line discipline in Java (not an OS pseudo-terminal, whose Ctrl-C would signal no one)
    terminal = new ExternalTerminal("gopl-test", "xterm", in, screen, StandardCharsets.UTF_8);
    terminal.setSize(new Size(200, 50));
    Repl r = new Repl(terminal.output(), terminal.output());
    repl = r;
    CompletableFuture<Integer> done = new CompletableFuture<>();
    exit = done;
    Thread loop = new Thread(() -> {
      try {
        done.complete(r.interactive(terminal, history));
      } catch (Throwable t) {
        done.completeExceptionally(t);
      }
    }, "repl-under-test");
    loop.setDaemon(true);
    loop.start();
    awaitReads(1);
  }

  @AfterEach
  void stop() throws Exception {
    keys.close(); // end of input: the REPL exits as on Ctrl-D
    exit.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    terminal.close();
  }

  private void type(String s) throws IOException {
    keys.write(s.getBytes(StandardCharsets.UTF_8));
    keys.flush();
  }

  /** Types one complete input and waits until it has run and the REPL reads the next one. */
  private void enter(String line) throws Exception {
    int n = repl.reads();
    type(line + "\r");
    awaitReads(n + 1);
  }

  private String screen() {
    synchronized (screen) {
      return screen.toString(StandardCharsets.UTF_8).replaceAll("\u001b\\[[0-9;?]*[A-Za-z]", "").replace("\r", "");
    }
  }

  private void awaitTrue(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) fail("waited " + TIMEOUT_SECONDS + " s for " + what + "; the screen:\n" + screen());
      Thread.sleep(5);
    }
  }

  /** Waits until the REPL has started reading its n-th input. */
  private void awaitReads(int n) throws InterruptedException {
    awaitTrue("the REPL to read input " + n, () -> repl.reads() >= n || exit.isDone());
    assertFalse(exit.isDone() && repl.reads() < n, () -> "the REPL ended; the screen:\n" + screen());
  }

  /** Waits until the screen shows text (after escape sequences are removed). */
  private void await(String text) throws InterruptedException {
    awaitTrue("the screen to show " + text, () -> screen().contains(text));
  }

  @Test
  void testExpression_andDeclarationAcrossInputs() throws Exception {
    enter("x := 3");
    enter("x*2");
    await("6 (int)");
  }

  @Test
  void testMultiLineInput_secondaryPrompt() throws Exception {
    type("func add(a, b int) int {\r");
    await(Repl.SECONDARY);
    type("return a +\r");
    type("b\r");
    enter("}");
    enter("add(2, 3)");
    await("5 (int)");
  }

  @Test
  void testCompletion_packageMember() throws Exception {
    enter("strings.ToUpp\t(\"go\")");
    await("GO (string)");
  }

  @Test
  void testCompletion_fieldOfVariable() throws Exception {
    enter("type Point struct{ Xcoord, Ycoord int }");
    enter("pt := Point{4, 5}");
    enter("pt.Yc\t");
    await("5 (int)");
  }

  @Test
  void testError_sessionGoesOn() throws Exception {
    enter("undefinedName + 1");
    await(":1:1: undefined: undefinedName");
    enter("1+1");
    await("2 (int)");
  }

  @Test
  void testPanic_sessionGoesOn() throws Exception {
    enter("panic(\"oh no\")");
    await("panic: oh no");
    enter("40+2");
    await("42 (int)");
  }

  @Test
  void testCtrlC_cancelsInput() throws Exception {
    int n = repl.reads();
    type("this is not go (\r");
    await(Repl.SECONDARY); // the reader holds the incomplete input
    type("\u0003");
    awaitReads(n + 1);
    enter("7*6");
    await("42 (int)");
    assertFalse(screen().contains("syntax error"), screen());
  }

  @Test
  void testCtrlC_interruptsInfiniteLoop() throws Exception {
    int n = repl.reads();
    type("for {}\r");
    awaitTrue("the loop to run", () -> repl.session().runner.running());
    type("\u0003");
    awaitReads(n + 1);
    await("interrupted");
    enter("1+2");
    await("3 (int)");
  }

  @Test
  void testCtrlD_exits_historySaved() throws Exception {
    enter("h := 99");
    enter("h");
    await("99 (int)");
    type("\u0004");
    assertEquals(0, exit.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
    String saved = Files.readString(history);
    assertTrue(saved.contains("h := 99") && saved.contains("h"), saved);
    terminal.close();
    // a new session finds the previous session's input with Ctrl-R and runs it again
    startRepl();
    enter("\u0012h := 9");
    enter("h + 1");
    await("100 (int)");
  }

  @Test
  void testCommands() throws Exception {
    enter(":type []int{1}");
    await("[]int");
    enter(":doc strings.ToUpper");
    await("func strings.ToUpper(s string) string");
    enter(":heap");
    await("persistent heap: none");
    enter(":time 1+1");
    await("time: run");
    type(":quit\r");
    assertEquals(0, exit.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
  }
}
