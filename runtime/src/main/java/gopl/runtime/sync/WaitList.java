package gopl.runtime.sync;

import gopl.runtime.conc.Sleeper;

/**
 * A FIFO of parked goroutines for the sync types, guarded by the owner's monitor. Each entry is a
 * {@link Sleeper}, so waking one counts it back in for deadlock detection.
 */
final class WaitList {
  private static final class Node {
    final Sleeper s;
    final long ticket;
    Node next;

    Node(Sleeper s, long ticket) {
      this.s = s;
      this.ticket = ticket;
    }
  }

  private Node first;
  private Node last;
  private int size;

  void add(Sleeper s) {
    add(s, 0);
  }

  void add(Sleeper s, long ticket) {
    Node n = new Node(s, ticket);
    if (last == null) first = n;
    else last.next = n;
    last = n;
    size++;
  }

  /** Puts s at the head (a woken waiter that lost the race goes back to the front). */
  void addFirst(Sleeper s) {
    Node n = new Node(s, 0);
    n.next = first;
    first = n;
    if (last == null) last = n;
    size++;
  }

  /** Removes and returns the oldest sleeper, or null. */
  Sleeper poll() {
    Node n = first;
    if (n == null) return null;
    first = n.next;
    if (first == null) last = null;
    size--;
    return n.s;
  }

  /** Removes and returns the sleeper added with {@code ticket}, or null if there is none. */
  Sleeper removeTicket(long ticket) {
    Node prev = null;
    for (Node n = first; n != null; prev = n, n = n.next) {
      if (n.ticket != ticket) continue;
      if (prev == null) first = n.next;
      else prev.next = n.next;
      if (last == n) last = prev;
      size--;
      return n.s;
    }
    return null;
  }

  boolean isEmpty() {
    return first == null;
  }

  int size() {
    return size;
  }
}
