package gopl.stdlib.sync.atomic;

import gopl.runtime.IntPtr;
import gopl.runtime.LongPtr;
import gopl.runtime.ObjectPtr;
import gopl.runtime.sync.Atomics;

/**
 * Java intrinsics of package sync/atomic: each delegates to gopl.runtime.sync.Atomics. The
 * unsigned and uintptr functions call the signed ones: on the JVM a uint32 is the same int bits
 * and a uint64/uintptr the same long bits, and two's-complement add, swap and compare are the same
 * operations on those bits.
 */
public final class Natives {
  private Natives() {}

  public static int AddInt32(IntPtr p, int delta_) {
    return Atomics.AddInt32(p, delta_);
  }

  public static int LoadInt32(IntPtr p) {
    return Atomics.LoadInt32(p);
  }

  public static void StoreInt32(IntPtr p, int val_) {
    Atomics.StoreInt32(p, val_);
  }

  public static int SwapInt32(IntPtr p, int new_) {
    return Atomics.SwapInt32(p, new_);
  }

  public static boolean CompareAndSwapInt32(IntPtr p, int old_, int new_) {
    return Atomics.CompareAndSwapInt32(p, old_, new_);
  }

  public static int AddUint32(IntPtr p, int delta_) {
    return Atomics.AddInt32(p, delta_);
  }

  public static int LoadUint32(IntPtr p) {
    return Atomics.LoadInt32(p);
  }

  public static void StoreUint32(IntPtr p, int val_) {
    Atomics.StoreInt32(p, val_);
  }

  public static int SwapUint32(IntPtr p, int new_) {
    return Atomics.SwapInt32(p, new_);
  }

  public static boolean CompareAndSwapUint32(IntPtr p, int old_, int new_) {
    return Atomics.CompareAndSwapInt32(p, old_, new_);
  }

  public static long AddInt64(LongPtr p, long delta_) {
    return Atomics.AddInt64(p, delta_);
  }

  public static long LoadInt64(LongPtr p) {
    return Atomics.LoadInt64(p);
  }

  public static void StoreInt64(LongPtr p, long val_) {
    Atomics.StoreInt64(p, val_);
  }

  public static long SwapInt64(LongPtr p, long new_) {
    return Atomics.SwapInt64(p, new_);
  }

  public static boolean CompareAndSwapInt64(LongPtr p, long old_, long new_) {
    return Atomics.CompareAndSwapInt64(p, old_, new_);
  }

  public static long AddUint64(LongPtr p, long delta_) {
    return Atomics.AddInt64(p, delta_);
  }

  public static long LoadUint64(LongPtr p) {
    return Atomics.LoadInt64(p);
  }

  public static void StoreUint64(LongPtr p, long val_) {
    Atomics.StoreInt64(p, val_);
  }

  public static long SwapUint64(LongPtr p, long new_) {
    return Atomics.SwapInt64(p, new_);
  }

  public static boolean CompareAndSwapUint64(LongPtr p, long old_, long new_) {
    return Atomics.CompareAndSwapInt64(p, old_, new_);
  }

  public static long AddUintptr(LongPtr p, long delta_) {
    return Atomics.AddInt64(p, delta_);
  }

  public static long LoadUintptr(LongPtr p) {
    return Atomics.LoadInt64(p);
  }

  public static void StoreUintptr(LongPtr p, long val_) {
    Atomics.StoreInt64(p, val_);
  }

  public static long SwapUintptr(LongPtr p, long new_) {
    return Atomics.SwapInt64(p, new_);
  }

  public static boolean CompareAndSwapUintptr(LongPtr p, long old_, long new_) {
    return Atomics.CompareAndSwapInt64(p, old_, new_);
  }

  public static Object LoadPointer(ObjectPtr p) {
    return Atomics.LoadPointer(p);
  }

  public static void StorePointer(ObjectPtr p, Object val_) {
    Atomics.StorePointer(p, val_);
  }

  public static Object SwapPointer(ObjectPtr p, Object new_) {
    return Atomics.SwapPointer(p, new_);
  }

  public static boolean CompareAndSwapPointer(ObjectPtr p, Object old_, Object new_) {
    return Atomics.CompareAndSwapPointer(p, old_, new_);
  }

  public static synchronized Object loadIface(ObjectPtr p) {
    return Atomics.LoadPointer(p);
  }

  public static synchronized void storeIface(ObjectPtr p, Object v) {
    Atomics.StorePointer(p, v);
  }

  public static synchronized Object swapIface(ObjectPtr p, Object v) {
    return Atomics.SwapPointer(p, v);
  }

  /** atomic.Value storage: all four operations hold this class's lock, so they are linearizable. CompareAndSwap for interface values: compares with Go's == on interfaces (by dynamic type and value). */
  public static synchronized boolean casIface(ObjectPtr p, Object old, Object v) {
    Object cur = Atomics.LoadPointer(p);
    if (!gopl.runtime.Iface.eq(cur, old)) return false;
    Atomics.StorePointer(p, v);
    return true;
  }
}
