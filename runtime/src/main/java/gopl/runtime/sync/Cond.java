package gopl.runtime.sync;

import gopl.runtime.Iface;
import gopl.runtime.RType;
import java.lang.invoke.MethodHandle;

/**
 * Go's {@code sync.Cond}: "a rendezvous point for goroutines waiting for or announcing the
 * occurrence of an event." {@link #L} is the Go {@code Locker} interface value given to {@code
 * NewCond}: a {@link Locker} of this package ({@code *sync.Mutex}, {@code *sync.RWMutex}, {@code
 * rw.RLocker()}) is called directly, any other value through its type's method table ({@code
 * Lock}/{@code Unlock} methods of a user type). Waiting uses Go's ticket scheme ({@link
 * NotifyList}), so a Signal between Wait's unlock and its park is never lost.
 */
public final class Cond {
  /** "L is held while observing or changing the condition" (a Go interface value). */
  public final Object L;

  private final Locker locker;
  private final NotifyList notify = new NotifyList();

  /** {@code sync.NewCond(l)}. */
  public Cond(Object l) {
    this.L = l;
    this.locker = l instanceof Locker k ? k : viaMethods(l);
  }

  private static Locker viaMethods(Object l) {
    RType t = Iface.typeOf(l);
    if (t == null) return null; // a nil Locker: Wait/Lock dereference nil, as in Go
    MethodHandle lock = t.method("Lock");
    MethodHandle unlock = t.method("Unlock");
    Object raw = Iface.raw(l);
    return new Locker() {
      @Override
      public void Lock() {
        call(lock, raw);
      }

      @Override
      public void Unlock() {
        call(unlock, raw);
      }
    };
  }

  private static void call(MethodHandle mh, Object receiver) {
    try {
      mh.invoke(receiver);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * "Wait atomically unlocks c.L and suspends execution of the calling goroutine. After later
   * resuming execution, Wait locks c.L before returning. Unlike in other systems, Wait cannot
   * return unless awoken by Broadcast or Signal."
   */
  public void Wait() {
    long t = notify.add();
    locker.Unlock();
    notify.await(t);
    locker.Lock();
  }

  /** "Signal wakes one goroutine waiting on c, if there is any." */
  public void Signal() {
    notify.signal();
  }

  /** "Broadcast wakes all goroutines waiting on c." */
  public void Broadcast() {
    notify.broadcast();
  }
}
