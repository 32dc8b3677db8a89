package gopl.runtime.pmem;

/**
 * A persistent append-only table of fixed-width entries, used for the roots, the types and the
 * lanes: an object {@code [count][entry 0][entry 1]...} named by a checked superblock word.
 * Appending writes the entry past the count and persists it, then persists the new count with
 * one 8-byte store; a full table is copied into one twice as large, persisted, and switched to by
 * one 8-byte store of the superblock word. A crash at any point leaves the old or the new table.
 * No transaction is needed, so lanes can be created before any log exists.
 */
final class AppendTable {
  private final Heap heap;
  private final int sbWord;
  private final int typeId;
  private final int width;
  private long table;
  private long count;

  AppendTable(Heap heap, int sbWord, int typeId, int width) {
    this.heap = heap;
    this.sbWord = sbWord;
    this.typeId = typeId;
    this.width = width;
  }

  /** Reads and checks the table; writes nothing. */
  synchronized void load(String what) {
    table = Checksums.checkedValue(heap.getLong(sbWord), sbWord);
    count = 0;
    if (table == 0) return;
    if (!heap.validRange(table - Layout.OBJ_HEADER, 16) || heap.typeOf(table) != typeId)
      throw heap.damaged(what + " table at " + table + " is not a " + what + " table");
    long words = heap.countOf(table);
    if (!heap.validRange(table, words * 8)) throw heap.damaged(what + " table size");
    count = heap.getLong(table);
    if (count < 0 || 1 + count * width > words) throw heap.damaged(what + " table count " + count);
  }

  synchronized long count() { return count; }

  /** Offset of the table object (0 if none). */
  synchronized long table() { return table; }

  /** Word {@code w} of entry {@code i}. */
  synchronized long get(long i, int w) { return heap.getLong(table + 8 * (1 + i * width + w)); }

  /** Appends an entry durably; returns its index. */
  synchronized long append(long... entry) {
    long words = table == 0 ? 0 : heap.countOf(table);
    if (1 + (count + 1) * width > words) {
      long nw = Math.max(1 + 8L * width, 2 * words);
      long nt = heap.allocSystem(typeId, nw, nw * 8);
      heap.storeLong(nt, count);
      for (long i = 1; i < 1 + count * width; i++) heap.storeLong(nt + 8 * i, heap.getLong(table + 8 * i));
      heap.persist(nt, (1 + count * width) * 8);
      heap.storeLong(sbWord, Checksums.checkedWord(nt, sbWord));
      heap.persist(sbWord, 8);
      table = nt;
    }
    long at = table + 8 * (1 + count * width);
    for (int w = 0; w < width; w++) heap.storeLong(at + 8L * w, entry[w]);
    heap.persist(at, 8L * width);
    heap.storeLong(table, count + 1);
    heap.persist(table, 8);
    return count++;
  }
}
