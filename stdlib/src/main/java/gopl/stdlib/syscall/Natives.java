package gopl.stdlib.syscall;

import java.io.IOException;
import java.util.Optional;

/**
 * Java intrinsics of package syscall: process ids, the environment, and sending signals. A signal
 * to the program's own process is raised in the JVM ({@link sun.misc.Signal#raise}, synchronous
 * like Go's kill(2) on itself); other processes are signalled through the system's {@code kill}
 * command. Results are Unix errno numbers (0: success; ESRCH: no such process; EPERM otherwise).
 */
public final class Natives {
  private Natives() {}

  private static final int EPERM = 1, ESRCH = 3, EINVAL = 22;

  public static long getpid() {
    return ProcessHandle.current().pid();
  }

  public static long getppid() {
    Optional<ProcessHandle> p = ProcessHandle.current().parent();
    return p.map(ProcessHandle::pid).orElse(0L);
  }

  public static long kill(long pid, long sig) {
    if (sig < 0 || sig > 64) return EINVAL;
    if (pid > 0 && ProcessHandle.of(pid).isEmpty()) return ESRCH;
    if (sig == 0) return 0; // existence check only
    if (pid == getpid() && raiseSelf(sig)) return 0;
    try {
      Process p = new ProcessBuilder("kill", "-s", Long.toString(sig), Long.toString(pid))
          .redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor() == 0 ? 0 : EPERM;
    } catch (IOException e) {
      return EPERM;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return EPERM;
    }
  }

  private static boolean raiseSelf(long sig) {
    String name = switch ((int) sig) {
      case 1 -> "HUP";
      case 2 -> "INT";
      case 10 -> "USR1";
      case 14 -> "ALRM";
      case 15 -> "TERM";
      case 28 -> "WINCH";
      default -> null;
    };
    if (name == null) return false;
    try {
      sun.misc.Signal.raise(new sun.misc.Signal(name));
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  public static Object[] Getenv(String key) {
    String v = System.getenv(key);
    return new Object[] {v == null ? "" : v, v != null};
  }
}
