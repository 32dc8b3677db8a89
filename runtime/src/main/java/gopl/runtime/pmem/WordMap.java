package gopl.runtime.pmem;

/**
 * A redo transaction's write set: 8-byte-aligned heap word -> (value, byte mask), as an
 * open-addressing hash table of primitive arrays (no boxing, no entry objects). Keys are heap
 * offsets, never 0 (offset 0 is the superblock), so 0 marks an empty slot.
 */
final class WordMap {
  private long[] keys = new long[32];
  private long[] vals = new long[32];
  private long[] masks = new long[32];
  private int size;

  boolean isEmpty() { return size == 0; }

  private static int hash(long k) {
    long h = (k >>> 3) * 0x9E3779B97F4A7C15L;
    return (int) (h >>> 32);
  }

  /** Slot of {@code key}, or -1. */
  int find(long key) {
    int m = keys.length - 1;
    for (int i = hash(key) & m; ; i = (i + 1) & m) {
      long k = keys[i];
      if (k == key) return i;
      if (k == 0) return -1;
    }
  }

  /** Slot of {@code key}, inserted with value 0 and mask 0 if absent. */
  int slot(long key) {
    if (2 * (size + 1) > keys.length) grow();
    int m = keys.length - 1;
    for (int i = hash(key) & m; ; i = (i + 1) & m) {
      long k = keys[i];
      if (k == key) return i;
      if (k == 0) {
        keys[i] = key;
        vals[i] = 0;
        masks[i] = 0;
        size++;
        return i;
      }
    }
  }

  long val(int i) { return vals[i]; }
  long mask(int i) { return masks[i]; }
  void set(int i, long val, long mask) {
    vals[i] = val;
    masks[i] = mask;
  }

  private void grow() {
    long[] ok = keys, ov = vals, om = masks;
    keys = new long[ok.length * 2];
    vals = new long[ok.length * 2];
    masks = new long[ok.length * 2];
    size = 0;
    for (int j = 0; j < ok.length; j++) {
      if (ok[j] == 0) continue;
      int i = slot(ok[j]);
      vals[i] = ov[j];
      masks[i] = om[j];
    }
  }

  /** The keys in ascending order. */
  long[] sortedKeys() {
    long[] out = new long[size];
    int n = 0;
    for (long k : keys) if (k != 0) out[n++] = k;
    java.util.Arrays.sort(out);
    return out;
  }
}
