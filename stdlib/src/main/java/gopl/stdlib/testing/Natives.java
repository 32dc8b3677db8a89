package gopl.stdlib.testing;

import gopl.runtime.Sys;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Java intrinsics of package testing: name matching for -run/-bench (java.util.regex, which
 * agrees with Go's RE2 on the usual patterns), the caller's {@code file.gop:line} for log lines
 * (skipping frames of testing.gop and of functions that called {@code t.Helper()}), and
 * capture of an example's standard output.
 */
public final class Natives {
  private Natives() {}

  private static final Set<String> helpers = ConcurrentHashMap.newKeySet();
  private static PrintStream realOut;
  private static ByteArrayOutputStream captured;

  public static boolean matchString(String pat, String s) {
    return Pattern.compile(pat).matcher(s).find();
  }

  private static boolean userFrame(StackWalker.StackFrame f) {
    String file = f.getFileName();
    return file != null && file.endsWith(".gop") && !file.equals("testing.gop");
  }

  private static String key(StackWalker.StackFrame f) {
    return f.getClassName() + "." + f.getMethodName();
  }

  /** The first user frame's {@code file:line}, skipping helpers; "" if none. */
  public static String callerLine() {
    return StackWalker.getInstance().walk(s -> s.filter(Natives::userFrame)
        .filter(f -> !helpers.contains(key(f)))
        .findFirst()
        .map(f -> f.getFileName() + ":" + f.getLineNumber())
        .orElse(""));
  }

  /** Records the function that called t.Helper() (the first user frame). */
  public static void markHelper() {
    StackWalker.getInstance().walk(s -> s.filter(Natives::userFrame).findFirst())
        .ifPresent(f -> helpers.add(key(f)));
  }

  public static synchronized void captureStart() {
    Sys.out.flush();
    realOut = Sys.out;
    captured = new ByteArrayOutputStream();
    Sys.out = new PrintStream(captured, true);
  }

  public static synchronized String captureStop() {
    Sys.out.flush();
    String s = captured.toString(java.nio.charset.StandardCharsets.ISO_8859_1);
    Sys.out = realOut;
    realOut = null;
    captured = null;
    return s;
  }

  public static synchronized void writeOut(String s) {
    PrintStream out = realOut != null ? realOut : Sys.out;
    Sys.write(out, s);
    out.flush();
  }

  public static long procs() {
    return gopl.stdlib.internal.sched.Natives.GOMAXPROCS(0);
  }
}
