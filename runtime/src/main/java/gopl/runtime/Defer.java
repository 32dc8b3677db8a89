package gopl.runtime;

/**
 * One pending deferred call of a function activation: a linked list, newest first, held in a
 * local variable of the generated method (spec: "deferred functions are invoked immediately
 * before the surrounding function returns, in the reverse order they were deferred").
 */
public final class Defer {
  /** The call, with function value and arguments already evaluated. */
  final Runnable call;

  /** The previously deferred call, or null. */
  final Defer next;

  public Defer(Runnable call, Defer next) {
    this.call = call;
    this.next = next;
  }

  /** {@code defer}: pushes call onto the list d, returning the new head. */
  public static Defer push(Runnable call, Defer d) {
    return new Defer(call, d);
  }
}
