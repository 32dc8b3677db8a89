package gopl.runtime.pmem;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.zip.CRC32C;

/** Checksums of the on-media format: CRC-32C words and self-checking 8-byte words (see Layout). */
final class Checksums {
  private Checksums() {}

  /** CRC-32C of {@code len} bytes of {@code seg} at {@code off}. */
  static int crc(MemorySegment seg, long off, long len) {
    CRC32C c = new CRC32C();
    c.update(seg.asSlice(off, len).asByteBuffer());
    return (int) c.getValue();
  }

  /** A checksum word: the CRC in the low half and its complement in the high half (never 0). */
  static long crcWord(int crc) {
    return (crc & 0xFFFFFFFFL) | ((long) ~crc << 32);
  }

  /** Encodes a 48-bit value as a checked word stored at heap offset {@code at}. 0 encodes as 0. */
  static long checkedWord(long value, long at) {
    if (value == 0) return 0;
    if ((value >>> 48) != 0) throw new IllegalArgumentException("value exceeds 48 bits: " + value);
    return value | (long) check16(value, at) << 48;
  }

  /** Decodes a checked word, or returns -1 if it is damaged. */
  static long checkedValue(long word, long at) {
    if (word == 0) return 0;
    long v = word & 0xFFFF_FFFF_FFFFL;
    if (v == 0 || (word >>> 48) != check16(v, at)) return -1;
    return v;
  }

  private static int check16(long value, long at) {
    long h = (value ^ Long.rotateLeft(at, 29)) * 0x9E3779B97F4A7C15L;
    h ^= h >>> 31;
    h *= 0xBF58476D1CE4E5B9L;
    int c = (int) (h >>> 48) & 0xFFFF;
    return c == 0 ? 1 : c; // a nonzero check keeps the word nonzero
  }

  static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(java.nio.ByteOrder.LITTLE_ENDIAN);
  static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(java.nio.ByteOrder.LITTLE_ENDIAN);
}
