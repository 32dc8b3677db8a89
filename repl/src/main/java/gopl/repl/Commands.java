package gopl.repl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The REPL's commands (a line starting with a colon). */
final class Commands {
  static final String HELP = """
      Type Go declarations (func, type, var, const, import), statements or expressions; an
      expression's value is printed with its type. Std packages are imported when used by name.
      Incomplete input (open bracket, trailing operator) continues on the next line.
        :help          this text
        :type EXPR     the type of an expression
        :doc NAME      signature and doc comment of a std function (strings.ToUpper)
        :load FILE.gop run a file's declarations (and its var declarations)
        :reset         forget every declaration and variable
        :heap          memory in use and the persistent heap (file, domain, size, used, roots)
        :time STMT     run STMT and print its wall time
        :quit          leave (or Ctrl-D on an empty line)
      Ctrl-C cancels the input being typed or stops the running one; Tab completes; Ctrl-R searches history.
      """;

  private final Repl repl;

  Commands(Repl repl) {
    this.repl = repl;
  }

  /** Runs a command line; returns true when the REPL must quit. */
  boolean run(String line) {
    int sp = line.indexOf(' ');
    String cmd = sp < 0 ? line : line.substring(0, sp);
    String arg = sp < 0 ? "" : line.substring(sp + 1).strip();
    Session s = repl.session();
    switch (cmd) {
      case ":help", ":h", ":?" -> repl.out().print(HELP);
      case ":quit", ":q", ":exit" -> {
        return true;
      }
      case ":type", ":t" -> {
        if (arg.isEmpty()) repl.err().println(":type needs an expression");
        else s.typeOf(arg);
      }
      case ":doc" -> repl.out().println(arg.isEmpty() ? ":doc needs a name, such as strings.ToUpper" : Docs.of(s, arg).stripTrailing());
      case ":load" -> load(arg);
      case ":reset" -> {
        repl.reset();
        repl.out().println("session reset");
      }
      case ":heap" -> heap();
      case ":time" -> {
        if (arg.isEmpty()) {
          repl.err().println(":time needs a statement");
          break;
        }
        long t0 = System.nanoTime();
        s.phases.reset();
        s.eval(arg);
        repl.out().printf("time: run %.3f ms, compile and run %.3f ms%n", s.phases.nanos(Phases.Phase.RUN) / 1e6, (System.nanoTime() - t0) / 1e6);
      }
      default -> repl.err().println("unknown command " + cmd + " (:help lists them)");
    }
    return false;
  }

  private void load(String file) {
    if (file.isEmpty()) {
      repl.err().println(":load needs a file");
      return;
    }
    String text;
    try {
      text = Files.readString(Path.of(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      repl.err().println("open " + file + ": " + e.getMessage());
      return;
    }
    // The package clause goes (blanked, so that lines and columns stay those of the file).
    Lexed lexed = new Lexed(text);
    int pkg = lexed.find(0, gopl.grammar.GoLexer.PACKAGE);
    if (pkg >= 0) {
      int end = lexed.statementEnd(pkg, text.length());
      text = text.substring(0, pkg) + " ".repeat(end - pkg) + text.substring(end);
    }
    if (repl.session().eval(text)) repl.out().println("loaded " + file);
  }

  private void heap() {
    Runtime rt = Runtime.getRuntime();
    long used = rt.totalMemory() - rt.freeMemory();
    repl.out().printf("volatile heap: %.1f MiB in use of %.1f MiB (max %.1f MiB)%n", used / 1048576.0,
        rt.totalMemory() / 1048576.0, rt.maxMemory() / 1048576.0);
    repl.out().printf("session: %d variables, %d declarations%n", repl.session().variables().size(),
        repl.session().declarations().size());
    repl.out().print(repl.session().heapInfo());
  }
}
