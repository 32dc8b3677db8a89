package gopl.runtime.sync;

/** Go's {@code sync.Locker} for Java callers: {@link Mutex}, {@link RWMutex} and its read locker. */
public interface Locker {
  void Lock();

  void Unlock();
}
