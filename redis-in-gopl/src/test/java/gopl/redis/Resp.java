package gopl.redis;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A minimal RESP2 connection that keeps every detail of a reply (status vs bulk, null bulk vs
 * null array, the exact error text), which a client library hides; {@link #render} prints a reply
 * in the one-line form the command scripts use.
 */
final class Resp implements AutoCloseable {
  /** An error reply (its text without the leading '-'). */
  record Err(String text) {}

  /** A status reply (its text without the leading '+'). */
  record Status(String text) {}

  /** The null array ("*-1"). */
  static final Object NULL_ARRAY = new Object() {
    @Override public String toString() { return "(nil-array)"; }
  };

  final Socket socket;
  final InputStream in;
  final OutputStream out;

  Resp(int port) throws IOException {
    socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout(30_000);
    socket.setTcpNoDelay(true);
    in = new BufferedInputStream(socket.getInputStream());
    out = socket.getOutputStream();
  }

  static byte[] encode(List<byte[]> args) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes(("*" + args.size() + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    for (byte[] a : args) {
      b.writeBytes(("$" + a.length + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
      b.writeBytes(a);
      b.writeBytes(new byte[] {'\r', '\n'});
    }
    return b.toByteArray();
  }

  /** Sends one command and reads its reply. */
  Object call(String... args) throws IOException {
    List<byte[]> a = new ArrayList<>();
    for (String s : args) a.add(s.getBytes(StandardCharsets.ISO_8859_1));
    out.write(encode(a));
    out.flush();
    return read();
  }

  void sendRaw(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  /** Reads one reply: Status, Err, Long, byte[] (bulk), null (null bulk), List, NULL_ARRAY. */
  Object read() throws IOException {
    int t = in.read();
    if (t < 0) throw new EOFException("connection closed");
    String line = readLine();
    switch (t) {
      case '+': return new Status(line);
      case '-': return new Err(line);
      case ':': return Long.parseLong(line);
      case '$': {
        int n = Integer.parseInt(line);
        if (n < 0) return null;
        byte[] b = in.readNBytes(n);
        if (b.length < n) throw new EOFException("short bulk");
        in.readNBytes(2);
        return b;
      }
      case '*': {
        int n = Integer.parseInt(line);
        if (n < 0) return NULL_ARRAY;
        List<Object> l = new ArrayList<>();
        for (int i = 0; i < n; i++) l.add(read());
        return l;
      }
      default:
        throw new IOException("bad reply type '" + (char) t + "' " + line);
    }
  }

  private String readLine() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (int c; (c = in.read()) != '\r'; ) {
      if (c < 0) throw new EOFException("connection closed");
      b.write(c);
    }
    in.read();
    return b.toString(StandardCharsets.ISO_8859_1);
  }

  /** True if the server closed the connection (EOF within the socket timeout). */
  boolean closedByPeer() throws IOException {
    try {
      return in.read() < 0;
    } catch (java.net.SocketException e) {
      return true;
    }
  }

  /** One-line rendering: +OK, -ERR ..., :5, "bulk", (nil), [a, b], (nil-array). */
  static String render(Object r) {
    if (r == null) return "(nil)";
    if (r instanceof Status s) return "+" + s.text();
    if (r instanceof Err e) return "-" + e.text();
    if (r instanceof Long n) return ":" + n;
    if (r instanceof byte[] b) return quote(b);
    if (r instanceof List<?> l) {
      StringBuilder sb = new StringBuilder("[");
      for (int i = 0; i < l.size(); i++) {
        if (i > 0) sb.append(", ");
        sb.append(render(l.get(i)));
      }
      return sb.append(']').toString();
    }
    return r.toString();
  }

  static String quote(byte[] b) {
    StringBuilder sb = new StringBuilder("\"");
    for (byte x : b) {
      int c = x & 0xff;
      if (c == '"' || c == '\\') sb.append('\\').append((char) c);
      else if (c == '\r') sb.append("\\r");
      else if (c == '\n') sb.append("\\n");
      else if (c == '\t') sb.append("\\t");
      else if (c >= 0x20 && c < 0x7f) sb.append((char) c);
      else sb.append(String.format("\\x%02x", c));
    }
    return sb.append('"').toString();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
