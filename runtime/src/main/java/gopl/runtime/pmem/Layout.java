package gopl.runtime.pmem;

/**
 * The on-media format of a GoPL heap file, in one place (PMDK's {@code heap_layout.h}).
 *
 * <p>Every multi-byte field is little-endian. All positions below are <em>heap offsets</em>:
 * arena {@code i} occupies offsets {@code [i << arenaShift, (i + 1) << arenaShift)}, and a
 * pointer stored in the heap is such an offset (never an address); {@code 0} is nil, which can
 * never name an object because offset 0 is the superblock's magic.
 *
 * <pre>
 * arena i:  page 0            header page (arena 0: superblock at [0,256); every arena: arena
 *                              header at [256,288))
 *           pages 1..P        page table: one 8-byte checked word per page of the arena
 *           pages P+1..       data pages: spans of small objects and runs of large objects
 * object:   [header word][payload ...]   a pointer names the payload (or any byte inside it)
 * </pre>
 *
 * <p>A <em>checked word</em> packs a 48-bit value and a 16-bit check derived from the value and the
 * word's own offset ({@link Checksums#checkedWord}). It is written with one aligned 8-byte store,
 * so it is either entirely old or entirely new after a crash, and a flipped bit is detected. The
 * all-zero word is the valid encoding of the value 0 (fresh file pages are valid and empty).
 */
public final class Layout {
  private Layout() {}

  /** Format version written by this code; {@link Heap#open} refuses any other. */
  public static final int VERSION = 1;

  /** Size of a page: the unit of spans, large-object runs and the page table. */
  public static final int PAGE_SIZE = 4096;
  /** Log2 of {@link #PAGE_SIZE}. */
  public static final int PAGE_SHIFT = 12;
  /** The cache-line size that flushes work in. */
  public static final int CACHE_LINE = 64;

  /** Smallest arena: 2^17 = 128 KiB (room for the largest small-object span). */
  public static final int MIN_ARENA_SHIFT = 17;
  /** Largest arena: 2^36 = 64 GiB. */
  public static final int MAX_ARENA_SHIFT = 36;
  /** Default arena: 2^26 = 64 MiB, as go-pmem. */
  public static final int DEFAULT_ARENA_SHIFT = 26;

  // ---- superblock (arena 0, page 0), immutable part covered by SB_CHECKSUM ----

  /** 0, 8 bytes: the ASCII bytes {@code GOPLHEAP}. */
  public static final int SB_MAGIC = 0;
  /** The magic as a little-endian long. */
  public static final long MAGIC = 0x5041454C48504F47L; // "GOPLHEAP"
  /** 8, 4 bytes: {@link #VERSION}. */
  public static final int SB_VERSION = 8;
  /** 12, 4 bytes: feature flags; must be 0. */
  public static final int SB_FLAGS = 12;
  /** 16, 4 bytes: {@link #PAGE_SIZE}; any other value is refused. */
  public static final int SB_PAGE_SIZE = 16;
  /** 20, 4 bytes: log2 of the arena size, in [{@link #MIN_ARENA_SHIFT}, {@link #MAX_ARENA_SHIFT}]. */
  public static final int SB_ARENA_SHIFT = 20;
  /** 24, 4 bytes: most arenas the heap may grow to (its size limit); at least 1. */
  public static final int SB_MAX_ARENAS = 24;
  /** 28, 4 bytes: reserved; must be 0. */
  public static final int SB_RESERVED0 = 28;
  /** 32, 8 bytes: random heap identity, repeated in every arena header. */
  public static final int SB_HEAP_ID = 32;
  /** 40, 8 bytes: creation time, milliseconds since the Unix epoch (informational). */
  public static final int SB_CREATED = 40;
  /** 48, 8 bytes: reserved; must be 0. */
  public static final int SB_RESERVED1 = 48;
  /** 56, 8 bytes: CRC-32C of bytes [0,56) in the low half, its complement in the high half. */
  public static final int SB_CHECKSUM = 56;
  /** Length of the immutable, checksummed part. */
  public static final int SB_IMMUTABLE_LEN = 56;

  // ---- superblock, mutable checked words (each one 8-byte atomic store) ----

  /** 64: checked word, number of arenas in use (&ge; 1). Written last when the heap grows. */
  public static final int SB_ARENA_COUNT = 64;
  /** 72: checked word, offset of the root table object (0 until the first root). */
  public static final int SB_ROOTS = 72;
  /** 80: checked word, offset of the type table object (0 until the first type). */
  public static final int SB_TYPES = 80;
  /** 88: checked word, offset of the lane directory object (0 until the first lane). */
  public static final int SB_LANES = 88;
  /** 96: checked word, boot epoch: incremented (and persisted) by every writable open. */
  public static final int SB_BOOT_EPOCH = 96;
  /** Bytes [104, 256) are reserved and must be 0. */
  public static final int SB_END = 256;

  // ---- arena header (every arena, page 0) ----

  /** 256, 8 bytes: the ASCII bytes {@code GOPLAREN}. */
  public static final int AH_MAGIC = 256;
  /** The arena magic as a little-endian long. */
  public static final long ARENA_MAGIC = 0x4E4552414C504F47L; // "GOPLAREN"
  /** 264, 8 bytes: this arena's index. */
  public static final int AH_INDEX = 264;
  /** 272, 8 bytes: the heap identity ({@link #SB_HEAP_ID}); an arena of another heap is refused. */
  public static final int AH_HEAP_ID = 272;
  /** 280, 8 bytes: CRC-32C of [256,280) and its complement, as {@link #SB_CHECKSUM}. */
  public static final int AH_CHECKSUM = 280;

  // ---- page table (every arena, from page 1) ----

