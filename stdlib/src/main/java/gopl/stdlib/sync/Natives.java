package gopl.stdlib.sync;

import gopl.runtime.ObjectPtr;
import gopl.runtime.sync.NotifyList;

/** Java intrinsics of package sync: the notify list behind cond.gop's Cond. */
public final class Natives {
  private Natives() {}

  /** The NotifyList in *p, made on first use (linearizable: one list per Cond). */
  public static Object notifyList(ObjectPtr p) {
    Object l = p.get();
    if (l != null) return l;
    synchronized (Natives.class) {
      l = p.get();
      if (l == null) {
        l = new NotifyList();
        p.set(l);
      }
      return l;
    }
  }

  public static long notifyAdd(Object l) {
    return ((NotifyList) l).add();
  }

  public static void notifyWait(Object l, long ticket) {
    ((NotifyList) l).await(ticket);
  }

  public static void notifySignal(Object l) {
    ((NotifyList) l).signal();
  }

  public static void notifyBroadcast(Object l) {
    ((NotifyList) l).broadcast();
  }
}
