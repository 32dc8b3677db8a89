package gopl.runtime.sync;

import gopl.runtime.GoStruct;
import gopl.runtime.RType;
import gopl.runtime.conc.Sched;
import gopl.runtime.conc.WaitReason;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Go's {@code sync.RWMutex}, with Go's algorithm (sync/rwmutex.go): "The lock can be held by an
 * arbitrary number of readers or a single writer. The zero value for a RWMutex is an unlocked
 * mutex." Writer preference: "If a goroutine holds a RWMutex for reading and another goroutine
 * might call Lock, no goroutine should expect to be able to acquire a read lock until the initial
 * read lock is released" — a pending writer subtracts {@link #MAX_READERS} from the reader count,
 * so new readers queue behind it; readers active at that moment are waited for; when the writer
 * unlocks, every reader that queued meanwhile is released before the next writer. As with Mutex,
 * unlocking from another goroutine is allowed; RUnlock/Unlock of an unlocked RWMutex are Go's
 * fatal errors.
 */
public final class RWMutex implements Locker, GoStruct {
  private static final int MAX_READERS = 1 << 30;

  /** Held by the writer (writers queue here). */
  private final Mutex w;

  /** Active readers, minus MAX_READERS while a writer is pending or holds the lock. */
  private final AtomicInteger readerCount;

  /** Readers the pending writer still waits for. */
  private final AtomicInteger readerWait;

  private final Sema writerSem = new Sema();
  private final Sema readerSem = new Sema();

  /** The zero value: unlocked. */
  public RWMutex() {
    this(new Mutex(), 0, 0);
  }

  private RWMutex(Mutex w, int readerCount, int readerWait) {
    this.w = w;
    this.readerCount = new AtomicInteger(readerCount);
    this.readerWait = new AtomicInteger(readerWait);
  }

  /** "RLock locks rw for reading." */
  public void RLock() {
    if (readerCount.incrementAndGet() < 0) readerSem.acquire(WaitReason.SEMACQUIRE); // a writer is pending
  }

  /** "TryRLock tries to lock rw for reading and reports whether it succeeded." */
  public boolean TryRLock() {
    for (;;) {
      int c = readerCount.get();
      if (c < 0) return false;
      if (readerCount.compareAndSet(c, c + 1)) return true;
    }
  }

  /** "RUnlock undoes a single RLock call." */
  public void RUnlock() {
    if (TxnUnlocks.active != 0 && TxnUnlocks.postpone(this::RUnlock)) return; // inside a txn block: at its end
    int r = readerCount.decrementAndGet();
    if (r < 0) {
      if (r + 1 == 0 || r + 1 == -MAX_READERS) {
        readerCount.incrementAndGet();
        Sched.fatal("sync: RUnlock of unlocked RWMutex");
        return;
      }
      if (readerWait.decrementAndGet() == 0) writerSem.release(); // the last reader lets the writer in
    }
  }

  /** "Lock locks rw for writing. If the lock is already locked for reading or writing, Lock blocks until the lock is available." */
  @Override
  public void Lock() {
    w.Lock();
    int r = readerCount.addAndGet(-MAX_READERS) + MAX_READERS;
    if (r != 0 && readerWait.addAndGet(r) != 0) writerSem.acquire(WaitReason.SEMACQUIRE);
  }

  /** "TryLock tries to lock rw for writing and reports whether it succeeded." */
  public boolean TryLock() {
    if (!w.TryLock()) return false;
    if (!readerCount.compareAndSet(0, -MAX_READERS)) {
      w.Unlock();
      return false;
    }
    return true;
  }

  /** "Unlock unlocks rw for writing. It is a run-time error if rw is not locked for writing on entry to Unlock." */
  @Override
  public void Unlock() {
    if (TxnUnlocks.active != 0 && TxnUnlocks.postpone(this::Unlock)) return; // inside a txn block: at its end
    int r = readerCount.addAndGet(MAX_READERS);
    if (r >= MAX_READERS) {
      readerCount.addAndGet(-MAX_READERS);
      Sched.fatal("sync: Unlock of unlocked RWMutex");
      return;
    }
    for (int i = 0; i < r; i++) readerSem.release();
    w.Unlock();
  }

  /** A copy of the value (Go copies an RWMutex like any struct): same lock state, no waiters. */
  @Override
  public RWMutex copy() {
    return new RWMutex(w.copy(), readerCount.get(), readerWait.get());
  }

  // ---------------------------------------------------------------- the Go struct view (GoStruct)

  @Override
  public RType goType() {
    return SyncTypes.RWMUTEX_PTR;
  }

  @Override
  public RType structType() {
    return SyncTypes.RWMUTEX;
  }

  /** Go 1.19's fields: {@code w Mutex; writerSem, readerSem uint32; readerCount, readerWait int32}. */
  @Override
  public Object field(int i) {
    return switch (i) {
      case 0 -> w;
      case 1, 2 -> 0;
      case 3 -> readerCount.get();
      case 4 -> readerWait.get();
      default -> throw new IndexOutOfBoundsException(i);
    };
  }

  @Override
  public boolean goEquals(Object other) {
    return other instanceof RWMutex o && o.w.goEquals(w) && o.readerCount.get() == readerCount.get()
        && o.readerWait.get() == readerWait.get();
  }

  @Override
  public int goHash() {
    return w.goHash() * 31 + readerCount.get();
  }

  /** "RLocker returns a Locker interface that implements the Lock and Unlock methods by calling rw.RLock and rw.RUnlock." */
  public Locker RLocker() {
    return new Locker() {
      @Override
      public void Lock() {
        RLock();
      }

      @Override
      public void Unlock() {
        RUnlock();
      }
    };
  }
}
