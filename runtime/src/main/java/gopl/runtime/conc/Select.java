package gopl.runtime.conc;

import java.util.concurrent.ThreadLocalRandom;

/**
 * One execution of a {@code select} statement (Go's {@code selectgo}; see package-info.java).
 *
 * <p>Generated code: {@code Select s = new Select(n)}; then, in source order (spec: "the channel
 * operands of receive operations and the channel and right-hand-side expressions of send
 * statements are evaluated exactly once, in source order, upon entering the select statement"),
 * {@link #send}{@code (ch, v)} or {@link #recv}{@code (ch)} per case, which numbers the cases 0,
 * 1, ...; then {@code int i = s.select(hasDefault)} — the case that proceeded, or -1 for {@code
 * default} — and, for a receive case, {@link #value()} and {@link #ok()}.
 *
 * <p>Algorithm: (1) a uniformly random poll order over the cases with non-nil channels and a lock
 * order by channel id; (2) lock every channel; (3) poll in random order and complete the first
 * case that can proceed — spec: "If one or more of the communications can proceed, a single one
 * that can proceed is chosen via a uniform pseudo-random selection" — so each ready case is
 * equally likely; (4) otherwise, with a default, unlock and return -1; (5) otherwise queue one
 * {@link Waiter} per case, all sharing one {@link Sleeper}, unlock and park; the first waker to
 * {@link Sleeper#claim claim} it completes exactly that case, others skip it; (6) on waking, lock
 * again and unqueue the other waiters.
 */
public final class Select {
  private final Chan[] chans;
  private final Object[] sendValues;
  private final boolean[] isSend;
  private int n;
  private Object value;
  private boolean ok;

  /** A select of {@code ncases} communication cases (not counting {@code default}). */
  public Select(int ncases) {
    chans = new Chan[ncases];
    sendValues = new Object[ncases];
    isSend = new boolean[ncases];
  }

  /** Adds the case {@code ch <- v}; returns this. */
  public Select send(Chan ch, Object v) {
    chans[n] = ch;
    sendValues[n] = v;
    isSend[n] = true;
    n++;
    return this;
  }

  /** Adds the case {@code <-ch} (with or without assignment); returns this. */
  public Select recv(Chan ch) {
    chans[n] = ch;
    n++;
    return this;
  }

  /** After a receive case was chosen: the value received (the zero value if ok is false). */
  public Object value() {
    return value;
  }

  /** After a receive case was chosen: false if the channel was closed and drained. */
  public boolean ok() {
    return ok;
  }

  /** {@code select {}}: spec: "a select with only nil channels and no default case blocks forever". */
  public static void block() {
    Sleeper.blockForever(WaitReason.SELECT_NO_CASES);
  }

  /**
   * Runs the select: returns the index of the case that proceeded, or -1 if none could and
   * {@code hasDefault}. Panics with "send on closed channel" if the chosen send case's channel is
   * (or becomes, while blocked) closed.
   */
  public int select(boolean hasDefault) {
    int[] poll = pollOrder();
    if (poll.length == 0) {
      if (hasDefault) return -1;
      Sleeper.blockForever(n == 0 ? WaitReason.SELECT_NO_CASES : WaitReason.SELECT);
    }
    Chan[] locks = lockOrder(poll);
    lockAll(locks);
    for (int i : poll) {
      Chan c = chans[i];
      if (isSend[i] && c.closed) {
        unlockAll(locks);
        throw ChanPanics.sendOnClosed();
      }
      if (isSend[i] ? sendNow(c, sendValues[i]) : recvNow(c)) {
        unlockAll(locks);
        return i;
      }
    }
    if (hasDefault) {
      unlockAll(locks);
      return -1;
    }
    return block(poll, locks);
  }

  // Both helpers run with every lock held once. They take c's (reentrant) lock a second time
  // because Chan's ready-paths release one hold on success; either way one hold remains.

  private boolean sendNow(Chan c, Object v) {
    c.lock.lock();
    if (c.sendReady(v)) return true;
    c.lock.unlock();
    return false;
  }

  private boolean recvNow(Chan c) {
    c.lock.lock();
    Object v = c.recvReady();
    if (v == Chan.NONE) {
      c.lock.unlock();
      return false;
    }
    ok = v != Chan.CLOSED;
    value = ok ? v : c.zero;
    return true;
  }

  private int block(int[] poll, Chan[] locks) {
    Sleeper s = new Sleeper();
    Waiter[] ws = new Waiter[n];
    for (int i : poll) {
      Waiter w = new Waiter(s, i, isSend[i] ? sendValues[i] : null);
      ws[i] = w;
      (isSend[i] ? chans[i].sendq : chans[i].recvq).enqueue(w);
    }
    unlockAll(locks);
    s.await(WaitReason.SELECT);
    Waiter fired = s.fired;
    lockAll(locks);
    for (int i : poll) {
      if (ws[i] != fired) (isSend[i] ? chans[i].sendq : chans[i].recvq).remove(ws[i]);
    }
    unlockAll(locks);
    int i = fired.caseIndex;
    if (isSend[i]) {
      if (!fired.success) throw ChanPanics.sendOnClosed();
    } else {
      ok = fired.success;
      value = ok ? fired.elem : chans[i].zero;
    }
    return i;
  }

  /** A uniformly random permutation of the cases whose channel is not nil. */
  private int[] pollOrder() {
    int m = 0;
    for (int i = 0; i < n; i++) if (chans[i] != null) m++;
    int[] order = new int[m];
    ThreadLocalRandom rnd = m > 1 ? ThreadLocalRandom.current() : null;
    int k = 0;
    for (int i = 0; i < n; i++) {
      if (chans[i] == null) continue;
      // inside-out Fisher-Yates: place i at a random position among the first k+1
      int j = rnd == null ? 0 : rnd.nextInt(k + 1);
      order[k] = order[j];
      order[j] = i;
      k++;
    }
    return order;
  }

  /** The distinct channels of the polled cases, sorted by id (Go sorts by address). */
  private Chan[] lockOrder(int[] poll) {
    Chan[] cs = new Chan[poll.length];
    int m = 0;
    for (int i : poll) {
      Chan c = chans[i];
      int j = m;
      boolean dup = false;
      for (int k = 0; k < m; k++) if (cs[k] == c) dup = true;
      if (dup) continue;
      while (j > 0 && cs[j - 1].id > c.id) {
        cs[j] = cs[j - 1];
        j--;
      }
      cs[j] = c;
      m++;
    }
    return m == cs.length ? cs : java.util.Arrays.copyOf(cs, m);
  }

  private static void lockAll(Chan[] locks) {
    for (Chan c : locks) c.lock.lock();
  }

  private static void unlockAll(Chan[] locks) {
    for (int i = locks.length - 1; i >= 0; i--) locks[i].lock.unlock();
  }
}
