package gopl.runtime.pmem;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * A persistent log slot (PMDK's lane + ulog): a chain of log chunks that grows as a transaction
 * needs (no fixed size limit). Entries (Layout.LE_*) are tagged with the lane's generation; the
 * log of the running transaction is exactly the prefix of entries whose tag equals the
 * generation stored in the first chunk and whose checksum holds. Ending a transaction stores
 * generation + 1 (one 8-byte write), which invalidates every entry at once without clearing.
 *
 * <p>Used by one thread at a time (the LanePool hands it out).
 */
final class Lane {
  /** One entry found by {@link #scan}. */
  record Entry(int kind, long target, long payload, int len, int crc) {}

  private final Heap heap;
  final int index;
  /** Payload offset of the first chunk. */
  final long first;
  /** Payload offsets of the chunks, in order. */
  private final List<Long> chunks = new ArrayList<>();
  private long gen;
  private int chunk;
  private long pos;
  /** Start (in the current chunk) of the entries written but not yet flushed; -1 if none. */
  private long dirtyFrom = -1;
  private int written;
  private CRC32C chain;
  /** Target ranges {offset, length} of the running transaction's undo entries, in log order. */
  private long[] undo = new long[16];
  private int undoN;
  /** End of the running generation's region in the first chunk (set by reset). */
  private long cap0Limit;
  /** The header value whose persistence is pending (invalidateLazy), 0 if none (LanePool: set by the owner, cleared by CAS). */
  volatile long invGen;
  static final java.lang.invoke.VarHandle INV_GEN;

  static {
    try {
      INV_GEN = java.lang.invoke.MethodHandles.lookup().findVarHandle(Lane.class, "invGen", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private Lane(Heap heap, int index, long first) {
    this.heap = heap;
    this.index = index;
    this.first = first;
  }

  /** Creates a lane: one chunk, generation 1, persisted. */
  static Lane create(Heap heap, int index) {
    long c = newChunk(heap);
    heap.storeLong(c + Layout.LC_GEN, 1);
    heap.persist(c + Layout.LC_GEN, 8);
    Lane l = new Lane(heap, index, c);
    l.chunks.add(c);
    l.gen = 1;
    return l;
  }

  private static long newChunk(Heap heap) {
    long bytes = Layout.LC_ENTRIES + Layout.LC_DEFAULT_CAPACITY;
    long c = heap.allocSystem(Layout.T_LOG_CHUNK, bytes, bytes);
    heap.storeLong(c + Layout.LC_CAPACITY, Layout.LC_DEFAULT_CAPACITY);
    heap.persist(c, Layout.LC_ENTRIES);
    return c;
  }

  /** Reads and checks the chunk chain of a stored lane; writes nothing. */
  static Lane load(Heap heap, int index, long first) {
    Lane l = new Lane(heap, index, first);
    long c = first;
    while (c != 0) {
      if (l.chunks.size() > 1_000_000 || !heap.validRange(c - Layout.OBJ_HEADER, Layout.LC_ENTRIES + 8)
          || heap.typeOf(c) != Layout.T_LOG_CHUNK
          || heap.getLong(c + Layout.LC_CAPACITY) != heap.countOf(c) - Layout.LC_ENTRIES
          || !heap.validRange(c, heap.countOf(c)) || l.chunks.contains(c))
        throw heap.damaged("lane " + index + ": bad log chunk at " + c);
      l.chunks.add(c);
      c = heap.getLong(c + Layout.LC_NEXT);
    }
    l.gen = heap.getLong(first + Layout.LC_GEN);
    if (l.gen <= 0) throw heap.damaged("lane " + index + ": bad generation " + l.gen);
    return l;
  }

  long generation() { return gen; }

  List<Long> chunks() { return chunks; }

  /** Entry offset in the first chunk where the log of generation {@code g} starts (Layout.LC_GEN). */
  private long regionStart(long g, long cap) { return (g & 1) == 0 ? 0 : half(cap); }

  /** Entry offset in the first chunk where the log of generation {@code g} must leave for the next chunk. */
  private long regionEnd(long g, long cap) { return (g & 1) == 0 ? half(cap) : cap; }

  private static long half(long cap) { return (cap / 2) & ~7L; }

  /** Heap offset of the first entry of the running generation's log (tests). */
  long entryStart() { return first + Layout.LC_ENTRIES + regionStart(gen, heap.getLong(first + Layout.LC_CAPACITY)); }

  /** Usable end of chunk {@code k} for the running generation. */
  private long limit(int k, long cap) { return k == 0 ? regionEnd(gen, cap) : cap; }

  /** Starts a transaction's log: the cursor goes to the first entry of the generation's region. */
  void reset() {
    chunk = 0;
    long cap = heap.getLong(first + Layout.LC_CAPACITY);
    pos = regionStart(gen, cap);
    cap0Limit = regionEnd(gen, cap);
    undoN = 0;
    dirtyFrom = -1;
    written = 0;
    if (chain == null) chain = new CRC32C();
    chain.reset();
  }

  /** Whether the running transaction has written entries. */
  boolean used() { return written > 0; }

  /**
   * Appends an entry with payload {@code len} bytes copied from {@code src} (null for none); it is
   * flushed by {@link #flushAppended}. Grows the chain when the chunk is full.
   */
  void append(int kind, long target, MemorySegment src, int len) {
    byte[] b = payload(len);
    if (len > 0) MemorySegment.copy(src, java.lang.foreign.ValueLayout.JAVA_BYTE, 0, b, Layout.LE_HEADER, len);
    appendBuilt(kind, target, len);
  }

  /** Appends an undo entry: its payload is the heap's bytes [target, target+len) as they are now. */
  void appendUndo(long target, int len) {
    heap.getBytes(target, payload(len), Layout.LE_HEADER, len);
    appendBuilt(Layout.LK_UNDO, target, len);
  }

  /** The entry buffer, long enough for a payload of {@code len} bytes (stored from Layout.LE_HEADER on). */
  private byte[] payload(int len) {
    if (entryBuf.length < Layout.LE_HEADER + len + 8) entryBuf = new byte[Layout.LE_HEADER + Layout.LE_MAX_PAYLOAD + 8];
    return entryBuf;
  }

  /** Appends the entry whose payload is already in {@link #entryBuf}. */
  private void appendBuilt(int kind, long target, int len) {
    int size = Layout.entrySize(len);
    long c = chunk == 0 ? first : chunks.get(chunk);
    long cap = chunk == 0 ? cap0Limit : limit(chunk, heap.getLong(c + Layout.LC_CAPACITY));
    if (pos + size > cap) {
      if (pos + Layout.LE_HEADER <= cap) {
        if (dirtyFrom < 0) dirtyFrom = pos;
        writeEntry(c + Layout.LC_ENTRIES + pos, Layout.LK_NEXT_CHUNK, 0, nextBuf, 0);
        pos += Layout.entrySize(0);
      }
      nextChunk();
      c = chunks.get(chunk);
    }
    long at = c + Layout.LC_ENTRIES + pos;
    if (dirtyFrom < 0) dirtyFrom = pos;
    int crc = writeEntry(at, kind, target, entryBuf, len);
    if (kind != Layout.LK_NEXT_CHUNK) chainUpdate(chain, crc);
    if (kind == Layout.LK_UNDO) {
      if (2 * undoN + 2 > undo.length) undo = java.util.Arrays.copyOf(undo, undo.length * 2);
      undo[2 * undoN] = target;
      undo[2 * undoN + 1] = len;
      undoN++;
    }
    pos += size;
    written++;
  }

  /**
   * Appends the undo commit record (Layout.LK_UNDO_COMMIT): a checksum of the entries and one of
   * the data they protect as it is now, plus the new objects {@code fresh} ({offset, end} pairs,
   * {@code n} of them) whose contents it also covers. Flushed with the data (one fence for both):
   * recovery keeps the transaction only if the data still matches.
   */
  void appendUndoCommit(RangeSet fresh, int n) {
    int len = 16 + 16 * n;
    byte[] b = payload(len);
    int h = Layout.LE_HEADER;
    INT_LE.set(b, h, (int) chain.getValue());
    INT_LE.set(b, h + 4, dataCrc(fresh, n));
    INT_LE.set(b, h + 8, n);
    INT_LE.set(b, h + 12, 0);
    for (int i = 0; i < n; i++) {
      LONG_LE.set(b, h + 16 + 16 * i, fresh.start(i));
      LONG_LE.set(b, h + 24 + 16 * i, fresh.end(i) - fresh.start(i));
    }
    appendBuilt(Layout.LK_UNDO_COMMIT, written, len);
  }

  /** {@link #dataCrc(long[], int, long[], int)} of this transaction's undo ranges and the first {@code nf} ranges of {@code fresh}. */
  private int dataCrc(RangeSet fresh, int nf) {
    CRC32C c = dataCrc;
    c.reset();
    for (int i = 0; i < undoN; i++) crcRange(c, undo[2 * i], undo[2 * i + 1]);
    for (int i = 0; i < nf; i++) crcRange(c, fresh.start(i), fresh.end(i) - fresh.start(i));
    return (int) c.getValue();
  }
  private final CRC32C dataCrc = new CRC32C();
  private final byte[] small = new byte[256];

  private int readInt(long at) { return heap.getInt(at); }

  /** CRC-32C of the heap's bytes in {@code undo} ({offset, length} pairs) then in {@code fresh} ({offset, end} pairs). */
  private int dataCrc(long[] undo, int nu, long[] fresh, int nf) {
    CRC32C c = dataCrc;
    c.reset();
    for (int i = 0; i < nu; i++) crcRange(c, undo[2 * i], undo[2 * i + 1]);
    for (int i = 0; i < nf; i++) crcRange(c, fresh[2 * i], fresh[2 * i + 1] - fresh[2 * i]);
    return (int) c.getValue();
  }

  private void crcRange(CRC32C c, long off, long len) {
    if (len <= small.length) { // a copy is cheaper than a ByteBuffer view for small ranges
      heap.getBytes(off, small, 0, (int) len);
      c.update(small, 0, (int) len);
    } else {
      c.update(heap.slice(off, len).asByteBuffer());
    }
  }

  /** Appends the redo commit record: its checksum covers every entry's checksum before it. */
  void appendCommit() {
    int running = (int) chain.getValue();
    byte[] b = {(byte) running, (byte) (running >>> 8), (byte) (running >>> 16), (byte) (running >>> 24)};
    append(Layout.LK_COMMIT, written, MemorySegment.ofArray(b), 4);
  }

  private final byte[] four = new byte[4];

  private void chainUpdate(CRC32C c, int v) {
    four[0] = (byte) v;
    four[1] = (byte) (v >>> 8);
    four[2] = (byte) (v >>> 16);
    four[3] = (byte) (v >>> 24);
    c.update(four, 0, 4);
  }

  /**
   * Flushes the entries appended since the last call (one flush over the contiguous run: entries
   * are not flushed one by one). The transaction calls it before each of its fences.
   */
  void flushAppended() {
    if (dirtyFrom < 0) return;
    heap.flush(chunks.get(chunk) + Layout.LC_ENTRIES + dirtyFrom, pos - dirtyFrom);
    dirtyFrom = -1;
  }

  private void nextChunk() {
    // chunks past the first may hold the log of the previous transaction while its invalidation
    // is not yet durable: make it durable before overwriting them (one fence, long logs only)
    if (invGen != 0) heap.fence();
    flushAppended();
    long c = chunks.get(chunk);
    if (chunk + 1 == chunks.size()) {
      long n = newChunk(heap);
      heap.storeLong(c + Layout.LC_NEXT, n);
      heap.flush(c + Layout.LC_NEXT, 8); // fenced with the entries that follow
      chunks.add(n);
    }
    chunk++;
    pos = 0;
  }

  /**
   * Writes one entry whose payload is in {@code b} from Layout.LE_HEADER on: the header and, after
   * the payload, the entry's own offset (for the checksum) are added to {@code b}, and the entry
   * is stored with one copy (was five stores and two read-backs).
   */
  private int writeEntry(long at, int kind, long target, byte[] b, int len) {
    int n = Layout.LE_HEADER + len;
    LONG_LE.set(b, Layout.LE_GEN, gen);
    LONG_LE.set(b, Layout.LE_TARGET, target);
    INT_LE.set(b, Layout.LE_LEN, len);
    INT_LE.set(b, Layout.LE_KIND, kind);
    LONG_LE.set(b, n, at);
    // the same bytes entryCrc reads back: header up to the checksum, payload, the entry's offset
    crc.reset();
    crc.update(b, 0, Layout.LE_CHECKSUM);
    crc.update(b, Layout.LE_HEADER, len + 8);
    int v = (int) crc.getValue();
    LONG_LE.set(b, Layout.LE_CHECKSUM, Checksums.crcWord(v));
    heap.storeBytes(at, b, 0, n);
    return v;
  }

  private static final java.lang.invoke.VarHandle LONG_LE =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
  private static final java.lang.invoke.VarHandle INT_LE =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(int[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
  /** Entries are built here: header, payload, then 8 bytes for the offset the checksum covers. */
  private byte[] entryBuf = new byte[Layout.LE_HEADER + 256 + 8];
  private final byte[] nextBuf = new byte[Layout.LE_HEADER + 8];

  private final CRC32C crc = new CRC32C();
  private byte[] scratch = new byte[Layout.LE_HEADER + 64];

  private int entryCrc(long at, int len) {
    int n = Layout.LE_CHECKSUM + len;
    if (scratch.length < n + 8) scratch = new byte[n + 8 + Layout.LE_MAX_PAYLOAD];
    heap.getBytes(at, scratch, 0, Layout.LE_CHECKSUM);
    if (len > 0) heap.getBytes(at + Layout.LE_HEADER, scratch, Layout.LE_CHECKSUM, len);
    for (int i = 0; i < 8; i++) scratch[n + i] = (byte) (at >>> (8 * i));
    crc.reset();
    crc.update(scratch, 0, n + 8);
    return (int) crc.getValue();
  }

  /** Ends the transaction: stores generation + 1 and flushes it (the caller fences). */
  void invalidate() {
    gen++;
    heap.storeLong(first + Layout.LC_GEN, gen);
    heap.flush(first + Layout.LC_GEN, 8);
  }

  /**
   * Ends a committed transaction whose commit record is durable: stores generation + 1 and
   * leaves its flush and fence to the next fence of any thread (LanePool: every fence
   * flushes pending invalidations first; a raw store fences first while one is pending).
   */
  void invalidateLazy() {
    gen++;
    heap.storeLong(first + Layout.LC_GEN, gen); // flushed by the next fence's drain (LanePool)
    heap.lanes.invalidationPending(this, gen);
  }

  /** The valid entries of the current generation, in order (Layout: log entry). */
  List<Entry> scan() {
    long cap0 = heap.getLong(first + Layout.LC_CAPACITY);
    List<Entry> out = scan(regionStart(gen, cap0), true);
    // a heap written before logs alternated halves keeps every log at 0 (an odd generation's
    // entry can be found there only then: the lower half holds even generations)
    if (out.isEmpty() && (gen & 1) == 1) out = scan(0, false);
    return out;
  }

  private List<Entry> scan(long start, boolean regions) {
    List<Entry> out = new ArrayList<>();
    int k = 0;
    long p = start;
    while (k < chunks.size()) {
      long c = chunks.get(k);
      long cap = heap.getLong(c + Layout.LC_CAPACITY);
      if (regions && k == 0) cap = Math.min(cap, regionEnd(gen, cap));
      if (p + Layout.LE_HEADER > cap) {
        k++;
        p = 0;
        continue;
      }
      long at = c + Layout.LC_ENTRIES + p;
      if (heap.getLong(at + Layout.LE_GEN) != gen) break;
      int len = heap.getInt(at + Layout.LE_LEN);
      int kind = heap.getInt(at + Layout.LE_KIND);
      if (len < 0 || len > Layout.LE_MAX_PAYLOAD || p + Layout.entrySize(len) > cap) break;
      int crc = entryCrc(at, len);
      if (heap.getLong(at + Layout.LE_CHECKSUM) != Checksums.crcWord(crc)) break;
      if (kind == Layout.LK_NEXT_CHUNK) {
        k++;
        p = 0;
        continue;
      }
      out.add(new Entry(kind, heap.getLong(at + Layout.LE_TARGET), at + Layout.LE_HEADER, len, crc));
      p += Layout.entrySize(len);
    }
    return out;
  }

  /**
   * Recovers this lane (idempotent; a crash here is recovered by the next open): rolls back an
   * undo log (unless its commit record holds), re-applies a redo log with a valid commit record,
   * discards one without, then persists generation + 2. Returns {rolledBack, reapplied, discarded, entries}.
   */
  int[] recover() {
    List<Entry> es = scan();
    int[] r = new int[4];
    // Entries of generation g+1 may be durable while the header still says g: the next
    // transaction's log is flushed in the same batch as its (lazily persisted) invalidation. They
    // never took effect (in-place stores follow that fence). Generation g+1 is therefore skipped
    // for good, or later entries of g+1 could run on into them.
    gen++;
    boolean stale = !scan().isEmpty();
    gen--;
    if (es.isEmpty() && !stale) return r;
    for (Entry e : es) {
      if (e.kind() != Layout.LK_COMMIT && e.kind() != Layout.LK_UNDO_COMMIT && !heap.validRange(e.target(), Math.max(1, e.len())))
        throw heap.damaged("lane " + index + ": log entry targets " + e.target() + " outside the heap");
    }
    boolean undo = es.get(0).kind() == Layout.LK_UNDO;
    if (undo && undoCommitted(es)) {
      r[3] = es.size() - 1; // committed; only its lazily persisted invalidation was lost
    } else if (undo) {
      for (int i = es.size() - 1; i >= 0; i--) if (es.get(i).kind() == Layout.LK_UNDO) apply(es.get(i));
      r[0] = 1;
      r[3] = es.size();
    } else if (committed(es)) {
      for (Entry e : es) if (e.kind() == Layout.LK_REDO) apply(e);
      r[1] = 1;
      r[3] = es.size() - 1;
    } else {
      r[2] = 1;
    }
    heap.fence();
    gen++; // skip g+1 (see above)
    invalidate();
    heap.fence();
    return r;
  }

  /** Aborts the running undo transaction: restores its logged ranges, newest first, and flushes them (no fence). */
  void rollBack() {
    List<Entry> es = scan();
    for (int i = es.size() - 1; i >= 0; i--) if (es.get(i).kind() == Layout.LK_UNDO) apply(es.get(i));
  }

  /**
   * Whether an undo log ends in a valid commit record (Layout.LK_UNDO_COMMIT) whose data checksum
   * matches the heap: the transaction committed and all it wrote is durable. Otherwise (no record,
   * or the crash cut the commit's flush short) it is rolled back.
   */
  boolean undoCommitted(List<Entry> es) {
    Entry last = es.get(es.size() - 1);
    if (last.kind() != Layout.LK_UNDO_COMMIT || last.target() != es.size() - 1 || last.len() < 16) return false;
    CRC32C c = new CRC32C();
    long[] u = new long[2 * es.size()];
    for (int i = 0; i < es.size() - 1; i++) {
      Entry e = es.get(i);
      if (e.kind() != Layout.LK_UNDO) return false;
      chainUpdate(c, e.crc());
      u[2 * i] = e.target();
      u[2 * i + 1] = e.len();
    }
    long p = last.payload();
    int n = readInt(p + 8);
    if (readInt(p) != (int) c.getValue() || n < 0 || n > Layout.UNDO_COMMIT_MAX_NEW || last.len() != 16 + 16 * n) return false;
    long[] f = new long[2 * n];
    for (int i = 0; i < n; i++) {
      long off = heap.getLong(p + 16 + 16 * i), len = heap.getLong(p + 24 + 16 * i);
      if (!heap.validRange(off, Math.max(1, len))) return false;
      f[2 * i] = off;
      f[2 * i + 1] = off + len;
    }
    return readInt(p + 4) == dataCrc(u, es.size() - 1, f, n);
  }

  private boolean committed(List<Entry> es) {
    CRC32C c = new CRC32C();
    for (int i = 0; i < es.size(); i++) {
      Entry e = es.get(i);
      if (e.kind() == Layout.LK_COMMIT) {
        byte[] b = new byte[4];
        heap.getBytes(e.payload(), b, 0, 4);
        int want = (b[0] & 0xFF) | (b[1] & 0xFF) << 8 | (b[2] & 0xFF) << 16 | (b[3] & 0xFF) << 24;
        return e.target() == i && want == (int) c.getValue();
      }
      if (e.kind() != Layout.LK_REDO) return false;
      chainUpdate(c, e.crc());
    }
    return false;
  }

  private void apply(Entry e) {
    MemorySegment.copy(heap.slice(e.payload(), e.len()), 0, heap.slice(e.target(), e.len()), 0, e.len());
    heap.flush(e.target(), e.len());
  }
}
