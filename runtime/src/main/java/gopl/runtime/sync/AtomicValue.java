package gopl.runtime.sync;

import gopl.runtime.GoPanic;
import gopl.runtime.GoStruct;
import gopl.runtime.Iface;
import gopl.runtime.RType;

/**
 * Go's {@code atomic.Value}: "provides an atomic load and store of a consistently typed value. The
 * zero value for a Value returns nil from Load." Values are GoPL interface values (docs/codegen.md):
 * the first Store fixes the dynamic type; storing nil or a value of another dynamic type panics with
 * Go's messages; CompareAndSwap compares with Go's interface {@code ==} (panicking for uncomparable
 * dynamic types, as Go does).
 */
public final class AtomicValue implements GoStruct {
  private volatile Object v;

  public AtomicValue() {}

  /** A copy of the value (the same stored interface value). */
  @Override
  public AtomicValue copy() {
    AtomicValue c = new AtomicValue();
    c.v = v;
    return c;
  }

  // ---------------------------------------------------------------- the Go struct view (GoStruct)

  @Override
  public RType goType() {
    return SyncTypes.VALUE_PTR;
  }

  @Override
  public RType structType() {
    return SyncTypes.VALUE;
  }

  /** Go's field: {@code v any}. */
  @Override
  public Object field(int i) {
    if (i != 0) throw new IndexOutOfBoundsException(i);
    return v;
  }

  @Override
  public boolean goEquals(Object other) {
    return other instanceof AtomicValue o && Iface.eq(o.v, v);
  }

  @Override
  public int goHash() {
    Object x = v;
    return x == null ? 0 : Iface.rawHash(Iface.typeOf(x), Iface.raw(x));
  }

  /** "Load returns the value set by the most recent Store. It returns nil if there has been no call to Store." */
  public Object Load() {
    return v;
  }

  public synchronized void Store(Object val) {
    if (val == null) throw new GoPanic("sync/atomic: store of nil value into Value");
    checkType(val, "sync/atomic: store of inconsistently typed value into Value");
    v = val;
  }

  public synchronized Object Swap(Object val) {
    if (val == null) throw new GoPanic("sync/atomic: swap of nil value into Value");
    checkType(val, "sync/atomic: swap of inconsistently typed value into Value");
    Object old = v;
    v = val;
    return old;
  }

  public synchronized boolean CompareAndSwap(Object old, Object val) {
    if (val == null) throw new GoPanic("sync/atomic: compare and swap of nil value into Value");
    if (old != null && Iface.typeOf(old) != Iface.typeOf(val)) {
      throw new GoPanic("sync/atomic: compare and swap of inconsistently typed values");
    }
    Object cur = v;
    if (cur == null) {
      if (old != null) return false;
      v = val;
      return true;
    }
    checkType(val, "sync/atomic: compare and swap of inconsistently typed value into Value");
    if (!Iface.eq(cur, old)) return false;
    v = val;
    return true;
  }

  private void checkType(Object val, String message) {
    Object cur = v;
    if (cur == null) return;
    RType t = Iface.typeOf(cur);
    if (t != Iface.typeOf(val)) throw new GoPanic(message);
  }
}