  /** Local offset of the page table in every arena. */
  public static final int PT_OFFSET = PAGE_SIZE;
  /** Page-table value kind (bits 32..35): page is free or the continuation of a span/run. */
  public static final int KIND_NONE = 0;
  /** Page-table value kind: first page of a span of small objects of one size class. */
  public static final int KIND_SMALL = 1;
  /** Page-table value kind: first page of a run holding one large object. */
  public static final int KIND_LARGE = 2;

  /** Packs a page-table value: pages (bits 0..23), size class (24..31), kind (32..35). */
  public static long ptValue(int kind, int sizeClass, int pages) {
    return (long) kind << 32 | (long) (sizeClass & 0xFF) << 24 | (pages & 0xFFFFFF);
  }

  public static int ptKind(long v) { return (int) (v >>> 32) & 0xF; }
  public static int ptClass(long v) { return (int) (v >>> 24) & 0xFF; }
  public static int ptPages(long v) { return (int) v & 0xFFFFFF; }

  /** Pages of the page table of an arena of 2^shift bytes. */
  public static int ptPagesFor(int arenaShift) {
    long pages = 1L << (arenaShift - PAGE_SHIFT);
    return (int) ((pages * 8 + PAGE_SIZE - 1) / PAGE_SIZE);
  }

  /** First data page (local page index) of every arena. */
  public static int firstDataPage(int arenaShift) { return 1 + ptPagesFor(arenaShift); }

  // ---- objects ----

  /** Bytes of the object header word that precedes every payload. */
  public static final int OBJ_HEADER = 8;
  /** Header word: type id in bits 0..31 (0 = no object), element count in bits 32..63. */
  public static long objHeader(int typeId, long count) { return count << 32 | (typeId & 0xFFFFFFFFL); }

  // ---- system type ids (fixed; user types start at FIRST_USER_TYPE) ----

  /** Raw bytes (size 1, no pointers): names, type descriptors. */
  public static final int T_BYTES = 1;
  /** Raw 8-byte words without pointers. */
  public static final int T_WORDS = 2;
  /** Root table: word 0 = count, then entries {name ptr, type id, object ptr}. */
  public static final int T_ROOT_TABLE = 3;
  /** Type table: word 0 = count, then one pointer per type (a T_BYTES descriptor). */
  public static final int T_TYPE_TABLE = 4;
  /** Lane directory: word 0 = count, then one pointer per lane (its first log chunk). */
  public static final int T_LANE_DIR = 5;
  /** Log chunk (bytes): see LC_* below. */
  public static final int T_LOG_CHUNK = 6;
  /** First id handed to a registered type; type id = FIRST_USER_TYPE + index in the type table. */
  public static final int FIRST_USER_TYPE = 16;

  // ---- log chunk (payload of a T_LOG_CHUNK object) ----

  /** 0, 8 bytes: pointer to the next chunk of the lane, 0 if last. */
  public static final int LC_NEXT = 0;
  /** 8, 8 bytes: bytes of the entry area of this chunk. */
  public static final int LC_CAPACITY = 8;
  /**
   * 16, 8 bytes: generation of the lane (first chunk only; 0 = lane never used). The log of
   * generation g starts in the first chunk at entry offset 0 if g is even, at half the capacity if
   * g is odd (so a committed log awaiting its lazily persisted invalidation is never overwritten by
   * the next transaction's log); a log longer than its half continues in the next chunks.
   */
  public static final int LC_GEN = 16;
  /** First entry, 8-aligned. */
  public static final int LC_ENTRIES = 32;
  /** Default entry area of a chunk. */
  public static final int LC_DEFAULT_CAPACITY = 16 * 1024;

  // ---- log entry ----

  /** 0, 8 bytes: generation tag; an entry belongs to the log iff tag == the lane's generation. */
  public static final int LE_GEN = 0;
  /** 8, 8 bytes: target heap offset (COMMIT: number of entries before it). */
  public static final int LE_TARGET = 8;
  /** 16, 4 bytes: payload length. */
  public static final int LE_LEN = 16;
  /** 20, 4 bytes: entry kind (LK_*). */
  public static final int LE_KIND = 20;
  /** 24, 8 bytes: CRC-32C of [0,24), the payload and the entry's own offset, and its complement. */
  public static final int LE_CHECKSUM = 24;
  /** Header length; the payload follows, padded to 8 bytes. */
  public static final int LE_HEADER = 32;
  /** Largest payload of one entry; longer ranges are split. */
  public static final int LE_MAX_PAYLOAD = 4096;
  /** Undo entry: payload is the old bytes of the target range. */
  public static final int LK_UNDO = 1;
  /** Redo entry: payload is the new bytes of the target range. */
  public static final int LK_REDO = 2;
  /** Redo commit record: its checksum also covers the checksums of every redo entry before it. */
  public static final int LK_COMMIT = 3;
  /** Continue in the next chunk. */
  public static final int LK_NEXT_CHUNK = 4;
  /**
   * Undo commit record: payload = [CRC-32C chained over every undo entry's checksum 4][CRC-32C of
   * the new contents of every undo entry's target range, in log order, then of the listed new
   * objects 4][count of new objects 4][0 4][(offset 8, length 8) per new object]; target = number
   * of entries before it. Valid with matching data: committed (recovery keeps the data).
   */
  public static final int LK_UNDO_COMMIT = 5;
  /** Most new-object ranges an undo commit record lists (more: they are fenced before it). */
  public static final int UNDO_COMMIT_MAX_NEW = 250;

  /** Length of a log entry with a payload of {@code len} bytes. */
  public static int entrySize(int len) { return LE_HEADER + ((len + 7) & ~7); }
}
