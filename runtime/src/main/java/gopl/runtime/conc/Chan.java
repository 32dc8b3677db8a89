package gopl.runtime.conc;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A Go channel (Go's {@code hchan}; see package-info.java for the overview). The static methods
 * are what generated code calls; a nil channel is Java {@code null} and every method handles it as
 * Go does (operations block forever, {@code len}/{@code cap} are 0, close panics).
 *
 * <p>Elements are held in their interface-free Java representation, boxed ({@code int} as Long,
 * a struct as its object). A receive from a closed, drained channel yields {@link #zero}, the
 * element type's zero value given to {@link #make}; for struct and array element types the
 * generated code must copy a received value before mutating it (as for any value read from a
 * variable), since the same zero object can be returned many times.
 *
 * <p>Guarantees (spec "Channel types", "Send statements", "Receive operator", "Close"): FIFO
 * delivery; a send on an unbuffered channel completes only when a receiver takes the value; a
 * buffered channel holds at most {@code cap} values; after {@code close}, receivers drain the
 * buffer and then get {@code (zero, false)}, and blocked senders panic; every operation is
 * linearizable under the channel's lock, which is held only for a few field updates and never
 * while parking.
 */
public final class Chan {
  /** The result of {@link #recv2}/{@link #tryRecv} when the channel is closed and drained. */
  public static final Object CLOSED = new Object() {
    @Override
    public String toString() {
      return "<closed>";
    }
  };

  /** The result of {@link #tryRecv} when a receive would block. */
  public static final Object NONE = new Object() {
    @Override
    public String toString() {
      return "<would block>";
    }
  };

  private static final AtomicLong IDS = new AtomicLong();

  /** For {@link #len}: an acquire read of {@link #count} outside the lock (a loop polling len sees changes). */
  private static final java.lang.invoke.VarHandle COUNT;

  static {
    try {
      COUNT = java.lang.invoke.MethodHandles.lookup().findVarHandle(Chan.class, "count", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** Lock order among channels (a select locks its channels in increasing id). */
  final long id = IDS.incrementAndGet();

  final ReentrantLock lock = new ReentrantLock();

  /** The buffer capacity; 0 for an unbuffered channel. */
  final int cap;

  /** The element type's zero value (received from a closed channel). */
  final Object zero;

  /** Ring buffer of cap slots; {@link #count} values start at {@link #recvx}. */
  private final Object[] buf;

  private int recvx;
  private int count;
  boolean closed;
  final WaitQ recvq = new WaitQ();
  final WaitQ sendq = new WaitQ();

  private Chan(int cap, Object zero) {
    this.cap = cap;
    this.zero = zero;
    this.buf = cap == 0 ? null : new Object[cap];
  }

  // ---------------------------------------------------------------- entry points for generated code

  /**
   * {@code make(chan T, size)}; spec: "The capacity, in number of elements, sets the size of the
   * buffer in the channel. If the capacity is zero or absent, the channel is unbuffered."
   */
  public static Chan make(long size, Object zero) {
    if (size < 0 || size > Integer.MAX_VALUE - 16) throw new gopl.runtime.GoPanic(ChanPanics.MAKECHAN_SIZE);
    return new Chan((int) size, zero);
  }

  /** {@code make(chan T, size)} for a T whose zero value is nil. */
  public static Chan make(long size) {
    return make(size, null);
  }

  /** {@code c <- v}; spec: "A send on a nil channel blocks forever." */
  public static void send(Chan c, Object v) {
    if (c == null) Sleeper.blockForever(WaitReason.CHAN_SEND_NIL);
    c.doSend(v);
  }

  /** {@code <-c}: the value, or the zero value once c is closed and drained. */
  public static Object recv(Chan c) {
    Object v = recv2(c);
    return v == CLOSED ? c.zero : v;
  }

  /**
   * {@code v, ok := <-c} and each iteration of {@code for v := range c}: the value, or {@link
   * #CLOSED} once c is closed and drained. spec: "Receiving from a nil channel blocks forever."
   */
  public static Object recv2(Chan c) {
    if (c == null) Sleeper.blockForever(WaitReason.CHAN_RECEIVE_NIL);
    return c.doRecv();
  }

  /** For {@code v, ok := <-c}: r (a result of {@link #recv2}) or, if r is {@link #CLOSED}, c's zero value. */
  public static Object orZero(Chan c, Object r) {
    return r == CLOSED ? c.zero : r;
  }

  /** {@code select { case c <- v: return true; default: return false }}. */
  public static boolean trySend(Chan c, Object v) {
    if (c == null) return false;
    c.lock.lock();
    if (c.sendReady(v)) return true; // unlocked
    c.lock.unlock();
    return false;
  }

  /** {@code select { case v, ok := <-c: ...; default: ... }}: value, {@link #CLOSED} or {@link #NONE}. */
  public static Object tryRecv(Chan c) {
    if (c == null) return NONE;
    c.lock.lock();
    Object v = c.recvReady();
    if (v == NONE) c.lock.unlock(); // otherwise recvReady unlocked
    return v;
  }

  /**
   * {@code close(c)}; spec: "Closing the nil channel causes a run-time panic", as does closing a
   * closed channel; blocked receivers get the zero value, blocked senders panic.
   */
  public static void close(Chan c) {
    if (c == null) throw ChanPanics.closeOfNil();
    c.doClose();
  }

  /** {@code len(c)}: the number of values queued in the buffer (0 for nil). */
  public static int len(Chan c) {
    return c == null ? 0 : (int) COUNT.getAcquire(c);
  }

  /** {@code cap(c)} (0 for nil). */
  public static int cap(Chan c) {
    return c == null ? 0 : c.cap;
  }

  // ---------------------------------------------------------------- operations

  private void doSend(Object v) {
    lock.lock();
    if (sendReady(v)) return;
    Sleeper s = new Sleeper();
    Waiter w = new Waiter(s, 0, v);
    sendq.enqueue(w);
    lock.unlock();
    s.await(WaitReason.CHAN_SEND);
    if (!w.success) throw ChanPanics.sendOnClosed();
  }

  private Object doRecv() {
    lock.lock();
    Object v = recvReady();
    if (v != NONE) return v;
    Sleeper s = new Sleeper();
    Waiter w = new Waiter(s, 0, null);
    recvq.enqueue(w);
    lock.unlock();
    s.await(WaitReason.CHAN_RECEIVE);
    return w.success ? w.elem : CLOSED;
  }

  /**
   * With the lock held: sends v if that needs no waiting, and unlocks; returns false, still
   * holding the lock, if the send must wait. Panics (unlocked) if the channel is closed.
   */
  boolean sendReady(Object v) {
    if (closed) {
      lock.unlock();
      throw ChanPanics.sendOnClosed();
    }
    Waiter r = recvq.dequeue();
    if (r != null) {
      r.elem = v;
      r.success = true;
      lock.unlock();
      r.sleeper.finish();
      return true;
    }
    if (count < cap) {
      int i = recvx + count;
      buf[i >= cap ? i - cap : i] = v;
      count++;
      lock.unlock();
      return true;
    }
    return false;
  }

  /**
   * With the lock held: receives if that needs no waiting, and unlocks, returning the value or
   * {@link #CLOSED}; returns {@link #NONE}, still holding the lock, if the receive must wait.
   */
  Object recvReady() {
    if (count > 0) {
      Object v = buf[recvx];
      Waiter s = sendq.dequeue();
      if (s != null) { // the buffer is full: the head goes to us, the sender's value to the tail
        buf[recvx] = s.elem;
        recvx = recvx + 1 == cap ? 0 : recvx + 1;
        s.success = true;
        lock.unlock();
        s.sleeper.finish();
        return v;
      }
      buf[recvx] = null;
      recvx = recvx + 1 == cap ? 0 : recvx + 1;
      count--;
      lock.unlock();
      return v;
    }
    if (closed) {
      lock.unlock();
      return CLOSED;
    }
    Waiter s = sendq.dequeue();
    if (s != null) {
      Object v = s.elem;
      s.success = true;
      lock.unlock();
      s.sleeper.finish();
      return v;
    }
    return NONE;
  }

  private void doClose() {
    lock.lock();
    if (closed) {
      lock.unlock();
      throw ChanPanics.closeOfClosed();
    }
    closed = true;
    Waiter woken = null; // released waiters, chained through next (they are no longer queued)
    for (Waiter w; (w = recvq.dequeue()) != null; ) {
      w.elem = null;
      w.success = false;
      w.next = woken;
      woken = w;
    }
    for (Waiter w; (w = sendq.dequeue()) != null; ) {
      w.success = false;
      w.next = woken;
      woken = w;
    }
    lock.unlock();
    while (woken != null) {
      Waiter next = woken.next;
      woken.next = null;
      woken.sleeper.finish();
      woken = next;
    }
  }

  @Override
  public String toString() {
    return "chan#" + id + "[" + count + "/" + cap + (closed ? ",closed" : "") + "]";
  }
}
