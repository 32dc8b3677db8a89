/**
 * Packages {@code sync} and {@code sync/atomic} for compiled GoPL programs. See docs/concurrency.md.
 *
 * <p>Every type's zero value is {@code new T()} (no arguments), so the code generator can allocate
 * them as struct fields and slice elements. Blocking always goes through {@link
 * gopl.runtime.conc.Sleeper}, so a goroutine waiting on a Mutex, RWMutex, WaitGroup or Cond counts as
 * blocked for deadlock detection, with Go 1.19's wait reasons ({@code semacquire}, {@code
 * sync.Cond.Wait}). Misuse is reported with Go's texts: {@code fatal error: sync: unlock of unlocked
 * mutex} (not recoverable, exit 2), {@code panic: sync: negative WaitGroup counter} (a panic).
 *
 * <ul>
 *   <li>{@link gopl.runtime.sync.Mutex}: CAS fast path, FIFO hand-off when contended;
 *   <li>{@link gopl.runtime.sync.RWMutex}: Go's algorithm (reader count biased by a pending writer)
 *       over two {@link gopl.runtime.sync.Sema}phores and a writer Mutex;
 *   <li>{@link gopl.runtime.sync.WaitGroup}, {@link gopl.runtime.sync.Once}, {@link
 *       gopl.runtime.sync.Cond} over Go's ticket-based {@link gopl.runtime.sync.NotifyList};
 *   <li>{@link gopl.runtime.sync.Atomics}: sync/atomic's functions over GoPL pointers; {@link
 *       gopl.runtime.sync.AtomicValue}: {@code atomic.Value}.
 * </ul>
 */
package gopl.runtime.sync;
