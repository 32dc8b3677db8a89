package gopl.runtime;

/**
 * Go 1.19's slice growth policy (runtime/slice.go growslice + msize.go roundupsize), so that
 * {@code cap} after {@code append} prints exactly what Go prints.
 *
 * <ol>
 *   <li>If the needed capacity exceeds twice the old one, take the needed capacity.
 *   <li>Else below 256 elements double; from 256 grow by {@code (cap + 3*256) / 4} until enough.
 *   <li>Round the byte size up to Go's malloc size class (below 32 KiB) or to whole 8 KiB pages,
 *       and give the slice all of it: {@code cap = roundedBytes / elemSize}.
 * </ol>
 */
public final class Growth {
  private Growth() {}

  /** runtime/sizeclasses.go class_to_size. */
  private static final int[] CLASS_TO_SIZE = {
    0, 8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224, 240, 256, 288, 320, 352, 384, 416,
    448, 480, 512, 576, 640, 704, 768, 896, 1024, 1152, 1280, 1408, 1536, 1792, 2048, 2304, 2688, 3072, 3200, 3456,
    4096, 4864, 5376, 6144, 6528, 6784, 6912, 8192, 9472, 9728, 10240, 10880, 12288, 13568, 14336, 16384, 18432,
    19072, 20480, 21760, 24576, 27264, 28672, 32768
  };

  private static final int MAX_SMALL_SIZE = 32768;
  private static final long PAGE_SIZE = 8192;

  /** Go's roundupsize: the byte size malloc really hands out for a request of {@code size} bytes. */
  public static long roundUpSize(long size) {
    if (size < MAX_SMALL_SIZE) {
      int lo = 0;
      int hi = CLASS_TO_SIZE.length - 1;
      while (lo < hi) { // smallest class >= size
        int mid = (lo + hi) >>> 1;
        if (CLASS_TO_SIZE[mid] >= size) hi = mid;
        else lo = mid + 1;
      }
      return CLASS_TO_SIZE[lo];
    }
    return (size + PAGE_SIZE - 1) / PAGE_SIZE * PAGE_SIZE;
  }

  /**
   * The capacity growslice gives a slice of {@code oldCap} elements of {@code elemSize} bytes that
   * must hold {@code needed} elements. Panics as Go does ({@code growslice: cap out of range}) when
   * the result cannot be allocated.
   */
  public static int newCap(int oldCap, long needed, int elemSize) {
    long newcap = oldCap;
    long doublecap = newcap + newcap;
    if (needed > doublecap) {
      newcap = needed;
    } else {
      final long threshold = 256;
      if (oldCap < threshold) {
        newcap = doublecap;
      } else {
        while (0 < newcap && newcap < needed) newcap += (newcap + 3 * threshold) / 4;
        if (newcap <= 0) newcap = needed;
      }
    }
    if (elemSize == 0) return (int) Math.min(needed, Integer.MAX_VALUE - 8);
    long capmem = roundUpSize(newcap * elemSize);
    long result = capmem / elemSize;
    if (result > Integer.MAX_VALUE - 8 || needed > Integer.MAX_VALUE - 8) {
      throw new GoPanic(RuntimeError.plain("growslice: cap out of range"));
    }
    return (int) result;
  }

  /** Checks {@code make} sizes: spec "a run-time panic occurs if len is negative or larger than cap". */
  public static void checkMake(long len, long cap) {
    if (len < 0 || len > Integer.MAX_VALUE - 8) throw Panics.makeSliceLen();
    if (cap < len || cap > Integer.MAX_VALUE - 8) throw Panics.makeSliceCap();
  }
}
