package gopl.repl;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * {@code gopl repl}: the interactive loop around a {@link Session}. On a terminal it reads with
 * JLine (history in {@code ~/.gopl_history}, Ctrl-R search, completion, highlighting, a
 * secondary prompt for incomplete input, Ctrl-C cancels the input or stops a running one, Ctrl-D
 * on an empty line exits). When stdin is not a terminal it reads plain lines without prompts or
 * colours (so {@code echo '1+1' | gopl repl} prints {@code 2 (int)}) and exits at the end of input.
 *
 * <p>Exit status: 0 at the end of input or after :quit; 2 for a usage mistake.
 */
public final class Repl {
  static final String PROMPT = "gopl> ";
  static final String SECONDARY = "....> ";
  static final String USAGE = "usage: gopl repl [--heap FILE]\n";

  private final PrintStream out;
  private final PrintStream err;
  private final String heapFile;
  private Session session;
  private boolean quit;
  /** How many times the interactive loop has started reading an input (tests wait on it). */
  private volatile int reads;

  /**
   * @param out where values and program output go (bytes as the program writes them)
   * @param err where errors go
   */
  Repl(OutputStream out, OutputStream err) {
    this(out, err, null);
  }

  /**
   * A REPL whose sessions use the persistent heap in {@code heapFile} (null: none).
   *
   * @throws IllegalArgumentException if the heap cannot be opened
   */
  Repl(OutputStream out, OutputStream err, String heapFile) {
    this.out = new PrintStream(out, true, StandardCharsets.ISO_8859_1);
    this.err = new PrintStream(err, true, StandardCharsets.UTF_8);
    this.heapFile = heapFile;
    this.session = new Session(this.out, this.err, heapFile);
  }

  /** Runs the REPL on this process's streams (the tmux test starts it this way). */
  public static void main(String[] args) {
    System.out.flush();
    System.exit(main(List.of(args), System.in, new java.io.FileOutputStream(java.io.FileDescriptor.out),
        new java.io.FileOutputStream(java.io.FileDescriptor.err)));
  }

  /** The entry point for {@code gopl repl ARGS} on the process's own streams. */
  public static int main(List<String> args, InputStream in, OutputStream out, OutputStream err) {
    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
    String heap = null;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      switch (a) {
        case "-h", "-help", "--help" -> {
          new PrintStream(out, true, StandardCharsets.UTF_8).print(USAGE + Commands.HELP);
          return 0;
        }
        case "--heap", "-heap" -> {
          if (i + 1 == args.size()) {
            e.println("gopl repl: --heap needs a file\n" + USAGE.strip());
            return 2;
          }
          heap = args.get(++i);
        }
        default -> {
          if (a.startsWith("--heap=") || a.startsWith("-heap=")) {
            heap = a.substring(a.indexOf('=') + 1);
            continue;
          }
          e.println("gopl repl: unknown flag " + a + "\n" + USAGE.strip());
          return 2;
        }
      }
    }
    java.io.Console console = System.console();
    boolean tty = in == System.in && console != null && console.isTerminal();
    try {
      if (!tty) return new Repl(out, err, heap).batch(in);
      try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
        return new Repl(terminal.output(), terminal.output(), heap).interactive(terminal, historyFile());
      }
    } catch (IllegalArgumentException ex) {
      e.println("gopl repl: --heap " + heap + ": " + ex.getMessage());
      return 2;
    } catch (IOException ex) {
      e.println("gopl repl: " + ex.getMessage());
      return 1;
    }
  }

  /** {@code ~/.gopl_history}, with ~ from $HOME as shells have it (else the JVM's user.home). */
  static Path historyFile() {
    String home = System.getenv("HOME");
    return Path.of(home != null && !home.isEmpty() ? home : System.getProperty("user.home"), ".gopl_history");
  }

  // ---------------------------------------------------------------- dumb mode

  /** Reads inputs from a stream that is not a terminal: no prompts, no colours. */
  int batch(InputStream in) throws IOException {
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    StringBuilder input = new StringBuilder();
    try {
      for (String line; !quit && (line = r.readLine()) != null; ) {
        input.append(line);
        if (!line.stripLeading().startsWith(":") && new Lexed(input.toString()).incomplete()) {
          input.append('\n');
          continue;
        }
        handle(input.toString());
        input.setLength(0);
      }
      if (!quit && !input.isEmpty()) handle(input.toString());
    } finally {
      session.close();
    }
    return 0;
  }

  // ---------------------------------------------------------------- interactive

  /** The JLine loop on {@code terminal}; history in {@code history} (null: none). */
  int interactive(Terminal terminal, Path history) {
    LineReaderBuilder b = LineReaderBuilder.builder()
        .terminal(terminal)
        .appName("gopl")
        .parser(new GoplParser())
        .completer(new GoplCompleter(() -> session))
        .highlighter(new GoplHighlighter())
        .variable(LineReader.SECONDARY_PROMPT_PATTERN, SECONDARY)
        .variable(LineReader.INDENTATION, 4)
        .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
        .option(LineReader.Option.INSERT_TAB, false);
    if (history != null) b.variable(LineReader.HISTORY_FILE, history);
    LineReader reader = b.build();
    Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, s -> session.runner.interrupt());
    out.println("GoPL " + "repl: Go expressions, statements and declarations; :help for commands, Ctrl-D to exit");
    if (session.heapOpened() != null) out.println(session.heapOpened());
    try {
      while (!quit) {
        String line;
        try {
          reads++;
          line = reader.readLine(PROMPT);
        } catch (UserInterruptException e) {
          continue; // Ctrl-C: the input is dropped
        } catch (EndOfFileException e) {
          break; // Ctrl-D on an empty line
        }
        terminal.handle(Terminal.Signal.INT, s -> session.runner.interrupt());
        handle(line);
        out.flush();
        err.flush();
      }
    } finally {
      terminal.handle(Terminal.Signal.INT, previous);
      try {
        reader.getHistory().save();
      } catch (IOException e) {
        err.println("gopl repl: history: " + e.getMessage());
      }
      session.close();
    }
    return 0;
  }

  /** One complete input: a command or GoPL code. */
  void handle(String input) {
    String trimmed = input.strip();
    if (trimmed.startsWith(":")) {
      quit = new Commands(this).run(trimmed);
      return;
    }
    session.eval(input);
  }

  Session session() {
    return session;
  }

  /** How many inputs the interactive loop has started to read (it is reading the last one). */
  int reads() {
    return reads;
  }

  void reset() {
    session.close();
    session = new Session(out, err, heapFile);
  }

  PrintStream out() {
    return out;
  }

  PrintStream err() {
    return err;
  }
}
