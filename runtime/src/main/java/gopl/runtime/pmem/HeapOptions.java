package gopl.runtime.pmem;

/**
 * How to create or open a heap.
 *
 * @param domain persistence domain name (none, msync, pmem) or null to detect it
 * @param domainImpl an explicit domain object (the crash simulator); wins over {@code domain}
 * @param arenaShift log2 of the arena size (create only)
 * @param maxArenas arenas the heap may grow to (create only); the heap's size limit
 * @param initialArenas arenas to create at once (create only)
 * @param privateCopy map copy-on-write: nothing is ever written to the file (check, info)
 * @param recover run log recovery and the recovery collection at open
 * @param recoveryGc when open's recovery collection runs; null: {@code BACKGROUND} for a heap file
 *     opened for writing, {@code EAGER} otherwise (private copies, memory media, the crash simulator)
 */
public record HeapOptions(String domain, PersistenceDomain domainImpl, int arenaShift, int maxArenas,
    int initialArenas, boolean privateCopy, boolean recover, RecoveryGc recoveryGc) {

  /**
   * When the collection that rebuilds the allocator's free slots after open runs (docs/pmem.md,
   * "Open time"). Until it has run, the spans found at open count as full and new objects come
   * from fresh spans, so open does not grow with the number of live objects except in EAGER.
   */
  public enum RecoveryGc {
    /** Inside open: mark from the roots and sweep before open returns (refuses damaged pointers). */
    EAGER,
    /** A background thread marks concurrently (snapshot-at-the-beginning barrier), then sweeps in a short pause. */
    BACKGROUND,
    /** Not at open: the first online collection (automatic or {@link Heap#gc}) does it. */
    DEFERRED
  }

  /** Defaults: detected domain, 64 MiB arenas, up to 1024 arenas (64 GiB), recovery on. */
  public static HeapOptions defaults() {
    return new HeapOptions(null, null, Layout.DEFAULT_ARENA_SHIFT, 1024, 1, false, true, null);
  }

  public HeapOptions withDomain(String d) {
    return new HeapOptions(d, domainImpl, arenaShift, maxArenas, initialArenas, privateCopy, recover, recoveryGc);
  }

  public HeapOptions withDomain(PersistenceDomain d) {
    return new HeapOptions(domain, d, arenaShift, maxArenas, initialArenas, privateCopy, recover, recoveryGc);
  }

  public HeapOptions withArenaShift(int s) {
    return new HeapOptions(domain, domainImpl, s, maxArenas, initialArenas, privateCopy, recover, recoveryGc);
  }

  public HeapOptions withMaxArenas(int n) {
    return new HeapOptions(domain, domainImpl, arenaShift, n, initialArenas, privateCopy, recover, recoveryGc);
  }

  public HeapOptions withInitialArenas(int n) {
    return new HeapOptions(domain, domainImpl, arenaShift, maxArenas, n, privateCopy, recover, recoveryGc);
  }

  public HeapOptions withPrivateCopy(boolean p) {
    return new HeapOptions(domain, domainImpl, arenaShift, maxArenas, initialArenas, p, recover, recoveryGc);
  }

  public HeapOptions withRecover(boolean r) {
    return new HeapOptions(domain, domainImpl, arenaShift, maxArenas, initialArenas, privateCopy, r, recoveryGc);
  }

  public HeapOptions withRecoveryGc(RecoveryGc g) {
    return new HeapOptions(domain, domainImpl, arenaShift, maxArenas, initialArenas, privateCopy, recover, g);
  }

  /** Options with the arena size nearest above {@code bytes} (for {@code create --size}). */
  public HeapOptions withSize(long bytes) {
    int s = Layout.MIN_ARENA_SHIFT;
    while (s < Layout.DEFAULT_ARENA_SHIFT && (1L << s) < bytes) s++;
    int arenas = (int) Math.max(1, (bytes + (1L << s) - 1) >>> s);
    return withArenaShift(s).withInitialArenas(arenas).withMaxArenas(Math.max(maxArenas, arenas));
  }
}
