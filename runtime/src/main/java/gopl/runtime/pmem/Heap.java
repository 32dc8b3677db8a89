package gopl.runtime.pmem;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * An open persistent heap: a file of arenas mapped with the FFM API (See package-info for
 * overview). Every position is a heap offset ({@link Layout}); the raw accessors below read and
 * write the mapping without logging — transactional stores go through {@link Txn}.
 *
 * <p>Lifecycle (PMDK's verbs): {@link #create} writes an empty heap; {@link #open} checks the
 * superblock, arena headers, page tables and logs before it writes anything (a damaged heap is
 * refused with a HeapException and never written), then recovers the logs and collects garbage
 * from the named roots. Thread-safe; a heap must not be opened twice at the same time.
 */
public final class Heap implements AutoCloseable {
  private final Media media;
  private final String name;
  private final PersistenceDomain domain;
  private final int arenaShift;
  private final long arenaSize;
  private final long arenaMask;
  private final int maxArenas;
  private final long heapId;
  private volatile MemorySegment[] segs = new MemorySegment[0];
  private volatile int arenaCount;
  private long bootEpoch;
  private final Object growLock = new Object();
  final PageHeap pages;
  final Allocator allocator;
  final Gate gate = new Gate();
  final TypeTable types;
  final RootTable roots;
  final LanePool lanes;
  final Collector collector;
  final Handles handles;
  final VolatileRefs volatileRefs;
  /** Per-thread state: running transaction, allocation cache, buffers (one lookup per operation). */
  private final ThreadLocal<Local> locals = ThreadLocal.withInitial(Local::new);
  private volatile boolean closed;
  /** What recovery did at open (for info and tests). */
  RecoveryReport recovery = RecoveryReport.NONE;

  private Heap(Media media, PersistenceDomain domain, Superblock sb) {
    this.media = media;
    this.name = media.name();
    this.domain = domain;
    this.arenaShift = sb.arenaShift();
    this.arenaSize = 1L << arenaShift;
    this.arenaMask = arenaSize - 1;
    this.maxArenas = sb.maxArenas();
    this.heapId = sb.heapId();
    this.pages = new PageHeap(this);
    this.allocator = new Allocator(this, pages);
    this.types = new TypeTable(this);
    this.roots = new RootTable(this);
    this.lanes = new LanePool(this);
    this.collector = new Collector(this);
    this.handles = new Handles();
    this.volatileRefs = new VolatileRefs(this);
  }

  // ---------------------------------------------------------------- create / open

  /** Creates a new heap file (fails if it exists) and opens it. */
  public static Heap create(Path file, HeapOptions opts) {
    boolean dax = opts.domainImpl() == null && (opts.domain() == null || opts.domain().equals("pmem"))
        && Domains.onDax(file);
    FileMedia m = FileMedia.create(file, dax);
    try {
      return create(m, opts.withDomain(opts.domainImpl() != null ? null : opts.domain() != null ? opts.domain()
          : Domains.detect(file)), file);
    } catch (RuntimeException | Error e) {
      m.close();
      try {
        Files.deleteIfExists(file);
      } catch (java.io.IOException ignored) {
        // the original error says more
      }
      throw e;
    }
  }

  /** Creates an empty heap on {@code media} and opens it. */
  public static Heap create(Media media, HeapOptions opts) { return create(media, opts, null); }

  private static Heap create(Media media, HeapOptions opts, Path file) {
    int shift = opts.arenaShift();
    if (shift < Layout.MIN_ARENA_SHIFT || shift > Layout.MAX_ARENA_SHIFT)
      throw new HeapException(media.name() + ": arena size 2^" + shift + " out of range [2^"
          + Layout.MIN_ARENA_SHIFT + ", 2^" + Layout.MAX_ARENA_SHIFT + "]");
    if (opts.maxArenas() < 1 || opts.initialArenas() < 1 || opts.initialArenas() > opts.maxArenas())
      throw new HeapException(media.name() + ": bad arena counts");
    Superblock sb = new Superblock(shift, opts.maxArenas(), ThreadLocalRandom.current().nextLong() | 1,
        System.currentTimeMillis());
    PersistenceDomain d = pickDomain(media, opts, file);
    boolean zeroed = media.length() == 0; // a new file reads as zeros
    MemorySegment a0 = media.map(0, 1L << shift);
    d.arenaMapped(0, a0);
    sb.write(a0);
    writeArenaHeader(a0, 0, sb.heapId());
    d.flush(0, a0, 0, Layout.PAGE_SIZE);
    d.fence();
    long at = Layout.SB_ARENA_COUNT;
    a0.set(Checksums.LONG, at, Checksums.checkedWord(1, at));
    d.flush(0, a0, at, 8);
    d.fence();
    Heap h = new Heap(media, d, sb);
    h.attach(1);
    if (zeroed) h.pages.dataZeroed(0);
    h.bootEpoch = h.bumpBootEpoch();
    for (int i = 1; i < opts.initialArenas(); i++) h.pages.addFreshArena(h.grow());
    return h;
  }

  /** Opens an existing heap file. */
  public static Heap open(Path file, HeapOptions opts) {
    boolean dax = !opts.privateCopy() && opts.domainImpl() == null
        && (opts.domain() == null || opts.domain().equals("pmem")) && Domains.onDax(file);
    FileMedia m = FileMedia.open(file, opts.privateCopy(), dax);
    try {
      return open(m, opts, file);
    } catch (RuntimeException | Error e) {
      m.close();
      throw e;
    }
  }

  /** Opens the heap stored on {@code media}. */
  public static Heap open(Media media, HeapOptions opts) { return open(media, opts, null); }

  private static Heap open(Media media, HeapOptions opts, Path file) {
    Superblock sb = Superblock.read(media);
    long need = (long) sb.arenaCount() << sb.arenaShift();
    if (media.length() < need)
      throw new HeapException(media.name() + ": truncated heap file (" + media.length() + " bytes, want " + need + ")");
    PersistenceDomain d = opts.privateCopy() ? Domains.none() : pickDomain(media, opts, file);
    Heap h = new Heap(media, d, sb);
    h.attach(sb.arenaCount());
    h.lanes.load();
    h.types.load();
    h.roots.load();
    if (opts.recover() && !opts.privateCopy()) h.bootEpoch = h.bumpBootEpoch();
    if (opts.recover()) {
      h.recovery = h.lanes.recover();
      HeapOptions.RecoveryGc g = opts.recoveryGc() != null ? opts.recoveryGc()
          : file != null && !opts.privateCopy() ? HeapOptions.RecoveryGc.BACKGROUND : HeapOptions.RecoveryGc.EAGER;
      if (g == HeapOptions.RecoveryGc.EAGER) h.collector.collect();
      else h.collector.startRecovery(g == HeapOptions.RecoveryGc.BACKGROUND);
    }
    return h;
  }

  private static PersistenceDomain pickDomain(Media media, HeapOptions opts, Path file) {
    if (opts.domainImpl() != null) return opts.domainImpl();
    String d = opts.domain();
    if (d == null) d = file == null ? "none" : Domains.detect(file);
    if (d.equals("dax")) return media.syncMapped() ? Domains.dax() : Domains.msync();
    if (d.equals("pmem") && media.syncMapped()) return Domains.dax();
    if (d.equals("pmem") && !Domains.libpmemAvailable()) {
      System.err.println(media.name() + ": libpmem.so.1 not found; using the msync domain");
      return Domains.msync();
    }
    return Domains.byName(d, false);
  }

  /** Maps and checks arenas [0, n). Writes nothing. */
  private void attach(int n) {
    MemorySegment[] s = new MemorySegment[n];
    for (int i = 0; i < n; i++) {
      s[i] = i < media.mapped() ? media.arena(i) : media.map(i, arenaSize);
      checkArenaHeader(s[i], i);
      domain.arenaMapped(i, s[i]);
    }
    segs = s;
    arenaCount = n;
    for (int i = 0; i < n; i++) pages.loadArena(i);
  }

  private void checkArenaHeader(MemorySegment seg, int i) {
    long crc = Checksums.crcWord(Checksums.crc(seg, Layout.AH_MAGIC, Layout.AH_CHECKSUM - Layout.AH_MAGIC));
    if (seg.get(Checksums.LONG, Layout.AH_MAGIC) != Layout.ARENA_MAGIC
        || seg.get(Checksums.LONG, Layout.AH_CHECKSUM) != crc
        || seg.get(Checksums.LONG, Layout.AH_INDEX) != i
        || seg.get(Checksums.LONG, Layout.AH_HEAP_ID) != heapId)
      throw damaged("arena " + i + ": damaged arena header");
  }

  private static void writeArenaHeader(MemorySegment seg, int i, long heapId) {
    seg.set(Checksums.LONG, Layout.AH_MAGIC, Layout.ARENA_MAGIC);
    seg.set(Checksums.LONG, Layout.AH_INDEX, i);
    seg.set(Checksums.LONG, Layout.AH_HEAP_ID, heapId);
    int crc = Checksums.crc(seg, Layout.AH_MAGIC, Layout.AH_CHECKSUM - Layout.AH_MAGIC);
    seg.set(Checksums.LONG, Layout.AH_CHECKSUM, Checksums.crcWord(crc));
  }

  private long bumpBootEpoch() {
    long at = Layout.SB_BOOT_EPOCH;
    long e = Checksums.checkedValue(getLong(at), at) + 1;
    storeLong(at, Checksums.checkedWord(e, at));
    persist(at, 8);
    return e;
  }

  /**
   * Adds an arena crash-safely: the new arena's header and empty page table are persisted first,
   * then the arena count in one 8-byte store; a crash before that store leaves the old size valid.
   * Returns the new arena's index.
   */
  int grow() {
    synchronized (growLock) {
      int i = arenaCount;
      if (i >= maxArenas)
        throw new HeapFullException(name + ": heap full (" + maxArenas + " arenas of " + arenaSize + " bytes)");
      // past the old end of the file the new arena reads as zeros (the allocator then need not
      // zero its slots); a length left by a growth that crashed may hold anything
      if (i >= media.mapped() && media.length() <= (long) i << arenaShift) grownZeroed.set(i);
      MemorySegment seg = i < media.mapped() ? media.arena(i) : media.map(i, arenaSize);
      domain.arenaMapped(i, seg);
      long meta = (long) Layout.firstDataPage(arenaShift) * Layout.PAGE_SIZE;
      seg.asSlice(0, meta).fill((byte) 0);
      writeArenaHeader(seg, i, heapId);
      domain.flush(i, seg, 0, meta);
      domain.fence();
      MemorySegment[] n = java.util.Arrays.copyOf(segs, i + 1);
      n[i] = seg;
      segs = n;
      long at = Layout.SB_ARENA_COUNT;
      storeLong(at, Checksums.checkedWord(i + 1, at));
      persist(at, 8);
      arenaCount = i + 1;
      return i;
    }
  }

  /** Arenas grown by this process past the old end of the file (guarded by growLock). */
  private final java.util.BitSet grownZeroed = new java.util.BitSet();

  /** Whether arena {@code i}'s data pages were zero when {@link #grow} added it. */
  boolean grownZeroed(int i) {
    synchronized (growLock) {
      return grownZeroed.get(i);
    }
  }

  /** A HeapException saying the heap is damaged. */
  HeapException damaged(String what) { return new HeapException(name + ": damaged heap: " + what); }

  // ---------------------------------------------------------------- geometry

  public String name() { return name; }
  public PersistenceDomain domain() { return domain; }
  public int arenaShift() { return arenaShift; }
  public long arenaSize() { return arenaSize; }
  long arenaMask() { return arenaMask; }
  public int arenaCount() { return arenaCount; }
  public int maxArenas() { return maxArenas; }
  public long size() { return (long) arenaCount << arenaShift; }
  public long heapId() { return heapId; }
  /** The boot epoch of this open (0 if opened without recovery). */
  public long bootEpoch() { return bootEpoch; }
  public Media media() { return media; }
  /** What recovery did at open. */
  public RecoveryReport recoveryReport() { return recovery; }

  /** Whether {@code off} lies inside this heap's mapped arenas (go-pmem's runtime.InPmem). */
  public boolean inPmem(long off) { return off > 0 && off < size(); }

  // ---------------------------------------------------------------- raw access (no logging)

  private MemorySegment seg(long off) { return segs[(int) (off >>> arenaShift)]; }

  /** The write barrier is on: the background recovery mark runs (see Collector). */
  volatile boolean satb;

  /** The write barrier's slow path: shades the words that a store to [off, off+len) overwrites. */
  private void preWrite(long off, long len) {
    for (long w = off & ~7L; w < off + len; w += 8) collector.shade(getLong(w));
  }

  /**
   * Set while some committed transaction's log still awaits its lazily persisted invalidation
   * (Lane.invalidateLazy): a raw store first makes every such invalidation durable (one fence),
   * because a committed undo log whose data no longer matches its commit record would be rolled
   * back by recovery (docs/pmem.md, "Two fences per undo transaction").
   */
  volatile boolean invPending;

  /** The raw-store barrier's slow path. */
  private void rawPreWrite(long off, long len) {
    if (invPending) fence();
    if (satb) preWrite(off, len);
  }

  public long getLong(long off) { return seg(off).get(Checksums.LONG, off & arenaMask); }
  /** A raw store (not logged): runtime code outside transactions. */
  public void putLong(long off, long v) {
    if (satb | invPending) rawPreWrite(off, 8);
    seg(off).set(Checksums.LONG, off & arenaMask, v);
  }
  public int getInt(long off) { return seg(off).get(Checksums.INT, off & arenaMask); }
  public void putInt(long off, int v) {
    if (satb | invPending) rawPreWrite(off, 4);
    seg(off).set(Checksums.INT, off & arenaMask, v);
  }
  public byte getByte(long off) { return seg(off).get(ValueLayout.JAVA_BYTE, off & arenaMask); }
  public void putByte(long off, byte v) {
    if (satb | invPending) rawPreWrite(off, 1);
    seg(off).set(ValueLayout.JAVA_BYTE, off & arenaMask, v);
  }
  public double getDouble(long off) { return Double.longBitsToDouble(getLong(off)); }
  public void putDouble(long off, double v) { putLong(off, Double.doubleToRawLongBits(v)); }

  // Stores by the heap itself: metadata, logs, and in-place stores that follow a fence of their
  // own transaction (which made every pending invalidation durable): only the collector's barrier.
  void storeLong(long off, long v) {
    if (satb) preWrite(off, 8);
    seg(off).set(Checksums.LONG, off & arenaMask, v);
  }
  void storeInt(long off, int v) {
    if (satb) preWrite(off, 4);
    seg(off).set(Checksums.INT, off & arenaMask, v);
  }
  void storeByte(long off, byte v) {
    if (satb) preWrite(off, 1);
    seg(off).set(ValueLayout.JAVA_BYTE, off & arenaMask, v);
  }
  void storeBytes(long off, byte[] src, int at, int len) {
    if (satb) preWrite(off, len);
    MemorySegment.copy(src, at, seg(off), ValueLayout.JAVA_BYTE, off & arenaMask, len);
  }

  /** Copies {@code len} bytes at {@code off} into {@code dst[at..]}. The range must lie in one arena. */
  public void getBytes(long off, byte[] dst, int at, int len) {
    MemorySegment.copy(seg(off), ValueLayout.JAVA_BYTE, off & arenaMask, dst, at, len);
  }

  /** Copies {@code src[at..at+len)} to {@code off}. The range must lie in one arena. */
  public void putBytes(long off, byte[] src, int at, int len) {
    if (satb | invPending) rawPreWrite(off, len);
    MemorySegment.copy(src, at, seg(off), ValueLayout.JAVA_BYTE, off & arenaMask, len);
  }

  /** A view of {@code len} bytes at {@code off} (one arena). */
  MemorySegment slice(long off, long len) { return seg(off).asSlice(off & arenaMask, len); }

  void zero(long off, long len) { slice(off, len).fill((byte) 0); }

  /** Checks that [off, off+len) lies in one arena of the heap. */
  boolean validRange(long off, long len) {
    return off > 0 && len >= 0 && off + len <= size() && (off >>> arenaShift) == ((off + len - 1) >>> arenaShift);
  }

  // ---------------------------------------------------------------- persistence (runtime.FlushRange etc.)

  /** Starts writing back [off, off+len) (go-pmem's runtime.FlushRange). */
  public void flush(long off, long len) {
    while (len > 0) {
      int a = (int) (off >>> arenaShift);
      long local = off & arenaMask;
      long n = Math.min(len, arenaSize - local);
      long start = local & -Layout.CACHE_LINE;
      long end = Math.min(arenaSize, (local + n + Layout.CACHE_LINE - 1) & -Layout.CACHE_LINE);
      domain.flush(a, segs[a], start, end - start);
      off += n;
      len -= n;
    }
  }

  /** New objects and page-table entries flushed by the next fence (PendingFlushes). */
  final PendingFlushes pendingNew = new PendingFlushes();

  /** This thread's state in this heap. */
  Local local() { return locals.get(); }

  /**
   * Waits until every flushed range is persistent (go-pmem's runtime.Fence), and every object
   * allocated before this call (by any thread) too.
   */
  public void fence() { fence(locals.get()); }

  /** {@link #fence()} by a thread whose state {@code l} is already found. */
  void fence(Local l) {
    PendingFlushes.Drained seen = pendingNew.drain(this);
    int inv = invPending ? lanes.flushPendingInvalidations(l) : 0;
    domain.fence();
    pendingNew.fenced(l, seen);
    if (inv > 0) lanes.invalidationsDurable(l, inv);
  }

  /** A page-table entry that nothing persistent depends on yet: flushed and fenced by the next fence. */
  void deferPersist(long off, long len) {
    if (!pendingNew.add(off, len)) {
      flush(off, len);
      fence();
    }
  }

  /** A new object of an allocation-only transaction: flushed and fenced by the next fence. */
  void deferNew(Local l, long off, long len) {
    if (!pendingNew.addNew(l, off, len)) {
      flush(off, len);
      fence();
    }
  }

  /** flush + fence (go-pmem's runtime.PersistRange). */
  public void persist(long off, long len) {
    flush(off, len);
    fence();
  }

  // ---------------------------------------------------------------- allocation

  /**
   * Allocates a zeroed object of {@code count} elements of type {@code typeId} and returns its
   * payload offset. Inside a transaction the object is persisted with the transaction's data (or,
   * if the transaction only allocates, by the next fence of any thread: PendingFlushes); outside
   * one before this returns. Never logged.
   */
  public long alloc(int typeId, long count) {
    long elem = types.elemSize(typeId);
    if (count < 0 || count > 0xFFFF_FFFFL || elem * count > arenaSize)
      throw new HeapException(name + ": allocation of " + count + " x " + elem + " bytes too large");
    Local l = locals.get();
    Txn tx = l.tx;
    int stripe = 0;
    if (tx == null) {
      collector.maybeCollect();
      stripe = gate.enter();
    }
    try {
      long bytes = elem * count;
      long obj = allocator.allocate(bytes, l);
      seg(obj).set(Checksums.LONG, obj & arenaMask, Layout.objHeader(typeId, count)); // a new slot: no barrier
      long a = l.allocated += bytes + Layout.OBJ_HEADER;
      if (a >= collector.reportEvery) {
        l.allocated = 0;
        collector.noteAllocated(a);
      }
      handles.rootRaw(l, obj + Layout.OBJ_HEADER);
      if (tx != null) tx.noteNew(obj, bytes + Layout.OBJ_HEADER);
      else persist(obj, bytes + Layout.OBJ_HEADER); // a raw store may link it at once (see PendingFlushes)
      return obj + Layout.OBJ_HEADER;
    } finally {
      if (tx == null) gate.exit(stripe);
    }
  }

  /** Allocation for heap metadata: persisted at once, never part of a user transaction. */
  long allocSystem(int typeId, long count, long bytes) {
    long obj = allocator.allocate(bytes);
    storeLong(obj, Layout.objHeader(typeId, count));
    persist(obj, bytes + Layout.OBJ_HEADER);
    return obj + Layout.OBJ_HEADER;
  }

  /** A root's object: zeroed and persisted at once, even inside a transaction (roots are durable when made). */
  long allocRoot(int typeId, long count) {
    long bytes = types.elemSize(typeId) * count;
    if (count < 1 || count > 0xFFFF_FFFFL || bytes > arenaSize)
      throw new HeapException(name + ": root of " + count + " x " + types.elemSize(typeId) + " bytes too large");
    return allocSystem(typeId, count, bytes);
  }

  /** Type id of the object whose payload starts at {@code off}. */
  public int typeOf(long off) { return (int) getLong(off - Layout.OBJ_HEADER); }

  /** Element count of the object whose payload starts at {@code off}. */
  public long countOf(long off) { return getLong(off - Layout.OBJ_HEADER) >>> 32; }

  // ---------------------------------------------------------------- types, roots, handles

  /** Registers (or finds) a type; fails if a type of that name was stored with another layout. */
  public int registerType(TypeDesc t) { return mutate(() -> types.register(t)); }

  /** Runs {@code f} as a mutator: outside a transaction it holds the collector back meanwhile. */
  <T> T mutate(java.util.function.Supplier<T> f) {
    if (locals.get().tx != null) return f.get();
    int stripe = gate.enter();
    try {
      return f.get();
    } finally {
      gate.exit(stripe);
    }
  }

  /** The descriptor of a registered type id. */
  public TypeDesc typeDesc(int id) { return types.desc(id); }

  /** The registered types in id order. */
  public java.util.List<TypeDesc> types() { return types.all(); }

  /** Log lanes and, for each, the number of valid entries of its current generation (0 = clean). */
  public long[] laneStates() {
    java.util.List<Lane> ls = lanes.lanes();
    long[] out = new long[ls.size()];
    for (int i = 0; i < out.length; i++) out[i] = ls.get(i).scan().size();
    return out;
  }

  /** Free data pages and the number of free runs (fragmentation), and free bytes in partial spans. */
  public long[] freeSpace() {
    return new long[] {pages.freePages(), pages.freeRuns(), allocator.usage()[0]};
  }

  /** The named roots. */
  public RootTable roots() { return roots; }

  /** A handle to the object at {@code off}: keeps it alive across online collections. */
  public PPtr handle(long off) { return handles.make(this, off); }

  /** The table of volatile references stored in persistent objects. */
  public VolatileRefs volatileRefs() { return volatileRefs; }

  // ---------------------------------------------------------------- transactions

  /**
   * Begins a transaction on this thread, or joins the running one (flattened nesting: the inner
   * mode is ignored and only the outermost commit commits).
   */
  public Txn begin(Txn.Mode mode) {
    Local l = locals.get();
    Txn tx = l.tx;
    if (tx != null) {
      tx.depth++;
      return tx;
    }
    collector.maybeCollect();
    int stripe = gate.enter();
    try {
      tx = new Txn(this, mode, l, stripe);
    } catch (RuntimeException | Error e) {
      gate.exit(stripe);
      throw e;
    }
    l.tx = tx;
    return tx;
  }

  /** Runs {@code body} in a transaction: commits if it returns, aborts and rethrows if it throws. */
  public void txn(Txn.Mode mode, Runnable body) {
    Txn tx = begin(mode);
    try {
      body.run();
    } catch (Throwable t) {
      tx.abort();
      throw t;
    }
    tx.commit();
  }

  /** Group commit, when on (see {@link #groupCommit}). */
  volatile GroupCommit group;

  /**
   * Turns group commit on or off (off by default). On: UNDO and NULL transactions of several
   * threads that commit at the same time share the commit's flushes and fences (one leader
   * issues them for all); each {@code commit} still returns only once its own transaction is
   * durable, so a server may reply to a client as soon as its transaction's commit returns.
   * REDO transactions commit alone. For servers with many concurrent clients (docs/pmem.md).
   */
  public void groupCommit(boolean on) { group = on ? new GroupCommit(this) : null; }

  /**
   * The payload offset of the object containing heap offset {@code p} (an interior pointer, as a
   * slice of a persistent array holds), or 0 if {@code p} is inside no allocated slot.
   */
  public long objectAt(long p) {
    Span s = pages.spanOf(p);
    if (s == null) return 0;
    int i = s.slotIndex(p);
    if (i >= s.slots) return 0;
    long obj = s.slotOffset(i);
    return getLong(obj) == 0 ? 0 : obj + Layout.OBJ_HEADER;
  }

  /** The running transaction of this thread, or null. */
  public Txn current() { return locals.get().tx; }

  /** Called by Txn when the outermost level ends. */
  void ended(Txn tx) {
    tx.local.tx = null;
    if (tx.lane != null) lanes.release(tx.lane);
    gate.exit(tx.stripe);
  }

  // ---------------------------------------------------------------- collection, close

  /** Collects garbage now (online): waits for running transactions and holds new ones back. */
  public GcStats gc() {
    if (locals.get().tx != null) throw new IllegalStateException("gc inside a transaction");
    return collector.collectOnline(true);
  }

  /**
   * Turns automatic online collections on or off (on by default: a transaction or an allocation
   * outside one collects first when more was allocated since the last collection than was live
   * after it, as GOGC=100). Deterministic crash tests turn it off.
   */
  public void autoGc(boolean on) { collector.auto = on; }

  /** The last collection's statistics, or null. */
  public GcStats lastGc() { return collector.last(); }

  /**
   * Waits for the background recovery collection started by open (HeapOptions.RecoveryGc) and
   * returns the last collection's statistics (null if none has run: DEFERRED, or damage found).
   */
  public GcStats awaitRecoveryGc() {
    collector.awaitRecovery();
    return collector.last();
  }

  /** Whether spans found at open still await their first sweep (nothing is allocated from them). */
  public boolean recoveryGcPending() { return collector.recoveryPending(); }

  /** Flushes nothing further (every committed transaction is already durable) and unmaps. */
  @Override
  public void close() {
    if (closed) return;
    closed = true;
    collector.stopRecovery();
    fence();
    media.close();
  }
}
