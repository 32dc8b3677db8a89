package gopl.runtime.pmem;

/**
 * A JVM handle to a persistent object: heap + offset. While a handle is reachable the object is a
 * root of online collections: the handle holds its epoch's token (see Handles). A handle derived
 * from another (a field or element address) shares its token. Identity ({@code ==} in Go) is
 * heap and offset.
 */
public final class PPtr {
  public final Heap heap;
  public final long off;
  final Object token;

  PPtr(Heap heap, long off, Object token) {
    this.heap = heap;
    this.off = off;
    this.token = token;
  }

  /** The handle {@code delta} bytes further (Go's {@code &p.f}, {@code &a[i]}). */
  public PPtr derive(long delta) { return new PPtr(heap, off + delta, token); }

  @Override
  public boolean equals(Object o) { return o instanceof PPtr p && p.heap == heap && p.off == off; }

  @Override
  public int hashCode() { return Long.hashCode(off) * 31 + System.identityHashCode(heap); }

  @Override
  public String toString() { return "pmem@" + off; }
}
