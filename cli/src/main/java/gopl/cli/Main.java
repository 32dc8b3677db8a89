package gopl.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code gopl} command: dispatches to run, build, check, test, repl, heap, version and help.
 *
 * <p>Guarantees (as the go command): a usage mistake (unknown command or flag, missing file)
 * prints one line, {@code gopl <command>: <message>}, and exits with status 2; compile errors go
 * to stderr as {@code file:line:col: message} with status 1; a user mistake never shows a Java
 * stack trace. Only a compiler bug prints an internal-error report (with a few frames) and exits
 * with status 2.
 */
public final class Main {
  private final PrintStream out;
  private final PrintStream err;
  private final OutputStream rawOut;
  private final OutputStream rawErr;

  /**
   * @param stdout where {@code gopl}'s own output and the program's stdout go
   * @param stderr where diagnostics and the program's stderr go
   */
  public Main(OutputStream stdout, OutputStream stderr) {
    this.rawOut = stdout;
    this.rawErr = stderr;
    this.out = new PrintStream(stdout, true, StandardCharsets.UTF_8);
    this.err = new PrintStream(stderr, true, StandardCharsets.UTF_8);
  }

  public static void main(String[] args) {
    OutputStream stdout = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
    OutputStream stderr = new FileOutputStream(FileDescriptor.err);
    int code = new Main(stdout, stderr).run(args);
    System.exit(code);
  }

  /** Runs one gopl command line and returns the exit status. */
  public int run(String... args) {
    try {
      return dispatch(Arrays.asList(args));
    } finally {
      out.flush();
      err.flush();
    }
  }

  private int dispatch(List<String> args) {
    if (args.isEmpty()) {
      err.print(Help.MAIN);
      return 2;
    }
    String cmd = args.get(0);
    List<String> rest = args.subList(1, args.size());
    try {
      return switch (cmd) {
        case "run" -> new RunCommand(this).run(rest);
        case "build" -> new BuildCommand(this).run(rest);
        case "check" -> new CheckCommand(this).run(rest);
        case "test" -> new TestCommand(this).run(rest);
        case "repl" -> gopl.repl.Repl.main(rest, System.in, rawOut, rawErr);
        case "heap" -> gopl.runtime.pmem.tool.HeapTool.run(rest.toArray(String[]::new), out, err);
        case "version" -> version(rest);
        case "help", "-h", "-help", "--help" -> help(rest);
        default -> throw new UsageError(
            cmd.startsWith("-") ? "unknown flag " + cmd + " (see 'gopl help')" : "unknown command (see 'gopl help')");
      };
    } catch (UsageError e) {
      err.println((cmd.startsWith("-") ? "gopl" : "gopl " + cmd) + ": " + e.getMessage());
      return 2;
    } catch (RuntimeException | Error e) {
      internalError(cmd, e);
      return 2;
    }
  }

  private int version(List<String> args) throws UsageError {
    Flags f = new Flags(java.util.Set.of(), java.util.Set.of()).parse(args);
    if (f.help) return usage("version");
    if (!f.rest.isEmpty()) throw new UsageError("unexpected argument " + f.rest.get(0));
    out.println(Version.line());
    return 0;
  }

  private int help(List<String> args) throws UsageError {
    if (args.isEmpty()) {
      out.print(Help.MAIN);
      return 0;
    }
    if (args.size() > 1) throw new UsageError("too many arguments");
    if (args.get(0).equals("repl")) return gopl.repl.Repl.main(List.of("-h"), System.in, rawOut, rawErr);
    if (args.get(0).equals("heap")) return gopl.runtime.pmem.tool.HeapTool.run(new String[] {"--help"}, out, err);
    if (!Help.COMMANDS.containsKey(args.get(0))) throw new UsageError("unknown help topic " + args.get(0));
    return usage(args.get(0));
  }

  /** Prints a command's usage on stdout (asked for with -h or gopl help) and returns 0. */
  int usage(String command) {
    out.print(Help.COMMANDS.get(command));
    return 0;
  }

  /** A compiler bug: one report line, a few frames for the bug report. */
  void internalError(String cmd, Throwable e) {
    err.println("gopl " + cmd + ": internal compiler error: " + e);
    StackTraceElement[] frames = e.getStackTrace();
    for (int i = 0; i < Math.min(8, frames.length); i++) err.println("\tat " + frames[i]);
    err.println("This is a bug in GoPL; please report it with the program that triggers it.");
  }

  PrintStream out() {
    return out;
  }

  PrintStream err() {
    return err;
  }

  /** A byte-transparent stream over stdout for the program's {@code Sys.out} (Go bytes as chars). */
  PrintStream programOut() {
    return new PrintStream(new BufferedOutputStream(rawOut, 1 << 16), false, StandardCharsets.ISO_8859_1);
  }

  PrintStream programErr() {
    return new PrintStream(new BufferedOutputStream(rawErr, 1 << 13), false, StandardCharsets.ISO_8859_1);
  }
}
