package gopl.runtime.sync;

import gopl.runtime.IntPtr;
import gopl.runtime.IntRef;
import gopl.runtime.LongPtr;
import gopl.runtime.LongRef;
import gopl.runtime.ObjectPtr;
import gopl.runtime.ObjectRef;
import gopl.runtime.Ptr;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Package {@code sync/atomic}'s functions over GoPL pointers (docs/codegen.md "Pointers"): {@code
 * *int32}/{@code *uint32} are {@link IntPtr}, {@code *int64}/{@code *uint64}/{@code *uintptr} are
 * {@link LongPtr}, {@code *unsafe.Pointer} is {@link ObjectPtr}. Unsigned variants share the
 * signed ones' bits (Java's two's-complement add wraps exactly as Go's unsigned add does).
 *
 * <p>Guarantees: every operation is atomic and sequentially consistent with respect to every other
 * operation of this class on the same location ("The functions in this package are
 * sequentially consistent" is Go's memory model since 1.19). A variable box ({@link IntRef},
 * {@link LongRef}, {@link ObjectRef}: what {@code &x} yields) is operated on with a VarHandle;
 * any other pointer (array element, struct field) under one of 64 striped locks chosen by the
 * pointer's location hash — so all atomic accesses to a location must go through this class, as
 * Go requires anyway. A nil pointer raises the JVM's NullPointerException, which the runtime maps
 * to Go's nil-dereference panic.
 */
public final class Atomics {
  private Atomics() {}

  private static final VarHandle INT;
  private static final VarHandle LONG;
  private static final VarHandle OBJ;
  private static final Object[] STRIPES = new Object[64];

  static {
    try {
      MethodHandles.Lookup l = MethodHandles.lookup();
      INT = l.findVarHandle(IntRef.class, "v", int.class);
      LONG = l.findVarHandle(LongRef.class, "v", long.class);
      OBJ = l.findVarHandle(ObjectRef.class, "v", Object.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
    for (int i = 0; i < STRIPES.length; i++) STRIPES[i] = new Object();
  }

  private static Object stripe(Ptr p) {
    int h = p.hashCode();
    h ^= h >>> 16;
    return STRIPES[h & (STRIPES.length - 1)];
  }

  // ---------------------------------------------------------------- int32 / uint32

  public static int AddInt32(IntPtr p, int delta) {
    if (p instanceof IntRef r) return (int) INT.getAndAdd(r, delta) + delta;
    synchronized (stripe(p)) {
      int v = p.get() + delta;
      p.set(v);
      return v;
    }
  }

  public static int LoadInt32(IntPtr p) {
    if (p instanceof IntRef r) return (int) INT.getVolatile(r);
    synchronized (stripe(p)) {
      return p.get();
    }
  }

  public static void StoreInt32(IntPtr p, int v) {
    if (p instanceof IntRef r) {
      INT.setVolatile(r, v);
      return;
    }
    synchronized (stripe(p)) {
      p.set(v);
    }
  }

  public static int SwapInt32(IntPtr p, int v) {
    if (p instanceof IntRef r) return (int) INT.getAndSet(r, v);
    synchronized (stripe(p)) {
      int old = p.get();
      p.set(v);
      return old;
    }
  }

  public static boolean CompareAndSwapInt32(IntPtr p, int old, int v) {
    if (p instanceof IntRef r) return INT.compareAndSet(r, old, v);
    synchronized (stripe(p)) {
      if (p.get() != old) return false;
      p.set(v);
      return true;
    }
  }

  // ---------------------------------------------------------------- int64 / uint64 / uintptr

  public static long AddInt64(LongPtr p, long delta) {
    if (p instanceof LongRef r) return (long) LONG.getAndAdd(r, delta) + delta;
    synchronized (stripe(p)) {
      long v = p.get() + delta;
      p.set(v);
      return v;
    }
  }

  public static long LoadInt64(LongPtr p) {
    if (p instanceof LongRef r) return (long) LONG.getVolatile(r);
    synchronized (stripe(p)) {
      return p.get();
    }
  }

  public static void StoreInt64(LongPtr p, long v) {
    if (p instanceof LongRef r) {
      LONG.setVolatile(r, v);
      return;
    }
    synchronized (stripe(p)) {
      p.set(v);
    }
  }

  public static long SwapInt64(LongPtr p, long v) {
    if (p instanceof LongRef r) return (long) LONG.getAndSet(r, v);
    synchronized (stripe(p)) {
      long old = p.get();
      p.set(v);
      return old;
    }
  }

  public static boolean CompareAndSwapInt64(LongPtr p, long old, long v) {
    if (p instanceof LongRef r) return LONG.compareAndSet(r, old, v);
    synchronized (stripe(p)) {
      if (p.get() != old) return false;
      p.set(v);
      return true;
    }
  }

  // ---------------------------------------------------------------- unsafe.Pointer

  public static Object LoadPointer(ObjectPtr p) {
    if (p instanceof ObjectRef r) return OBJ.getVolatile(r);
    synchronized (stripe(p)) {
      return p.get();
    }
  }

  public static void StorePointer(ObjectPtr p, Object v) {
    if (p instanceof ObjectRef r) {
      OBJ.setVolatile(r, v);
      return;
    }
    synchronized (stripe(p)) {
      p.set(v);
    }
  }

  public static Object SwapPointer(ObjectPtr p, Object v) {
    if (p instanceof ObjectRef r) return OBJ.getAndSet(r, v);
    synchronized (stripe(p)) {
      Object old = p.get();
      p.set(v);
      return old;
    }
  }

  /** Compares with Go's pointer equality: same location (a Ptr's equals), identity for a struct object. */
  public static boolean CompareAndSwapPointer(ObjectPtr p, Object old, Object v) {
    if (p instanceof ObjectRef r) {
      for (;;) {
        Object cur = OBJ.getVolatile(r);
        if (!samePointer(cur, old)) return false;
        if (OBJ.compareAndSet(r, cur, v)) return true;
      }
    }
    synchronized (stripe(p)) {
      if (!samePointer(p.get(), old)) return false;
      p.set(v);
      return true;
    }
  }

  static boolean samePointer(Object a, Object b) {
    return a == b || (a instanceof Ptr && a.equals(b));
  }
}
