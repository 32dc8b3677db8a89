package gopl.runtime.persist;

import gopl.runtime.pmem.Txn;

/**
 * Java std functions (intrinsics) that write into a persistent {@code []byte} argument —
 * {@code r.Read(buf)}, {@code rand.Read}, an append in place within the capacity — write only the
 * slice's volatile mirror (docs/persistence.md). The code generator calls {@link #synced} with
 * each persistable byte-slice argument that the intrinsic writes (gopl.codegen.PersistNatives
 * classifies every intrinsic; one that only reads, such as conn.Write, is called plainly) after it
 * returns: the mirror window {@code [off, off+cap)} is compared with the heap (as the running
 * transaction sees it) and only the runs of bytes that differ are written through {@link
 * PBacking#wrote} (logged in a transaction, persisted at once outside one).
 *
 * <p>Guarantees: after {@code synced(s)} returns, the heap (or the running transaction) holds
 * every byte of s's capacity window that the mirror holds.
 */
public final class PNatives {
  private PNatives() {}

  private static final int CHUNK = 4096;
  /** Differing runs closer than this are written as one (fewer log entries). */
  private static final int GAP = 64;

  /** Writes to the heap whatever an intrinsic changed in persistent byte slice s's mirror. */
  public static void synced(Object s) {
    if (!(s instanceof PSliceTypes.PSlice ps)) return;
    PBacking b = ps.back();
    if (b.kind.code != PKind.BYTE) return;
    int from = ps.offset();
    int to = Math.min(b.count, from + PSlices.capOf(s));
    byte[] m = (byte[]) b.mirror;
    byte[] h = new byte[Math.min(CHUNK, Math.max(0, to - from))];
    Txn tx = PRt.readTxnOf(b.heap);
    int runStart = -1, runEnd = -1;
    for (int at = from; at < to; at += CHUNK) {
      int n = Math.min(CHUNK, to - at);
      if (tx != null) tx.getBytes(b.at(at), h, 0, n);
      else b.heap.getBytes(b.at(at), h, 0, n);
      int i = 0;
      while (i < n) {
        int d = java.util.Arrays.mismatch(m, at + i, at + n, h, i, n);
        if (d < 0) break;
        int x = at + i + d;
        int e = x + 1;
        while (e < at + n && m[e] != h[e - at]) e++;
        if (runStart >= 0 && x - runEnd <= GAP) {
          runEnd = e;
        } else {
          if (runStart >= 0) b.wrote(runStart, runEnd - runStart);
          runStart = x;
          runEnd = e;
        }
        i = e - at;
      }
    }
    if (runStart >= 0) b.wrote(runStart, runEnd - runStart);
  }
}
