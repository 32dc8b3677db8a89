package gopl.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs tests/repl/tmux-repl.sh against this module's REPL (a JVM started with the test class
 * path) in a real terminal. tmux is installed with apt-get when missing and possible; the test
 * is skipped only when tmux cannot be had.
 */
class TmuxReplTest {
  @Test
  void testRealTerminalSession() throws Exception {
    assumeTrue(tmuxAvailable(), "tmux is not installed and cannot be installed");
    Path script = repoRoot().resolve("tests/repl/tmux-repl.sh");
    List<String> cmd = new ArrayList<>(List.of("bash", script.toString()));
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("--enable-native-access=ALL-UNNAMED");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(Repl.class.getName());
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    assertEquals(true, p.waitFor(5, TimeUnit.MINUTES));
    assertEquals(0, p.exitValue(), output);
  }

  private static Path repoRoot() {
    Path d = Path.of("").toAbsolutePath();
    while (d != null && !Files.exists(d.resolve("tests/repl/tmux-repl.sh"))) d = d.getParent();
    if (d == null) throw new IllegalStateException("tests/repl/tmux-repl.sh not found above " + Path.of("").toAbsolutePath());
    return d;
  }

  private static boolean tmuxAvailable() throws Exception {
    if (onPath("tmux")) return true;
    if (!onPath("apt-get")) return false;
    boolean root = new ProcessBuilder("id", "-u").start().inputReader().readLine().equals("0");
    List<String> install = new ArrayList<>();
    if (!root) install.addAll(List.of("sudo", "-n"));
    install.addAll(List.of("apt-get", "install", "-y", "-qq", "tmux"));
    Process p = new ProcessBuilder(install).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    return p.waitFor(5, TimeUnit.MINUTES) && p.exitValue() == 0 && onPath("tmux");
  }

  private static boolean onPath(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, tool))) return true;
    }
    return false;
  }
}
