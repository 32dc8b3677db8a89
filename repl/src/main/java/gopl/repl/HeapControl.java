package gopl.repl;

/**
 * A session's persistent heap as the REPL sees it (docs/repl.md "Persistence"): implemented by
 * {@code gopl.repl.rt.SessionHeap}, which {@link RuntimeLoader} defines beside the session's own
 * runtime classes, so that the heap it opens is the one the session's compiled code uses. This
 * interface comes from the REPL's loader, so both sides agree on it.
 */
public interface HeapControl {
  /**
   * Opens {@code file} (creating the heap if it is absent or empty) and makes it the session's
   * heap: {@code pnew}, {@code txn} and {@code pmem.New/Get} use it, {@code pmem.Init} adopts it.
   * Returns one line saying what was opened; throws IllegalArgumentException with the reason if
   * the file cannot be used.
   */
  String open(String file);

  /** Several lines describing the heap (file, domain, size, used, roots). */
  String info();

  /** Closes the heap (committed work is durable already); the session has no heap afterwards. */
  void close();
}
