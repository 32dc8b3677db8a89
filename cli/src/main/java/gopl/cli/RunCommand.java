package gopl.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code gopl run [-v] FILE.gop|DIR [--] [args...]}: compiles in memory and runs the program in
 * this JVM in a fresh {@link ProgramClassLoader}; the exit status is the program's.
 */
final class RunCommand {
  private final Main main;

  RunCommand(Main main) {
    this.main = main;
  }

  /**
   * Set by the process entry point, where this run is the only program of the JVM: the program
   * then shares the runtime and stdlib classes of the compiler's loader instead of defining its
   * own copies, so they come pre-parsed and pre-linked from the launcher's AOT cache (start-up).
   * In-process callers (tests) keep the default: a private copy per program (contract 5).
   */
  static volatile boolean oneProgramPerJvm;

  int run(List<String> args) throws UsageError {
    Flags f = new Flags(Set.of("v"), Set.of()).parse(args);
    if (f.help) return main.usage("run");
    if (f.rest.isEmpty()) throw new UsageError("no .gop file or directory given");
    Path path = Inputs.program(f.rest.get(0));
    List<String> programArgs = new ArrayList<>(f.rest.subList(1, f.rest.size()));
    if (!programArgs.isEmpty() && programArgs.get(0).equals("--")) programArgs.remove(0);

    Compilation c = new Compiler().compile(path);
    if (f.bool("v")) main.err().println("gopl: " + c.timings());
    if (!c.ok()) {
      c.errors().forEach(main.err()::println);
      return 1;
    }
    ClassLoader loader = oneProgramPerJvm
        ? new ProgramClassLoader(c.classes(), Main.class.getClassLoader(), java.util.List.of())
        : new ProgramClassLoader(c.classes(), Main.class.getClassLoader());
    PrintStream out = main.programOut();
    PrintStream err = main.programErr();
    ProgramRunner.Outcome o;
    try {
      o = ProgramRunner.run(loader, c.mainClass(), programArgs.toArray(String[]::new), out, err, null);
    } catch (ReflectiveOperationException e) {
      main.internalError("run", e);
      return 2;
    } finally {
      out.flush();
      err.flush();
    }
    if (o.crash() != null) {
      main.internalError("run", o.crash());
      return 2;
    }
    return o.exitCode();
  }
}
