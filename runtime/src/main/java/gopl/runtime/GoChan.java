package gopl.runtime;

import java.util.ArrayDeque;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A Go channel (spec "Channel types", "Send statements", "Receive operator", "Close"). A nil
 * channel is Java null: sending or receiving blocks forever, closing panics. Values are held in
 * their typed representation, Java-boxed.
 *
 * <p>Buffered channels queue up to {@link #cap} values. An unbuffered send is a rendezvous: the
 * sender parks a {@link Sender} in {@link #sendq} until a receiver takes it. All state is guarded
 * by {@link Sched#LOCK}; select ({@link #select}) checks cases in random order as Go does.
 */
public final class GoChan {
  /** Capacity; 0 for unbuffered. */
  public final int cap;

  private final ArrayDeque<Object> buf = new ArrayDeque<>();
  private final ArrayDeque<Sender> sendq = new ArrayDeque<>();
  private boolean closed;

  /** Receivers (plain or in select) currently waiting: makes unbuffered sends ready. */
  private int recvWaiting;

  private static final class Sender {
    final Object value;
    boolean taken;

    Sender(Object value) {
      this.value = value;
    }
  }

  /** The value a receive yields on a closed, drained channel is the zero value, supplied by the caller. */
  public static final Object CLOSED = new Object();

  private GoChan(int cap) {
    this.cap = cap;
  }

  /** {@code make(chan T, n)}. */
  public static GoChan make(long n) {
    if (n < 0 || n > Integer.MAX_VALUE) throw new GoPanic(RuntimeError.plain("makechan: size out of range"));
    return new GoChan((int) n);
  }

  public static int len(GoChan c) {
    if (c == null) return 0;
    Sched.LOCK.lock();
    try {
      return c.buf.size();
    } finally {
      Sched.LOCK.unlock();
    }
  }

  public static int cap(GoChan c) {
    return c == null ? 0 : c.cap;
  }

  /** {@code c <- v}. */
  public static void send(GoChan c, Object v) {
    Sched.LOCK.lock();
    try {
      if (c == null) {
        while (true) Sched.await();
      }
      if (c.closed) throw sendClosed();
      if (c.cap > 0) {
        while (c.buf.size() >= c.cap) {
          Sched.await();
          if (c.closed) throw sendClosed();
        }
        c.buf.add(v);
        Sched.changed();
        return;
      }
      Sender s = new Sender(v);
      c.sendq.add(s);
      Sched.changed();
      while (!s.taken) {
        if (c.closed) {
          c.sendq.remove(s);
          throw sendClosed();
        }
        Sched.await();
      }
    } finally {
      Sched.LOCK.unlock();
    }
  }

  private static GoPanic sendClosed() {
    return new GoPanic(RuntimeError.plainUnprefixed("send on closed channel"));
  }

  /** {@code <-c}: the value, or {@link #CLOSED} when closed and drained. */
  public static Object recv(GoChan c) {
    Sched.LOCK.lock();
    try {
      if (c == null) {
        while (true) Sched.await();
      }
      while (true) {
        Object v = c.tryRecv();
        if (v != null) return v == NULL ? null : v;
        c.recvWaiting++;
        try {
          Sched.await();
        } finally {
          c.recvWaiting--;
        }
      }
    } finally {
      Sched.LOCK.unlock();
    }
  }

  /** Stands for a received null (e.g. a nil pointer) inside tryRecv. */
  private static final Object NULL = new Object();

  /** LOCK held: a value, CLOSED, or null when not ready. */
  private Object tryRecv() {
    if (!buf.isEmpty()) {
      Object v = buf.poll();
      Sched.changed();
      return v == null ? NULL : v;
    }
    Sender s = sendq.poll();
    if (s != null) {
      s.taken = true;
      Sched.changed();
      return s.value == null ? NULL : s.value;
    }
    if (closed) return CLOSED;
    return null;
  }

  /** LOCK held: whether a send can proceed now. */
  private boolean sendReady() {
    return closed || (cap > 0 ? buf.size() < cap : recvWaiting > 0);
  }

  /** {@code close(c)}. */
  public static void close(GoChan c) {
    Sched.LOCK.lock();
    try {
      if (c == null) throw new GoPanic(RuntimeError.plainUnprefixed("close of nil channel"));
      if (c.closed) throw new GoPanic(RuntimeError.plainUnprefixed("close of closed channel"));
      c.closed = true;
      Sched.changed();
    } finally {
      Sched.LOCK.unlock();
    }
  }

  /**
   * {@code select}: chans[i] with sends[i] true (value values[i]) or false (receive). Returns the
   * chosen case index, or -1 for default when hasDefault and nothing is ready; a receive's value
   * (or CLOSED) is stored in {@code received[0]}.
   */
  public static int select(GoChan[] chans, boolean[] sends, Object[] values, boolean hasDefault, Object[] received) {
    int n = chans.length;
    Sched.LOCK.lock();
    try {
      while (true) {
        int start = n == 0 ? 0 : ThreadLocalRandom.current().nextInt(n);
        for (int k = 0; k < n; k++) {
          int i = (start + k) % n;
          GoChan c = chans[i];
          if (c == null) continue;
          if (sends[i]) {
            if (!c.sendReady()) continue;
            if (c.closed) throw sendClosed();
            if (c.cap > 0) {
              c.buf.add(values[i]);
              Sched.changed();
              return i;
            }
            Sender s = new Sender(values[i]);
            c.sendq.add(s);
            Sched.changed();
            while (!s.taken) {
              if (c.closed) throw sendClosed();
              Sched.await();
            }
            return i;
          }
          Object v = c.tryRecv();
          if (v != null) {
            received[0] = v == NULL ? null : v;
            return i;
          }
        }
        if (hasDefault) return -1;
        for (int i = 0; i < n; i++) if (chans[i] != null && !sends[i]) chans[i].recvWaiting++;
        try {
          Sched.await();
        } finally {
          for (int i = 0; i < n; i++) if (chans[i] != null && !sends[i]) chans[i].recvWaiting--;
        }
      }
    } finally {
      Sched.LOCK.unlock();
    }
  }
}
