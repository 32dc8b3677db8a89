package gopl.runtime.persist;

import gopl.runtime.Boxed;
import gopl.runtime.GoPanic;
import gopl.runtime.GoStruct;
import gopl.runtime.RType;
import gopl.runtime.pmem.Heap;
import gopl.runtime.pmem.HeapException;
import gopl.runtime.pmem.HeapOptions;
import gopl.runtime.pmem.PPtr;
import gopl.runtime.pmem.Txn;
import gopl.runtime.pmem.TypeDesc;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What compiled GoPL code calls for persistence (docs/persistence.md): the program's one persistent
 * heap (opened by {@code pmem.Init}), allocation for {@code pnew}/{@code pmake}, the loads and
 * stores of persistent twins (a store is logged by the goroutine's running transaction, if any),
 * and {@code txn} blocks with flattened nesting.
 *
 * <p>Guarantees: a store made while the thread is in a transaction goes through that transaction
 * ({@link Txn#putLong} etc.: undo-logged, redo-buffered or in place for "null"); loads see a redo
 * transaction's own writes; the outermost {@code txnEnd} commits and a panic leaving the outermost
 * block rolls back. Statics are per program (the runtime is loaded per program class loader).
 */
public final class PRt {
  private PRt() {}

  private static volatile Heap heap;
  /** True when a test supplied the heap ({@link #use}): Init adopts it and Close leaves it open. */
  private static volatile boolean preset;
  /** Type descriptor string -> type id in the open heap. */
  private static final Map<String, Integer> ids = new ConcurrentHashMap<>();
  /** Run-time type of *T (or []E) -> its persistent layout and twin class. */
  private static final Map<RType, Reg> regs = new ConcurrentHashMap<>();
  /**
   * Number of running redo transactions: loads consult a transaction only while one runs. Updated
   * atomically ({@link #REDO}): two goroutines starting or ending redo transactions at once must
   * not lose a count (a lost increment would let a redo transaction's loads miss its own writes).
   */
  private static volatile int redoRunning;

  private static final java.lang.invoke.VarHandle REDO;

  static {
    try {
      REDO = java.lang.invoke.MethodHandles.lookup().findStaticVarHandle(PRt.class, "redoRunning", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }
  /** Per-thread txn block depth (the heap's Txn counts its own joins). */
  private static final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);

  /** A registered persistable type: its layout descriptor and twin factory (null for slices). */
  record Reg(String desc, MethodHandle wrap, PKind elemKind) {}

  // ---------------------------------------------------------------- heap

  /** go-pmem's {@code pmem.Init}: opens the heap file, creating it if absent; true if it was created. */
  public static synchronized boolean init(String path) {
    return init(path, "");
  }

  /**
   * go-pmem's Init with an explicit persistence domain ({@code none}, {@code msync}, {@code pmem});
   * an empty name detects it (docs/pmem.md).
   */
  public static synchronized boolean init(String path, String domain) {
    if (preset) return heap.roots().list().isEmpty();
    if (heap != null) throw new GoPanic("pmem: Init called twice");
    Path p = Path.of(path);
    HeapOptions opts = HeapOptions.defaults();
    if (!domain.isEmpty()) opts = opts.withDomain(domain);
    try {
      boolean fresh = !Files.exists(p) || Files.size(p) == 0;
      heap = fresh ? Heap.create(p, opts) : Heap.open(p, opts);
      ids.clear();
      Runtime.getRuntime().addShutdownHook(new Thread(PRt::closeQuietly));
      return fresh;
    } catch (HeapException | java.io.IOException e) {
      throw new GoPanic("pmem: " + e.getMessage());
    }
  }

  /** Opens an already created heap object (tests, crash simulator). */
  public static synchronized void use(Heap h) {
    heap = h;
    preset = h != null;
    ids.clear();
    REDO.setVolatile(0);
    depth.get()[0] = 0;
    PBacking.reset();
    PArrays.reset();
  }

  /** Closes the heap (every committed transaction is already durable). */
  public static synchronized void close() {
    if (preset) return;
    Heap h = heap;
    heap = null;
    PBacking.reset();
    PArrays.reset();
    if (h != null) h.close();
  }

  private static void closeQuietly() {
    try {
      close();
    } catch (RuntimeException ignored) {
      // best effort at exit: the heap is recoverable anyway
    }
  }

  /** The open heap; panics if pmem.Init was not called. */
  public static Heap heap() {
    Heap h = heap;
    if (h == null) throw new GoPanic("pmem: heap not initialised (call pmem.Init first)");
    return h;
  }

  /** The open heap or null. */
  public static Heap heapOrNull() {
    return heap;
  }

  // ---------------------------------------------------------------- types

  /**
   * Parses a layout descriptor {@code name;size;align;field,type,offset,size,KIND;...} (written by the
   * code generator) and registers it with the heap; cached per descriptor.
   */
  public static int typeId(String desc) {
    Integer id = ids.get(desc);
    if (id != null) return id;
    int v = heap().registerType(parse(desc));
    ids.put(desc, v);
    return v;
  }

  static TypeDesc parse(String desc) {
    String[] parts = desc.split(";", -1);
    List<TypeDesc.Field> fs = new ArrayList<>();
    for (int i = 3; i < parts.length; i++) {
      if (parts[i].isEmpty()) continue;
      String[] f = parts[i].split(",", -1);
      fs.add(new TypeDesc.Field(f[0], f[1], Long.parseLong(f[2]), Long.parseLong(f[3]), TypeDesc.Kind.valueOf(f[4])));
    }
    return new TypeDesc(parts[0], Math.max(1, Long.parseLong(parts[1])), Integer.parseInt(parts[2]), fs);
  }

  /** Called by generated main: the run-time type {@code *T} has twin class {@code twin} and layout {@code desc}. */
  public static void register(RType ptrType, Class<?> twin, String desc) {
    try {
      MethodHandle mh = MethodHandles.publicLookup().findConstructor(twin, MethodType.methodType(void.class, PPtr.class));
      regs.put(ptrType, new Reg(desc, mh, null));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("twin class " + twin.getName() + " has no (PPtr) constructor", e);
    }
  }

  /** Called by generated main: the slice type {@code []E} has element layout {@code desc} and element kind. */
  public static void registerSlice(RType sliceType, PKind elemKind) {
    regs.put(sliceType, new Reg(elemKind.desc, null, elemKind));
  }

  /**
   * The earlier form (kind "long", "string", "ptr" or a PKind name; twin for pointer elements),
   * kept for callers that rebuild registrations from constants (the REPL).
   */
  public static void registerSlice(RType sliceType, String elemDesc, String elemKind, Class<?> elemTwin) {
    String k = switch (elemKind) {
      case "long" -> "Long";
      case "string" -> "String";
      case "ptr" -> "Ptr";
      default -> elemKind;
    };
    registerSlice(sliceType, PKind.of(k, elemDesc, elemTwin));
  }

  static Reg reg(Object typedNil, String what) {
    RType t = typedNil instanceof Boxed b ? b.type : typedNil instanceof GoStruct s ? s.goType() : null;
    Reg r = t == null ? null : regs.get(t);
    if (r == null) throw new GoPanic("pmem: " + what + ": " + (t == null ? "nil" : t.string()) + " is not a persistable type");
    return r;
  }

  // ---------------------------------------------------------------- allocation and roots

  /** pnew: a zeroed object of the layout {@code desc}. */
  public static PPtr alloc(String desc) {
    Heap h = heap();
    long off = h.alloc(typeId(desc), 1);
    return h.handle(off);
  }

  /** pmem.New(name, (*T)(nil)): the named root, created zeroed if absent, wrapped as a *T. */
  public static Object newRoot(String name, Object typedNil) {
    Reg r = reg(typedNil, "New");
    Heap h = heap();
    long off = h.roots().make(name, parse(r.desc));
    return wrap(r.wrap, h.handle(off));
  }

  /** pmem.Get(name, (*T)(nil)): the named root or nil. */
  public static Object getRoot(String name, Object typedNil) {
    Reg r = reg(typedNil, "Get");
    Heap h = heap();
    long off = h.roots().get(name, parse(r.desc));
    return off == 0 ? null : wrap(r.wrap, h.handle(off));
  }

  /** pmem.Make(name, []E(nil), n): the named root array as a persistent slice. */
  public static Object makeRoot(String name, Object typedNil, long n) {
    Reg r = reg(typedNil, "Make");
    Heap h = heap();
    var root = h.roots().get(name);
    long off = root != null ? h.roots().get(name, parse(r.desc)) : h.roots().make(name, parse(r.desc), Math.max(1, n));
    long count = root != null ? root.count() : n;
    Object s = PSlices.root(h, off, r.elemKind, (int) count);
    return new Boxed(((Boxed) typedNil).type, s);
  }

  static Object wrap(MethodHandle ctor, PPtr p) {
    try {
      return ctor.invoke(p);
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }

  /** pmake([]E, len, cap): a persistent slice; kind tells the element representation. */
  public static PPtr allocArray(String elemDesc, long len, long cap) {
    if (len < 0) throw new GoPanic(gopl.runtime.RuntimeError.plain("makeslice: len out of range"));
    if (cap < len) throw new GoPanic(gopl.runtime.RuntimeError.plain("makeslice: cap out of range"));
    Heap h = heap();
    long off = h.alloc(typeId(elemDesc), Math.max(1, cap));
    return h.handle(off);
  }

  // ---------------------------------------------------------------- transactions

  /** Enters a txn block: begins the goroutine's transaction, or joins it (flattened nesting). */
  public static void txnBegin(String mode) {
    int[] d = depth.get();
    if (d[0] == 0) gopl.runtime.sync.TxnUnlocks.begin();
    Heap h = heap;
    if (h == null) {
      d[0]++;
      return;
    }
    Txn.Mode m = switch (mode) {
      case "redo" -> Txn.Mode.REDO;
      case "null" -> Txn.Mode.NULL;
      default -> Txn.Mode.UNDO;
    };
    if (d[0] == 0 && m == Txn.Mode.REDO) REDO.getAndAdd(1);
    h.begin(m);
    d[0]++;
  }

  /** Leaves a txn block normally: the outermost commits. */
  public static void txnEnd() {
    int[] d = depth.get();
    if (d[0] == 0) return;
    d[0]--;
    try {
      commitLevel(d[0]);
    } finally {
      if (d[0] == 0) gopl.runtime.sync.TxnUnlocks.end();
    }
  }

  private static void commitLevel(int left) {
    Heap h = heap;
    if (h == null) return;
    Txn tx = h.current();
    if (tx == null) return;
    boolean redo = left == 0 && tx.mode() == Txn.Mode.REDO;
    try {
      tx.commit();
    } finally {
      if (redo) {
        REDO.getAndAdd(-1);
        PSlices.changed(); // the write set was applied in place: other threads' cached slice fields are stale
      }
      if (left == 0) PBacking.committed();
    }
  }

  /** A panic leaves a txn block: the outermost rolls back; an inner one only leaves (flattened). */
  public static void txnPanic() {
    int[] d = depth.get();
    if (d[0] == 0) return;
    d[0]--;
    try {
      abortLevel(d[0]);
    } finally {
      if (d[0] == 0) gopl.runtime.sync.TxnUnlocks.end();
    }
  }

  private static void abortLevel(int left) {
    Heap h = heap;
    if (h == null) return;
    Txn tx = h.current();
    if (tx == null) return;
    if (left == 0) {
      if (tx.mode() == Txn.Mode.REDO) REDO.getAndAdd(-1);
      try {
        tx.abort();
      } finally {
        PBacking.rolledBack();
      }
    } else {
      tx.commit(); // inner level: only decrements the join count
    }
  }

  /** The running transaction of this thread, or null. */
  public static Txn current() {
    Heap h = heap;
    return h == null ? null : h.current();
  }

  // ---------------------------------------------------------------- loads

  private static Txn readTxn(Heap h) {
    return redoRunning == 0 ? null : h.current();
  }

  /** The transaction loads of h must consult (a running redo transaction of this thread), or null. */
  static Txn readTxnOf(Heap h) {
    return readTxn(h);
  }

  public static long getLong(PPtr p, long fo) {
    Heap h = p.heap;
    Txn tx = readTxn(h);
    return tx != null ? tx.getLong(p.off + fo) : h.getLong(p.off + fo);
  }

  public static int getInt(PPtr p, long fo) {
    Heap h = p.heap;
    Txn tx = readTxn(h);
    return tx != null ? tx.getInt(p.off + fo) : h.getInt(p.off + fo);
  }

  public static int getShort(PPtr p, long fo) {
    int lo = getByte(p, fo) & 0xFF, hi = getByte(p, fo + 1);
    return (short) (hi << 8 | lo);
  }

  public static int getByte(PPtr p, long fo) {
    Heap h = p.heap;
    Txn tx = readTxn(h);
    return tx != null ? tx.getByte(p.off + fo) : h.getByte(p.off + fo);
  }

  public static double getDouble(PPtr p, long fo) {
    return Double.longBitsToDouble(getLong(p, fo));
  }

  public static float getFloat(PPtr p, long fo) {
    return Float.intBitsToFloat(getInt(p, fo));
  }

  public static boolean getBool(PPtr p, long fo) {
    return getByte(p, fo) != 0;
  }

  /** A string field: (offset of a byte object, len). */
  public static String getString(PPtr p, long fo) {
    long at = getLong(p, fo);
    int n = (int) getLong(p, fo + 8);
    if (n == 0) return "";
    byte[] b = new byte[n];
    Heap h = p.heap;
    Txn tx = readTxn(h);
    if (tx != null) tx.getBytes(at, b, 0, n);
    else h.getBytes(at, b, 0, n);
    return new String(b, StandardCharsets.ISO_8859_1);
  }

  /** A pointer field: the handle, or null for nil. */
  public static PPtr getPtr(PPtr p, long fo) {
    long at = getLong(p, fo);
    return at == 0 ? null : p.heap.handle(at);
  }

  /** A handle to offset {@code at} (non-zero) of p's heap (a pointer field's cached load misses). */
  public static PPtr handle(PPtr p, long at) {
    return p.heap.handle(at);
  }

  /** The handle {@code fo} bytes into p's object (a nested struct field). */
  public static PPtr derive(PPtr p, long fo) {
    return p.derive(fo);
  }

  // ---------------------------------------------------------------- stores

  public static void putLong(PPtr p, long fo, long v) {
    Heap h = p.heap;
    Txn tx = h.current();
    if (tx != null) tx.putLong(p.off + fo, v);
    else h.putLong(p.off + fo, v);
  }

  public static void putInt(PPtr p, long fo, int v) {
    Heap h = p.heap;
    Txn tx = h.current();
    if (tx != null) tx.putInt(p.off + fo, v);
    else h.putInt(p.off + fo, v);
  }

  public static void putShort(PPtr p, long fo, int v) {
    putByte(p, fo, v);
    putByte(p, fo + 1, v >> 8);
  }

  public static void putByte(PPtr p, long fo, int v) {
    Heap h = p.heap;
    Txn tx = h.current();
    if (tx != null) tx.putByte(p.off + fo, (byte) v);
    else h.putByte(p.off + fo, (byte) v);
  }

  public static void putDouble(PPtr p, long fo, double v) {
    putLong(p, fo, Double.doubleToRawLongBits(v));
  }

  public static void putFloat(PPtr p, long fo, float v) {
    putInt(p, fo, Float.floatToRawIntBits(v));
  }

  public static void putBool(PPtr p, long fo, boolean v) {
    putByte(p, fo, v ? 1 : 0);
  }

  private static final String BYTES_DESC = "uint8;1;1;";

  /** A string store allocates a persistent copy of the bytes (strings are immutable: never logged). */
  public static void putString(PPtr p, long fo, String s) {
    long at = 0;
    int n = s.length();
    if (n > 0) {
      Heap h = p.heap;
      at = h.alloc(typeId(BYTES_DESC), n);
      byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
      Txn tx = h.current();
      if (tx != null) tx.putBytes(at, b, 0, n);
      else {
        h.putBytes(at, b, 0, n);
        h.persist(at, n);
      }
    }
    putLong(p, fo, at);
    putLong(p, fo + 8, n);
  }

  // ---------------------------------------------------------------- volatile values in persistent objects

  /**
   * A field holding a volatile-only value (a {@code *sync.RWMutex}, a chan, a func, a slice of
   * mutexes): the word names an entry of the heap's per-process volatile table (DESIGN.md §4), so
   * after a restart it reads as nil.
   */
  public static Object getVolatile(PPtr p, long fo) {
    return p.heap.volatileRefs().get(getLong(p, fo));
  }

  /** Stores a volatile-only value (logged like any store: a rollback restores the old reference). */
  public static void putVolatile(PPtr p, long fo, Object v) {
    putLong(p, fo, p.heap.volatileRefs().put(v));
  }

  /**
   * A {@code sync.Mutex}-like field held by value: the persistent object's own lock object, made on
   * first use in this process (so it is unlocked after a restart). The word is written directly,
   * never logged: a rollback must not detach a lock that goroutines may hold.
   */
  public static Object volatileValue(PPtr p, long fo, Class<?> c) {
    Heap h = p.heap;
    Object o = h.volatileRefs().get(h.getLong(p.off + fo));
    if (o != null) return o;
    synchronized (h.volatileRefs()) {
      o = h.volatileRefs().get(h.getLong(p.off + fo));
      if (o != null) return o;
      try {
        o = c.getConstructor().newInstance();
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
      h.putLong(p.off + fo, h.volatileRefs().put(o));
      return o;
    }
  }

  /** A pointer store: v must be a persistent twin (or nil). */
  public static void putPtr(PPtr p, long fo, Object v) {
    putLong(p, fo, offsetOf(v, p.heap, "pointer"));
  }

  static long offsetOf(Object v, Heap h, String what) {
    if (v == null) return 0;
    if (v instanceof PObject po) {
      PPtr q = po.pptr();
      if (q.heap != h) throw new GoPanic("pmem: cannot store a pointer into another persistent heap");
      return q.off;
    }
    throw new GoPanic("pmem: cannot store a volatile " + what + " into persistent memory (it would dangle after a restart; allocate it with pnew/pmake)");
  }

  /** Pointer identity for *T that may point to either heap: heap and offset for twins. */
  public static boolean same(Object a, Object b) {
    if (a == b) return true;
    if (a instanceof PObject x && b instanceof PObject y) {
      PPtr p = x.pptr(), q = y.pptr();
      return p.heap == q.heap && p.off == q.off;
    }
    return false;
  }

  // ---------------------------------------------------------------- runtime.* and stats

  /**
   * uintptr(unsafe.Pointer(p)): the persistent offset of a twin (what runtime.InPmem tests), 0 for
   * nil, and a value no heap offset can have (bit 63 set) for a volatile object.
   */
  public static long addr(Object v) {
    if (v == null) return 0;
    if (v instanceof PObject po) return po.pptr().off;
    return Long.MIN_VALUE | (System.identityHashCode(v) & 0xFFFFFFFFL);
  }

  /** runtime.InPmem(addr) for an address made by {@link #addr}. */
  public static boolean inPmem(long addr) {
    Heap h = heap;
    return h != null && addr > 0 && h.inPmem(addr);
  }

  /** txn.Abort(): rolls the whole transaction back now (the blocks still open end as no-ops). */
  public static void txnAbort() {
    int[] d = depth.get();
    Heap h = heap;
    Txn tx = h == null ? null : h.current();
    if (tx != null) {
      if (tx.mode() == Txn.Mode.REDO) REDO.getAndAdd(-1);
      try {
        tx.abort();
      } finally {
        PBacking.rolledBack();
      }
    }
    if (d[0] != 0) gopl.runtime.sync.TxnUnlocks.end();
    d[0] = 0;
  }

  public static void flushRange(Object v, long n) {
    if (v instanceof PObject po) po.pptr().heap.flush(po.pptr().off, n);
  }

  public static void persistRange(Object v, long n) {
    if (v instanceof PObject po) po.pptr().heap.persist(po.pptr().off, n);
  }

  public static void fence() {
    Heap h = heap;
    if (h != null) h.fence();
  }

  /** A one-line description of the heap (pmem.Stats). */
  /** The open heap's persistence domain name, or "" without a heap. */
  public static String domain() {
    Heap h = heap;
    return h == null ? "" : h.domain().name();
  }

  public static String stats() {
    Heap h = heap;
    if (h == null) return "pmem: no heap";
    return "heap " + h.name() + ": " + h.size() + " bytes, domain " + h.domain().name() + ", " + h.roots().list().size() + " roots";
  }
}
