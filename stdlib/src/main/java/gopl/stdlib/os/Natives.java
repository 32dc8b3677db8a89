package gopl.stdlib.os;

import gopl.runtime.ObjectSlice;
import gopl.runtime.Sys;

/** Java intrinsics of package os (os/os.gop). */
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
}
