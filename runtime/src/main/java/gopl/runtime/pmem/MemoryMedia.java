package gopl.runtime.pmem;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

/** Arenas in plain (page-aligned) memory: used by the crash simulator and tests. */
public final class MemoryMedia implements Media {
  private final String name;
  private final Arena arena = Arena.ofShared();
  private final List<MemorySegment> arenas = new ArrayList<>();
  private final List<byte[]> initial;

  /** Media whose arenas start as copies of {@code images} (one per arena; may be empty). */
  public MemoryMedia(String name, List<byte[]> images) {
    this.name = name;
    this.initial = new ArrayList<>(images);
  }

  @Override public String name() { return name; }
  @Override public int mapped() { return arenas.size(); }
  @Override public MemorySegment arena(int i) { return arenas.get(i); }
  @Override public long length() {
    long n = 0;
    for (byte[] b : initial) n += b.length;
    return Math.max(n, arenas.isEmpty() ? 0 : arenas.size() * arenas.get(0).byteSize());
  }
  @Override public boolean readOnly() { return false; }

  @Override
  public synchronized MemorySegment map(int i, long arenaSize) {
    if (i != arenas.size()) throw new IllegalStateException("arenas are mapped in order");
    MemorySegment s = arena.allocate(arenaSize, Layout.PAGE_SIZE);
    if (i < initial.size()) {
      byte[] img = initial.get(i);
      if (img.length < arenaSize) throw new HeapException(name + ": truncated heap file");
      MemorySegment.copy(MemorySegment.ofArray(img), 0, s, 0, arenaSize);
    }
    arenas.add(s);
    return s;
  }

  /** Copies of every mapped arena. */
  public List<byte[]> snapshot() {
    List<byte[]> out = new ArrayList<>();
    for (MemorySegment s : arenas) out.add(s.toArray(java.lang.foreign.ValueLayout.JAVA_BYTE));
    return out;
  }

  /** The first {@code len} bytes stored before any arena is mapped (header probing). */
  @Override
  public byte[] readPrefix(int len) {
    byte[] out = new byte[len];
    if (!initial.isEmpty()) System.arraycopy(initial.get(0), 0, out, 0, Math.min(len, initial.get(0).length));
    return out;
  }

  @Override public void close() { arena.close(); }
}
