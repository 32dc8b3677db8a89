package gopl.redis;

import gopl.cli.Main;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A Redis server run as a real process on a free port: redis-in-gopl (the jar that {@code gopl
 * build} makes of this directory, built once per test JVM) or, as the reference, Debian's
 * {@code redis-server} without persistence. {@link #start} returns once the server accepts
 * connections; the server's output is kept for failure messages.
 */
final class ServerProcess implements AutoCloseable {
  private static Path jar;

  final String kind;
  final int port;
  final Process process;
  final long startMillis;
  private final StringBuffer log = new StringBuffer();

  private ServerProcess(String kind, int port, Process process, long startMillis) {
    this.kind = kind;
    this.port = port;
    this.process = process;
    this.startMillis = startMillis;
  }

  /** The directory of the server's sources (the module's base directory). */
  static Path sourceDir() {
    return Path.of(System.getProperty("redis.dir", "."));
  }

  static Path buildDir() {
    return Path.of(System.getProperty("redis.build", "target"));
  }

  /** Builds redis-in-gopl.jar with {@code gopl build} (once per JVM). */
  static synchronized Path jar() throws IOException {
    if (jar != null) return jar;
    Path out = buildDir().resolve("redis-in-gopl.jar");
    Files.createDirectories(out.getParent());
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    int status = new Main(o, e).run("build", "-o", out.toString(), sourceDir().toString());
    if (status != 0) throw new IllegalStateException("gopl build failed:\n" + e.toString(StandardCharsets.UTF_8) + o.toString(StandardCharsets.UTF_8));
    jar = out;
    return jar;
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** True when Debian's redis-server is installed (the reference the scripts are checked against). */
  static boolean redisInstalled() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (Files.isExecutable(Path.of(dir, "redis-server"))) return true;
    }
    return false;
  }

  /** Starts redis-in-gopl on a free port with the given heap file and persistence domain. */
  static ServerProcess gopl(Path heap, String domain, String... jvmOpts) throws IOException, InterruptedException {
    int port = freePort();
    List<String> cmd = new ArrayList<>(List.of(java(), "--enable-native-access=ALL-UNNAMED"));
    cmd.addAll(List.of(jvmOpts));
    cmd.addAll(List.of("-jar", jar().toString(), "--port", Integer.toString(port), "--heap", heap.toString(), "--domain", domain));
    return start("gopl", port, cmd, "Ready to accept connections");
  }

  /** Starts the reference redis-server (no persistence) on a free port. */
  static ServerProcess redis(Path dir) throws IOException, InterruptedException {
    int port = freePort();
    List<String> cmd = List.of("redis-server", "--port", Integer.toString(port), "--save", "", "--appendonly", "no",
        "--dir", dir.toString(), "--databases", "1", "--bind", "127.0.0.1");
    return start("redis", port, cmd, "Ready to accept connections");
  }

  private static ServerProcess start(String kind, int port, List<String> cmd, String ready) throws IOException, InterruptedException {
    long t0 = System.currentTimeMillis();
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    ServerProcess s = new ServerProcess(kind, port, p, t0);
    CountDownLatch up = new CountDownLatch(1);
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) {
          s.log.append(line).append('\n');
          if (line.contains(ready)) up.countDown();
        }
      } catch (IOException ignored) {
        // the process ended
      }
      up.countDown();
    });
    reader.setDaemon(true);
    reader.start();
    if (!up.await(120, TimeUnit.SECONDS) || !p.isAlive()) {
      p.destroyForcibly();
      throw new IllegalStateException(kind + " server did not start: " + cmd + "\n" + s.log);
    }
    return s;
  }

  String log() {
    return log.toString();
  }

  /** SIGKILL, and wait for the process to be gone. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** SIGTERM; waits for the exit and returns its status. */
  int terminate() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
      return -1;
    }
    return process.exitValue();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) kill();
  }
}
