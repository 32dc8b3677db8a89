package gopl.runtime.pmem;

import java.lang.foreign.MemorySegment;

/**
 * Where the arenas of a heap live: a mapped file ({@link FileMedia}) or plain memory
 * ({@link MemoryMedia}, for the crash simulator and tests). Arenas are mapped one by one and are
 * never remapped, so a segment handed out stays valid until {@link #close}.
 */
public interface Media extends AutoCloseable {
  /** Name used in messages (the file name). */
  String name();

  /** Number of arena-sized segments currently mapped. */
  int mapped();

  /** The segment of arena {@code i} (0 &le; i &lt; mapped()). */
  MemorySegment arena(int i);

  /** Bytes of storage behind the media (file length), which may exceed the mapped arenas. */
  long length();

  /**
   * Makes arena {@code i} (== mapped()) available, extending the storage if needed. New storage
   * reads as zeros.
   */
  MemorySegment map(int i, long arenaSize);

  /** The first {@code len} bytes of the storage, read without mapping (zeros past its end). */
  byte[] readPrefix(int len);

  /** Whether stores stay in this process and never reach the storage (copy-on-write view). */
  boolean readOnly();

  /** Whether this is a file on a DAX file system mapped with READ_WRITE_SYNC. */
  default boolean syncMapped() { return false; }

  @Override
  void close();
}
