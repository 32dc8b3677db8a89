package gopl.stdlib.os;

import gopl.runtime.ObjectSlice;
import gopl.runtime.Sys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Java intrinsics of package os (os/os.gop, os/proc.gop). */
public final class Natives {
  private Natives() {}

  /** The value of os.Args: the program name followed by its arguments. */
  public static ObjectSlice runtimeArgs() {
    Object[] a = Sys.args.clone();
    return ObjectSlice.of(a);
  }

  /** os.Exit: flushes output and ends the program; never runs deferred calls. */
  public static long Getpid() {
    return ProcessHandle.current().pid();
  }

  public static void Exit(long code) {
    Sys.exit((int) code);
  }

  /** The kernel's host name, as Go reads it (/proc/sys/kernel/hostname), and an errno. */
  public static Object[] hostname() {
    try {
      String s = Files.readString(Path.of("/proc/sys/kernel/hostname"), StandardCharsets.ISO_8859_1);
      int nl = s.indexOf('\n');
      return new Object[] {nl >= 0 ? s.substring(0, nl) : s, 0L}; // bytes as read: Latin-1 chars
    } catch (IOException e) {
      String env = System.getenv("HOSTNAME");
      return env != null ? new Object[] {env, 0L} : new Object[] {"", 2L};
    }
  }

  /** The current directory. */
  public static String getwd() {
    String d = System.getProperty("user.dir");
    return new String(d.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
  }
}
