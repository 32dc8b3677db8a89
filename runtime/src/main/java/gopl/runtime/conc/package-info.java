/**
 * Goroutines, channels, select, deadlock detection and run-time timers for compiled GoPL programs.
 * The design (with what the code generator calls) is in docs/concurrency.md; in short:
 *
 * <ul>
 *   <li>{@link gopl.runtime.conc.Go}: {@code go f(x)} starts a virtual thread with its own {@link
 *       gopl.runtime.conc.G} (goroutine id, wait reason); a panic escaping it crashes the program.
 *   <li>{@link gopl.runtime.conc.Sleeper}: the one way anything here blocks. A waiter spins (not at
 *       all by default), yields twice, then parks; a waker must {@code claim} it (a CAS, so a select
 *       blocked on many channels is woken by exactly one) and {@code finish} it.
 *   <li>{@link gopl.runtime.conc.Sched}: deadlock detection by counting. One atomic word holds the
 *       number of goroutines not parked and the number of pending timers; a goroutine subtracts
 *       itself when it parks, its waker adds it back, timers add themselves while pending. When the
 *       word reaches 0 nothing can ever run again: Go's {@code fatal error: all goroutines are
 *       asleep - deadlock!}, exit status 2.
 *   <li>{@link gopl.runtime.conc.Chan}: Go's hchan — a lock, a ring buffer, FIFO queues of
 *       {@link gopl.runtime.conc.Waiter}s (sudogs) for blocked senders and receivers; a value is
 *       handed directly to a waiting partner.
 *   <li>{@link gopl.runtime.conc.Select}: Go's selectgo — random poll order, channels locked in id
 *       order, one Waiter per case sharing one Sleeper.
 *   <li>{@link gopl.runtime.conc.Timer}/{@link gopl.runtime.conc.TimerQueue}: a heap of timers and
 *       one daemon thread firing them; {@link gopl.runtime.conc.Timers} is what package time wraps.
 * </ul>
 *
 * <p>Lock order: a select takes channel locks in increasing {@code Chan.id}; no other lock is held
 * with a channel lock, and nothing parks while holding one.
 */
package gopl.runtime.conc;
