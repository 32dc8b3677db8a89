package gopl.runtime.pmem;

import java.lang.foreign.MemorySegment;

/**
 * The immutable part of the superblock (Layout.SB_*) plus the arena count, read and checked
 * before anything is mapped, so that a file of another format is refused without being mapped
 * or written.
 */
record Superblock(int arenaShift, int maxArenas, long heapId, long created, int arenaCount) {

  Superblock(int arenaShift, int maxArenas, long heapId, long created) {
    this(arenaShift, maxArenas, heapId, created, 1);
  }

  /** Writes the immutable fields and their checksum into arena 0 (no flush). */
  void write(MemorySegment a0) {
    a0.asSlice(0, Layout.SB_END).fill((byte) 0);
    a0.set(Checksums.LONG, Layout.SB_MAGIC, Layout.MAGIC);
    a0.set(Checksums.INT, Layout.SB_VERSION, Layout.VERSION);
    a0.set(Checksums.INT, Layout.SB_PAGE_SIZE, Layout.PAGE_SIZE);
    a0.set(Checksums.INT, Layout.SB_ARENA_SHIFT, arenaShift);
    a0.set(Checksums.INT, Layout.SB_MAX_ARENAS, maxArenas);
    a0.set(Checksums.LONG, Layout.SB_HEAP_ID, heapId);
    a0.set(Checksums.LONG, Layout.SB_CREATED, created);
    int crc = Checksums.crc(a0, 0, Layout.SB_IMMUTABLE_LEN);
    a0.set(Checksums.LONG, Layout.SB_CHECKSUM, Checksums.crcWord(crc));
  }

  /** Reads and checks the superblock of {@code media}; throws HeapException naming the problem. */
  static Superblock read(Media media) {
    String n = media.name();
    long len = media.length();
    if (len == 0) throw new HeapException(n + ": empty file (not a GoPL heap)");
    MemorySegment b = MemorySegment.ofArray(media.readPrefix(Layout.SB_END));
    if (len < 8 || b.get(Checksums.LONG, Layout.SB_MAGIC) != Layout.MAGIC)
      throw new HeapException(n + ": not a GoPL heap (bad magic)");
    if (len < Layout.SB_END) throw new HeapException(n + ": truncated heap file (" + len + " bytes)");
    int version = b.get(Checksums.INT, Layout.SB_VERSION);
    if (version != Layout.VERSION)
      throw new HeapException(n + ": unsupported heap format version " + Integer.toUnsignedString(version)
          + " (this build reads version " + Layout.VERSION + ")");
    long crc = Checksums.crcWord(Checksums.crc(b, 0, Layout.SB_IMMUTABLE_LEN));
    if (b.get(Checksums.LONG, Layout.SB_CHECKSUM) != crc)
      throw new HeapException(n + ": damaged heap: superblock checksum mismatch");
    int shift = b.get(Checksums.INT, Layout.SB_ARENA_SHIFT);
    int max = b.get(Checksums.INT, Layout.SB_MAX_ARENAS);
    if (b.get(Checksums.INT, Layout.SB_PAGE_SIZE) != Layout.PAGE_SIZE
        || shift < Layout.MIN_ARENA_SHIFT || shift > Layout.MAX_ARENA_SHIFT || max < 1
        || b.get(Checksums.INT, Layout.SB_FLAGS) != 0 || b.get(Checksums.INT, Layout.SB_RESERVED0) != 0
        || b.get(Checksums.LONG, Layout.SB_RESERVED1) != 0)
      throw new HeapException(n + ": damaged heap: bad superblock fields");
    long count = Checksums.checkedValue(b.get(Checksums.LONG, Layout.SB_ARENA_COUNT), Layout.SB_ARENA_COUNT);
    if (count < 1 || count > max) throw new HeapException(n + ": damaged heap: bad arena count");
    for (int at = Layout.SB_ROOTS; at <= Layout.SB_BOOT_EPOCH; at += 8) {
      if (Checksums.checkedValue(b.get(Checksums.LONG, at), at) < 0)
        throw new HeapException(n + ": damaged heap: superblock word at " + at);
    }
    for (int at = Layout.SB_BOOT_EPOCH + 8; at < Layout.SB_END; at += 8) {
      if (b.get(Checksums.LONG, at) != 0) throw new HeapException(n + ": damaged heap: reserved superblock bytes");
    }
    return new Superblock(shift, max, b.get(Checksums.LONG, Layout.SB_HEAP_ID),
        b.get(Checksums.LONG, Layout.SB_CREATED), (int) count);
  }
}
