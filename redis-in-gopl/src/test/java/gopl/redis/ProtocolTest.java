package gopl.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Bad and unusual input on a raw socket, byte for byte: what the server answers and whether it
 * closes the connection, identical on redis-in-gopl and the reference redis-server; after each
 * case a fresh client must still be served (the server never dies of a client's input).
 */
class ProtocolTest {
  record Case(String name, byte[] input, String reply, boolean closes) {}

  static Case c(String name, String input, String reply, boolean closes) {
    return new Case(name, input.getBytes(StandardCharsets.ISO_8859_1), reply, closes);
  }

  static List<Case> cases() {
    List<Case> l = new ArrayList<>();
    l.add(c("inline ping", "PING\r\n", "+PONG\r\n", false));
    l.add(c("inline without CR", "PING\n", "+PONG\r\n", false));
    l.add(c("inline pipeline", "SET pk v\r\nGET pk\r\nDEL pk\r\n", "+OK\r\n$1\r\nv\r\n:1\r\n", false));
    l.add(c("inline quotes", "ECHO \"a\\x41\\n\" 'b c'\r\n", "-ERR wrong number of arguments for 'echo' command\r\n", false));
    l.add(c("inline quoted arg", "ECHO \"a\\x41\\tb\"\r\n", "$4\r\naA\tb\r\n", false));
    l.add(c("empty lines", "\r\n\n  \r\nPING\r\n", "+PONG\r\n", false));
    l.add(c("empty multibulk", "*0\r\n*-1\r\nPING\r\n", "+PONG\r\n", false));
    l.add(c("split multibulk", "*2\r\n$4\r\nECHO\r\n$3\r\nabc\r\n*1\r\n$4\r\nPING\r\n", "$3\r\nabc\r\n+PONG\r\n", false));
    l.add(c("binary bulk", "*2\r\n$4\r\nECHO\r\n$4\r\n\r\n\0\377\r\n", "$4\r\n\r\n\0\377\r\n", false));
    l.add(c("bad multibulk length", "*abc\r\n", "-ERR Protocol error: invalid multibulk length\r\n", true));
    l.add(c("huge multibulk length", "*2147483648\r\n", "-ERR Protocol error: invalid multibulk length\r\n", true));
    l.add(c("expected $", "*1\r\n+PING\r\n", "-ERR Protocol error: expected '$', got '+'\r\n", true));
    l.add(c("bad bulk length", "*1\r\n$x\r\n", "-ERR Protocol error: invalid bulk length\r\n", true));
    l.add(c("negative bulk length", "*1\r\n$-1\r\n", "-ERR Protocol error: invalid bulk length\r\n", true));
    l.add(c("bulk length above 512MB", "*1\r\n$536870913\r\n", "-ERR Protocol error: invalid bulk length\r\n", true));
    l.add(c("unbalanced quotes", "ECHO \"abc\r\n", "-ERR Protocol error: unbalanced quotes in request\r\n", true));
    l.add(c("closing quote glued", "ECHO \"abc\"d\r\n", "-ERR Protocol error: unbalanced quotes in request\r\n", true));
    l.add(c("reply before the error", "PING\r\n*1\r\n$x\r\n", "+PONG\r\n-ERR Protocol error: invalid bulk length\r\n", true));
    l.add(c("too big inline", "A".repeat(70_000), "-ERR Protocol error: too big inline request\r\n", true));
    l.add(c("too big mbulk count", "*" + "1".repeat(70_000), "-ERR Protocol error: too big mbulk count string\r\n", true));
    l.add(c("too big bulk count", "*1\r\n$" + "1".repeat(70_000), "-ERR Protocol error: too big bulk count string\r\n", true));
    l.add(c("unknown command", "*1\r\n$3\r\nFOO\r\n", "-ERR unknown command 'FOO', with args beginning with: \r\n", false));
    l.add(c("incomplete multibulk then close", "*3\r\n$3\r\nSET\r\n$1\r\n", "", false));
    return l;
  }

  @TestFactory
  Stream<DynamicTest> protocol() throws IOException, InterruptedException {
    List<DynamicTest> tests = new ArrayList<>();
    for (ServerProcess s : Servers.all()) {
      for (Case k : cases()) tests.add(DynamicTest.dynamicTest(s.kind + ": " + k.name(), () -> run(s, k)));
      tests.add(DynamicTest.dynamicTest(s.kind + ": binary garbage", () -> garbage(s)));
    }
    return tests.stream();
  }

  static void run(ServerProcess s, Case k) throws Exception {
    try (Socket sock = new Socket("127.0.0.1", s.port)) {
      sock.getOutputStream().write(k.input());
      sock.getOutputStream().flush();
      Transcript t = read(sock, k.reply().length());
      assertEquals(k.reply(), t.text(), k.name());
      assertEquals(k.closes(), t.closed(), k.name() + ": connection closed?");
    }
    stillServes(s);
  }

  /** Random bytes: whatever the server answers, it keeps serving other clients. */
  static void garbage(ServerProcess s) throws Exception {
    Random rnd = new Random(42);
    for (int i = 0; i < 10; i++) {
      byte[] b = new byte[1 + rnd.nextInt(4000)];
      rnd.nextBytes(b);
      try (Socket sock = new Socket("127.0.0.1", s.port)) {
        sock.getOutputStream().write(b);
        read(sock, 0);
      } catch (IOException resetByPeer) {
        // the server may close while we write
      }
    }
    stillServes(s);
  }

  static void stillServes(ServerProcess s) throws IOException {
    try (Resp r = new Resp(s.port)) {
      assertEquals("+PONG", Resp.render(r.call("PING")));
    }
  }

  record Transcript(String text, boolean closed) {}

  /** Reads until want bytes came and then 300 ms of silence, or the peer closes. */
  static Transcript read(Socket sock, int want) throws IOException {
    sock.setSoTimeout(want == 0 ? 500 : 300);
    InputStream in = sock.getInputStream();
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    long deadline = System.currentTimeMillis() + 10_000;
    while (System.currentTimeMillis() < deadline) {
      try {
        int n = in.read(buf);
        if (n < 0) return new Transcript(b.toString(StandardCharsets.ISO_8859_1), true);
        b.write(buf, 0, n);
      } catch (SocketTimeoutException e) {
        if (b.size() >= want) break;
      } catch (java.net.SocketException e) {
        return new Transcript(b.toString(StandardCharsets.ISO_8859_1), true);
      }
    }
    return new Transcript(b.toString(StandardCharsets.ISO_8859_1), false);
  }
}
