package gopl.runtime;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.function.IntConsumer;

/**
 * The process boundary of a compiled GoPL program (COMMON.md contract 5).
 *
 * <p>Guarantees: everything a program prints goes through {@link #out} and {@link #err}; a Go
 * string (a Java String whose chars are bytes 0-255) is written byte per char, unchanged, by
 * {@link #write(PrintStream, String)}; {@link #exit(int)} flushes both streams, then calls {@link
 * #exitHandler} if one is installed (an in-process test harness installs one that throws to
 * unwind) and otherwise {@link System#exit(int)}. Exiting never runs Go defers and is never caught
 * by {@code recover}: the harness's exception is not a {@link GoPanic}, and {@link Sys#exit} is
 * only reached outside the deferred-call machinery.
 *
 * <p>Both streams are buffered; the program's main wrapper flushes them when {@code main}
 * returns. Statics are per program because each program runs in its own class loader.
 */
public final class Sys {
  private Sys() {}

  /** Standard output of the Go program: buffered, Latin-1 byte-transparent. Never null. */
  public static PrintStream out = stream(FileDescriptor.out);

  /** Standard error of the Go program: buffered, Latin-1 byte-transparent. Never null. */
  public static PrintStream err = stream(FileDescriptor.err);

  /** Called by {@link #exit(int)} instead of {@link System#exit(int)} when non-null. */
  public static IntConsumer exitHandler;

  /** The program's arguments as Go's {@code os.Args} sees them (Args[0] is the program name). */
  public static String[] args = {"gopl"};

  private static PrintStream stream(FileDescriptor fd) {
    OutputStream raw = new FileOutputStream(fd);
    return new PrintStream(new java.io.BufferedOutputStream(raw, 1 << 16), false, java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  /** Writes a Go string's bytes (one per char) to {@code s}. */
  public static void write(PrintStream s, String goString) {
    s.print(goString); // ISO-8859-1 encoding maps chars 0-255 to the same bytes.
  }

  /** Flushes {@link #out} and {@link #err}. */
  public static void flush() {
    out.flush();
    err.flush();
  }

  /**
   * Ends the program with {@code code}: flushes both streams, then the exit handler or {@link
   * System#exit(int)}. Returns only if the handler returns (it normally throws).
   */
  public static void exit(int code) {
    flush();
    IntConsumer h = exitHandler;
    if (h != null) {
      h.accept(code);
    } else {
      System.exit(code);
    }
  }
}
