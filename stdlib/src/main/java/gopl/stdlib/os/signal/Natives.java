package gopl.stdlib.os.signal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Java intrinsics of os/signal: catching, restoring and ignoring Unix signals through the JVM's
 * {@link sun.misc.Signal} (module jdk.unsupported), and the queue from which signal.gop's relay
 * goroutine receives them.
 *
 * <p>Guarantees: a caught signal is queued exactly once per delivery, in arrival order, and
 * {@link #signalRecv} hands them out in that order (it blocks the calling virtual thread in the
 * JDK, not in GoPL's scheduler, so the relay goroutine counts as running, as Go's does in its
 * system call). Signals the JVM reserves (its handler is native: SIGBUS, SIGUSR2, SIGPIPE,
 * SIGXFSZ; or it refuses: SIGQUIT, SIGILL, SIGFPE, SIGSEGV) and SIGKILL/SIGSTOP are never
 * touched. {@link #disableSignal} restores the handler found before the first change (for
 * SIGINT, SIGTERM and SIGHUP the JVM's: run shutdown hooks and exit 128+n, as a killed Go
 * program's shell status reads). Handlers are process-wide while the queue is per program class
 * loader: two programs in one JVM catching the same signal would steal each other's deliveries.
 */
public final class Natives {
  private Natives() {}

  private static final String[] NAMES = {
    null, "HUP", "INT", null, null, "TRAP", "ABRT", null, null, null, "USR1", null, null, null,
    "ALRM", "TERM", "STKFLT", "CHLD", "CONT", null, "TSTP", "TTIN", "TTOU", "URG", "XCPU", null,
    "VTALRM", "PROF", "WINCH", "IO", "PWR", "SYS"
  };

  private static final LinkedBlockingQueue<Integer> QUEUE = new LinkedBlockingQueue<>();
  private static final SignalHandler CATCH = s -> QUEUE.offer(s.getNumber());
  private static final ConcurrentHashMap<Integer, SignalHandler> ORIGINAL = new ConcurrentHashMap<>();
  private static final Set<Integer> IGNORED = ConcurrentHashMap.newKeySet();

  /** The JVM's signal for Unix number n, or null when GoPL leaves n alone. */
  private static Signal signal(long n) {
    if (n <= 0 || n >= NAMES.length || NAMES[(int) n] == null) return null;
    try {
      return new Signal(NAMES[(int) n]);
    } catch (IllegalArgumentException e) {
      return null; // not known on this system
    }
  }

  private static synchronized void install(long n, SignalHandler h) {
    Signal s = signal(n);
    if (s == null) return;
    try {
      SignalHandler old = Signal.handle(s, h);
      ORIGINAL.putIfAbsent((int) n, old);
      if (h == SignalHandler.SIG_IGN) IGNORED.add((int) n);
      else IGNORED.remove((int) n);
    } catch (IllegalArgumentException e) {
      // reserved by the VM (e.g. run with -Xrs): the signal keeps its behaviour
    }
  }

  /** Starts catching signal n into the queue. */
  public static void enableSignal(long n) {
    install(n, CATCH);
  }

  /** Gives signal n back its original behaviour. */
  public static void disableSignal(long n) {
    SignalHandler old = ORIGINAL.get((int) n);
    if (old != null) install(n, old);
  }

  /** Makes the process ignore signal n. */
  public static void ignoreSignal(long n) {
    install(n, SignalHandler.SIG_IGN);
  }

  public static boolean signalIgnored(long n) {
    return IGNORED.contains((int) n);
  }

  /** The next caught signal's number; blocks until there is one. */
  public static long signalRecv() {
    gopl.runtime.Sys.flush(); // output printed so far shows while the program waits for signals
    gopl.runtime.conc.Go.blocking();
    while (true) {
      try {
        return QUEUE.take();
      } catch (InterruptedException e) {
        // a goroutine is never interrupted on purpose: keep waiting
      }
    }
  }
}
