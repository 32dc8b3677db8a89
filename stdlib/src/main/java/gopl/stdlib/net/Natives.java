package gopl.stdlib.net;

import gopl.runtime.ByteSlice;
import gopl.runtime.Sys;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Java intrinsics of package net: TCP sockets as blocking {@link java.net.Socket}s used from the
 * calling goroutine's virtual thread (the JDK parks the virtual thread, not its carrier, while it
 * waits). Such a goroutine is not parked in GoPL's scheduler, so deadlock detection never counts
 * it as blocked (docs/concurrency.md §2), as Go does not count its network poller's waiters.
 *
 * <p>Errors come back as codes that net.gop's {@code osError} decodes: {@code ""} (none), {@code
 * "EOF"}, {@code "timeout"} (Go's "i/o timeout"), {@code "closed"} (use of a closed connection),
 * or {@code "syscall: message"} with Go's (Linux strerror) wording. Handles are opaque objects
 * ({@link Conn}, {@link Lis}) held by GoPL code as interface{} values. Deadlines are Unix
 * nanoseconds (0: none).
 */
public final class Natives {
  private Natives() {}

  /** A connected socket and whether GoPL code has closed it. */
  static final class Conn {
    final Socket s;
    final InputStream in;
    final OutputStream out;
    final AtomicBoolean closed = new AtomicBoolean();

    /** {@link #awaitData}'s record: reads in a row whose poll found nothing, reads not polled. */
    int spinMisses;
    int spinSkips;

    Conn(Socket s) throws IOException {
      this.s = s;
      s.setTcpNoDelay(true); // Go's default
      this.in = s.getInputStream();
      this.out = s.getOutputStream();
    }
  }

  /** A listening socket; {@code wildcard6}: listening on all addresses, shown as "[::]" as Go does. */
  static final class Lis {
    final ServerSocket ss;
    final boolean wildcard6;
    final AtomicBoolean closed = new AtomicBoolean();

    Lis(ServerSocket ss, boolean wildcard6) {
      this.ss = ss;
      this.wildcard6 = wildcard6;
    }
  }

  private static long nowNanos() {
    java.time.Instant i = java.time.Instant.now();
    return i.getEpochSecond() * 1_000_000_000L + i.getNano();
  }

  /** The Go (Linux strerror) wording of an I/O exception from syscall {@code op}. */
  static String code(String op, IOException e) {
    if (e instanceof SocketTimeoutException) return "timeout";
    String m = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
    if (e instanceof ConnectException || m.contains("connection refused")) return "connect: connection refused";
    if (e instanceof NoRouteToHostException) return "connect: no route to host";
    if (e instanceof BindException || m.contains("address already in use")) {
      if (m.contains("permission")) return "bind: permission denied";
      if (m.contains("cannot assign")) return "bind: cannot assign requested address";
      return "bind: address already in use";
    }
    if (m.contains("connection reset")) return op + ": connection reset by peer";
    if (m.contains("broken pipe")) return op + ": broken pipe";
    if (m.contains("timed out")) return "timeout";
    if (m.contains("network is unreachable")) return "connect: network is unreachable";
    if (m.contains("closed")) return "closed";
    return op + ": " + m;
  }

  private static InetAddress addr(ByteSlice ip) throws UnknownHostException {
    if (ip == null || ip.len == 0) return null;
    byte[] b = java.util.Arrays.copyOfRange(ip.a, ip.off, ip.off + ip.len);
    return InetAddress.getByAddress(b);
  }

  private static ByteSlice bytes(InetAddress a) {
    byte[] b = a.getAddress();
    if (b.length == 4) {
      byte[] m = new byte[16];
      m[10] = (byte) 0xff;
      m[11] = (byte) 0xff;
      System.arraycopy(b, 0, m, 12, 4);
      b = m;
    }
    return ByteSlice.of(b);
  }

  public static Object[] listenTCP(ByteSlice ip, long port) {
    ServerSocket ss = null;
    try {
      InetAddress a = addr(ip);
      ss = new ServerSocket();
      ss.setReuseAddress(true); // Go sets SO_REUSEADDR on listeners
      ss.bind(new InetSocketAddress(a, (int) port), 4096);
      return new Object[] {new Lis(ss, a == null), ""};
    } catch (IOException e) {
      if (ss != null) try { ss.close(); } catch (IOException ignored) { /* already failing */ }
      return new Object[] {null, code("bind", e)};
    }
  }

  public static Object[] acceptTCP(Object l) {
    Lis lis = (Lis) l;
    if (lis.closed.get()) return new Object[] {null, "closed"};
    Sys.flush(); // Go writes output at once: it must show while this goroutine waits
    gopl.runtime.conc.Go.blocking(); // goroutines queued behind this one must still start
    try {
      return new Object[] {new Conn(lis.ss.accept()), ""};
    } catch (IOException e) {
      return new Object[] {null, lis.closed.get() ? "closed" : code("accept", e)};
    }
  }

  public static Object[] dialTCP(ByteSlice ip, long port, long timeout) {
    gopl.runtime.conc.Go.blocking(); // connecting waits for the peer
    Socket s = new Socket();
    try {
      int ms = timeout <= 0 ? 0 : (int) Math.max(1, Math.min(Integer.MAX_VALUE, (timeout + 999_999) / 1_000_000));
      s.connect(new InetSocketAddress(addr(ip), (int) port), ms);
      return new Object[] {new Conn(s), ""};
    } catch (IOException e) {
      try { s.close(); } catch (IOException ignored) { /* already failing */ }
      return new Object[] {null, code("connect", e)};
    }
  }

  /**
   * How long a read that finds no data polls for it before blocking (ns; {@code
   * -Dgopl.netspin}, 0 = never). A blocking read parks the virtual thread with the JDK's poller,
   * and its wake-up takes two thread hops (poller thread, then the carrier pool) — tens of
   * microseconds, where a request/response peer on the same machine typically answers within a
   * few. Go's idle processors poll the network the same way before they sleep. The poll yields
   * between looks, so goroutines sharing the carrier (the peer may be one of them) still run.
   */
  private static final long SPIN_NANOS = Long.getLong("gopl.netspin", 20_000);

  /**
   * Polls briefly for data on conn before a blocking read, while that has been paying off: after
   * four reads in a row found nothing within the poll, the connection stops polling (an idle
   * connection costs no CPU) until one read in 64 finds that it would have helped.
   */
  private static void awaitData(Conn conn) throws IOException {
    if (conn.in.available() > 0) return;
    if (conn.spinMisses >= 4 && (++conn.spinSkips & 63) != 0) return;
    long end = System.nanoTime() + SPIN_NANOS;
    do {
      Thread.yield(); // goroutines that share this carrier (the peer may be one) run meanwhile
      if (conn.in.available() > 0) {
        conn.spinMisses = 0;
        return;
      }
    } while (System.nanoTime() - end < 0);
    if (conn.spinMisses < 4) conn.spinMisses++;
  }

  public static Object[] readTCP(Object c, ByteSlice b, long deadline) {
    Conn conn = (Conn) c;
    if (conn.closed.get()) return new Object[] {0L, "closed"};
    Sys.flush(); // Go writes output at once: it must show while this goroutine waits
    gopl.runtime.conc.Go.blocking(); // goroutines queued behind this one must still start
    try {
      int timeoutMs = 0;
      if (deadline != 0) {
        long left = deadline - nowNanos();
        if (left <= 0) return new Object[] {0L, "timeout"};
        timeoutMs = (int) Math.max(1, Math.min(Integer.MAX_VALUE, (left + 999_999) / 1_000_000));
      }
      if (conn.s.getSoTimeout() != timeoutMs) conn.s.setSoTimeout(timeoutMs);
      if (SPIN_NANOS > 0 && b.len > 0) awaitData(conn);
      int n = conn.in.read(b.a, b.off, b.len);
      if (n < 0) return new Object[] {0L, "EOF"};
      return new Object[] {(long) n, ""};
    } catch (IOException e) {
      return new Object[] {0L, conn.closed.get() ? "closed" : code("read", e)};
    }
  }

  public static Object[] writeTCP(Object c, ByteSlice b, long deadline) {
    Conn conn = (Conn) c;
    if (conn.closed.get()) return new Object[] {0L, "closed"};
    if (deadline != 0 && deadline - nowNanos() <= 0) return new Object[] {0L, "timeout"};
    if (b == null || b.len == 0) return new Object[] {0L, ""};
    gopl.runtime.conc.Go.blocking(); // a full send buffer blocks until the peer reads
    try {
      conn.out.write(b.a, b.off, b.len);
      return new Object[] {(long) b.len, ""};
    } catch (IOException e) {
      return new Object[] {0L, conn.closed.get() ? "closed" : code("write", e)};
    }
  }

  /** Closes c; false if it was already closed. */
  public static boolean closeTCP(Object c) {
    Conn conn = (Conn) c;
    if (conn.closed.getAndSet(true)) return false;
    try {
      conn.s.close();
    } catch (IOException ignored) {
      // Go's close(2) errors are not reported for sockets either
    }
    return true;
  }

  public static boolean closeListener(Object l) {
    Lis lis = (Lis) l;
    if (lis.closed.getAndSet(true)) return false;
    try {
      lis.ss.close();
    } catch (IOException ignored) {
      // nothing to report
    }
    return true;
  }

  public static String setNoDelay(Object c, boolean noDelay) {
    try {
      ((Conn) c).s.setTcpNoDelay(noDelay);
      return "";
    } catch (IOException e) {
      return ((Conn) c).closed.get() ? "closed" : code("setsockopt", e);
    }
  }

  public static String shutdownOutput(Object c) {
    try {
      ((Conn) c).s.shutdownOutput();
      return "";
    } catch (IOException e) {
      return ((Conn) c).closed.get() ? "closed" : code("shutdown", e);
    }
  }

  public static Object[] sockAddr(Object c, boolean remote) {
    Socket s = ((Conn) c).s;
    InetAddress a = remote ? s.getInetAddress() : s.getLocalAddress();
    long port = remote ? s.getPort() : s.getLocalPort();
    return new Object[] {a == null ? null : bytes(a), port};
  }

  public static Object[] listenerAddr(Object l) {
    Lis lis = (Lis) l;
    InetAddress a = lis.ss.getInetAddress();
    ByteSlice ip = lis.wildcard6 || a == null ? ByteSlice.of(new byte[16]) : bytes(a);
    return new Object[] {ip, (long) lis.ss.getLocalPort()};
  }

  /** Go's ParseIP: dotted-decimal IPv4 (no leading zeros) or IPv6 text; null if invalid. */
  public static ByteSlice parseIP(String s) {
    if (s.indexOf(':') < 0) {
      String[] parts = s.split("\\.", -1);
      if (parts.length != 4) return null;
      byte[] b = new byte[16];
      b[10] = (byte) 0xff;
      b[11] = (byte) 0xff;
      for (int i = 0; i < 4; i++) {
        String p = parts[i];
        if (p.isEmpty() || p.length() > 3 || (p.length() > 1 && p.charAt(0) == '0')) return null;
        int v = 0;
        for (int k = 0; k < p.length(); k++) {
          char ch = p.charAt(k);
          if (ch < '0' || ch > '9') return null;
          v = v * 10 + (ch - '0');
        }
        if (v > 255) return null;
        b[12 + i] = (byte) v;
      }
      return ByteSlice.of(b);
    }
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (!(ch == ':' || ch == '.' || Character.digit(ch, 16) >= 0)) return null;
    }
    try {
      return bytes(InetAddress.getByName(s)); // a literal: no lookup happens
    } catch (UnknownHostException e) {
      return null;
    }
  }

  /** The first address of host (IPv4 preferred), or Go's error text. */
  public static Object[] lookupHost(String host) {
    try {
      InetAddress[] all = InetAddress.getAllByName(host);
      InetAddress pick = all[0];
      for (InetAddress a : all) {
        if (a instanceof Inet4Address) {
          pick = a;
          break;
        }
      }
      return new Object[] {bytes(pick), ""};
    } catch (UnknownHostException e) {
      return new Object[] {null, "no such host"};
    }
  }

  // ---------------------------------------------------------------- UDP (udp.gop)

  /** A datagram socket and whether GoPL code has closed it. */
  static final class Udp {
    final java.net.DatagramSocket s;
    final AtomicBoolean closed = new AtomicBoolean();

    Udp(java.net.DatagramSocket s) {
      this.s = s;
    }
  }

  public static Object[] listenUDP(ByteSlice ip, long port) {
    try {
      java.net.DatagramSocket s = new java.net.DatagramSocket(null);
      s.setReuseAddress(false);
      s.bind(new InetSocketAddress(addr(ip), (int) port));
      return new Object[] {new Udp(s), ""};
    } catch (IOException e) {
      return new Object[] {null, code("bind", e)};
    }
  }

  public static String connectUDP(Object c, ByteSlice ip, long port) {
    try {
      ((Udp) c).s.connect(new InetSocketAddress(addr(ip), (int) port));
      return "";
    } catch (IOException e) {
      return code("connect", e);
    }
  }

  public static Object[] readFromUDP(Object c, ByteSlice b, long deadline) {
    Udp u = (Udp) c;
    if (u.closed.get()) return new Object[] {0L, null, 0L, "closed"};
    Sys.flush(); // Go writes output at once: it must show while this goroutine waits
    gopl.runtime.conc.Go.blocking(); // goroutines queued behind this one must still start
    try {
      int timeoutMs = 0;
      if (deadline != 0) {
        long left = deadline - nowNanos();
        if (left <= 0) return new Object[] {0L, null, 0L, "timeout"};
        timeoutMs = (int) Math.max(1, Math.min(Integer.MAX_VALUE, (left + 999_999) / 1_000_000));
      }
      if (u.s.getSoTimeout() != timeoutMs) u.s.setSoTimeout(timeoutMs);
      byte[] a = b == null ? new byte[0] : b.a;
      java.net.DatagramPacket p = new java.net.DatagramPacket(a, b == null ? 0 : b.off, b == null ? 0 : b.len);
      u.s.receive(p);
      return new Object[] {(long) p.getLength(), bytes(p.getAddress()), (long) p.getPort(), ""};
    } catch (IOException e) {
      return new Object[] {0L, null, 0L, u.closed.get() ? "closed" : code("recvfrom", e)};
    }
  }

  public static Object[] writeToUDP(Object c, ByteSlice b, ByteSlice ip, long port, long deadline) {
    Udp u = (Udp) c;
    if (u.closed.get()) return new Object[] {0L, "closed"};
    if (deadline != 0 && deadline - nowNanos() <= 0) return new Object[] {0L, "timeout"};
    try {
      byte[] a = b == null ? new byte[0] : b.a;
      int n = b == null ? 0 : b.len;
      java.net.DatagramPacket p = new java.net.DatagramPacket(a, b == null ? 0 : b.off, n, new InetSocketAddress(addr(ip), (int) port));
      u.s.send(p);
      return new Object[] {(long) n, ""};
    } catch (IOException e) {
      return new Object[] {0L, u.closed.get() ? "closed" : code("sendto", e)};
    }
  }

  public static boolean closeUDP(Object c) {
    Udp u = (Udp) c;
    if (u.closed.getAndSet(true)) return false;
    u.s.close();
    return true;
  }

  public static Object[] udpLocalAddr(Object c) {
    java.net.DatagramSocket s = ((Udp) c).s;
    InetAddress a = s.getLocalAddress();
    ByteSlice ip = a == null || a.isAnyLocalAddress() ? ByteSlice.of(new byte[16]) : bytes(a);
    return new Object[] {ip, (long) s.getLocalPort()};
  }
}
