package gopl.runtime.conc;

/**
 * Go 1.19's wait reasons (runtime/runtime2.go waitReasonStrings) for the blocking operations this
 * runtime implements; a deadlock report prints them as {@code goroutine 1 [chan receive]:}.
 */
public final class WaitReason {
  private WaitReason() {}

  public static final String CHAN_RECEIVE = "chan receive";
  public static final String CHAN_SEND = "chan send";
  public static final String CHAN_RECEIVE_NIL = "chan receive (nil chan)";
  public static final String CHAN_SEND_NIL = "chan send (nil chan)";
  public static final String SELECT = "select";
  public static final String SELECT_NO_CASES = "select (no cases)";
  /** Mutex, RWMutex and WaitGroup waits (Go 1.19 parks them all in semacquire). */
  public static final String SEMACQUIRE = "semacquire";
  public static final String COND_WAIT = "sync.Cond.Wait";
}
