package gopl.runtime.pmem;

/**
 * Size classes of small objects (See package-info for overview). A class is a slot size that
 * includes the 8-byte object header; a span of class c is {@link #spanPages(int)} pages cut into
 * equal slots. Objects whose slot would exceed {@link #MAX_SMALL} are large: a run of pages each.
 */
final class SizeClasses {
  private SizeClasses() {}

  /** Slot size per class; class 0 is unused (it means "large" in the page table). */
  static final int[] SLOT = {
    0, 16, 32, 48, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384, 448, 512, 640, 768, 896,
    1024, 1280, 1536, 1792, 2048, 2560, 3072, 3584, 4096, 5120, 6144, 7168, 8192
  };

  /** Largest small slot. */
  static final int MAX_SMALL = 8192;

  /** Number of classes including the unused class 0. */
  static final int COUNT = SLOT.length;

  private static final byte[] BY_16 = new byte[MAX_SMALL / 16 + 1];

  static {
    int c = 1;
    for (int i = 1; i < BY_16.length; i++) {
      while (SLOT[c] < i * 16) c++;
      BY_16[i] = (byte) c;
    }
  }

  /** The class of a slot of {@code bytes} (header included), or 0 if large. */
  static int classOf(long bytes) {
    if (bytes > MAX_SMALL) return 0;
    return BY_16[(int) ((bytes + 15) >>> 4)];
  }

  /** Pages of a span of class {@code c}: at least 8 slots, at most 16 pages. */
  static int spanPages(int c) {
    return Math.max(1, Math.min(16, SLOT[c] * 8 / Layout.PAGE_SIZE));
  }
}
