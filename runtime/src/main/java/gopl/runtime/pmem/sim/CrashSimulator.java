package gopl.runtime.pmem.sim;

import gopl.runtime.pmem.Layout;
import gopl.runtime.pmem.PersistenceDomain;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A persistence domain for tests (DESIGN.md §4) that keeps the <em>persisted</em> image apart from
 * the working image: a cache line reaches the persisted image only when a fence follows its
 * flush. Every flush and every fence is a numbered event; with {@code crashAt = k} the power is
 * cut just before event k: the image a restart would find is captured and a {@link PowerFailure}
 * unwinds the workload; later flushes and fences do nothing.
 *
 * <p>Beyond the fenced lines, the captured image may also contain (per {@link Extra}) a random
 * subset of the lines flushed since the last fence, as pmreorder explores, or a random subset of
 * every line the working image changed (cache evictions, which real hardware may do at any time).
 * Flushes and fences of several threads are serialised into one event order; a workload whose
 * threads interleave differently from run to run still gets a valid image at every crash point,
 * but the enumeration then samples interleavings rather than covering them all.
 */
public final class CrashSimulator extends PersistenceDomain {
  /** Which unfenced lines a crash image may also contain. */
  public enum Extra {
    /** Only lines flushed and fenced. */
    NONE,
    /** Plus a random subset of the lines flushed but not yet fenced. */
    PENDING,
    /** Plus a random subset of every line that differs from the persisted image. */
    DIRTY
  }

  private final long crashAt;
  private final Extra extra;
  private final Random rnd;
  private final List<MemorySegment> working = new ArrayList<>();
  private final List<byte[]> persisted = new ArrayList<>();
  private final Set<Long> pending = new LinkedHashSet<>();
  private long events;
  private volatile boolean crashed;
  private List<byte[]> image;

  /** A simulator that cuts the power before event {@code crashAt} (-1: never). */
  public CrashSimulator(long crashAt, Extra extra, long seed) {
    this.crashAt = crashAt;
    this.extra = extra;
    this.rnd = new Random(seed);
  }

  @Override public String name() { return "sim"; }
  @Override public String describe() { return "sim (crash simulator, crash at event " + crashAt + ", extra " + extra + ")"; }

  /** Events (flushes + fences) so far. */
  public synchronized long events() { return events; }

  /** Whether the power was cut. */
  public boolean crashed() { return crashed; }

  /** The image captured at the crash (one byte array per arena), or null. */
  public List<byte[]> crashImage() { return image; }

  /** The persisted image now (without any unfenced line). */
  public synchronized List<byte[]> persistedImage() {
    List<byte[]> out = new ArrayList<>();
    for (byte[] b : persisted) out.add(b.clone());
    return out;
  }

  @Override
  public synchronized void arenaMapped(int arena, MemorySegment seg) {
    while (working.size() <= arena) working.add(null);
    working.set(arena, seg);
    if (persisted.size() <= arena) {
      while (persisted.size() < arena) persisted.add(new byte[(int) seg.byteSize()]);
      persisted.add(seg.toArray(ValueLayout.JAVA_BYTE));
    }
  }

  @Override
  protected synchronized void doFlush(int arena, MemorySegment seg, long off, long len) {
    if (crashed) return;
    event();
    for (long l = off / Layout.CACHE_LINE; l * Layout.CACHE_LINE < off + len; l++) pending.add((long) arena << 40 | l);
  }

  @Override
  protected synchronized void doFence() {
    if (crashed) return;
    event();
    for (long key : pending) copyLine(key, persisted);
    pending.clear();
  }

  private void copyLine(long key, List<byte[]> to) {
    int a = (int) (key >>> 40);
    long line = key & ((1L << 40) - 1);
    MemorySegment.copy(working.get(a), ValueLayout.JAVA_BYTE, line * Layout.CACHE_LINE, to.get(a),
        (int) (line * Layout.CACHE_LINE), Layout.CACHE_LINE);
  }

  private void event() {
    long e = events++;
    if (e != crashAt) return;
    image = persistedImage();
    switch (extra) {
      case NONE -> { }
      case PENDING -> {
        for (long key : pending) if (rnd.nextBoolean()) copyLine(key, image);
      }
      case DIRTY -> {
        for (int a = 0; a < working.size(); a++) {
          MemorySegment w = working.get(a);
          MemorySegment p = MemorySegment.ofArray(persisted.get(a));
          long lines = w.byteSize() / Layout.CACHE_LINE;
          for (long l = 0; l < lines; l++) {
            long o = l * Layout.CACHE_LINE;
            if (MemorySegment.mismatch(w, o, o + Layout.CACHE_LINE, p, o, o + Layout.CACHE_LINE) >= 0
                && rnd.nextBoolean()) copyLine((long) a << 40 | l, image);
          }
        }
      }
    }
    crashed = true;
    throw new PowerFailure(e);
  }
}
