package gopl.cli;

import gopl.frontend.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code gopl check [-parse] [-v] [-tags] [-Werror] PATH...}: reports compile errors (type checking
 * included, or syntax only with {@code -parse}) and warnings without generating code; status 1 when
 * there are errors (or warnings, with {@code -Werror}). {@code -tags} prints the persistence tag of
 * every load and store of a persistent struct's field on stdout (docs/persistence.md). With
 * {@code -parse}, directories are walked recursively and {@code .go} files are accepted too, so the
 * parser can be tried on real Go source.
 */
final class CheckCommand {
  private final Main main;

  CheckCommand(Main main) {
    this.main = main;
  }

  int run(List<String> args) throws UsageError {
    Flags f = new Flags(Set.of("parse", "v", "tags", "Werror"), Set.of()).parse(args);
    if (f.help) return main.usage("check");
    if (f.rest.isEmpty()) throw new UsageError("no .gop file or directory given");
    boolean errors = false;
    Compiler compiler = new Compiler();
    Timings total = new Timings();
    if (f.bool("parse")) {
      List<Path> files = new ArrayList<>();
      for (String arg : f.rest) files.addAll(sources(arg));
      List<Diagnostic> diags = compiler.parse(files, total);
      diags.forEach(main.err()::println);
      errors = diags.stream().anyMatch(Diagnostic::isError);
      if (f.bool("v")) main.err().println("gopl: " + files.size() + " files: " + total);
    } else {
      for (String arg : f.rest) {
        Compilation c = compiler.check(Inputs.program(arg));
        c.diagnostics().stream().sorted().forEach(main.err()::println);
        errors |= !c.ok() || f.bool("Werror") && !c.diagnostics().isEmpty();
        if (f.bool("tags")) compiler.persistTags().forEach(main.out()::println);
        if (f.bool("v")) main.err().println("gopl: " + arg + ": " + c.timings());
      }
    }
    return errors ? 1 : 0;
  }

  private static boolean isGo(Path f) {
    return f.getFileName().toString().endsWith(".go") && Files.isRegularFile(f);
  }

  /** The .gop (and .go) files named by {@code arg}: itself, or every .gop file below a directory. */
  private static List<Path> sources(String arg) throws UsageError {
    Path p = Path.of(arg);
    if (!Files.isDirectory(p)) {
      if (arg.endsWith(".go") && Files.isRegularFile(p)) return List.of(p);
      return List.of(Inputs.program(arg));
    }
    try (Stream<Path> walk = Files.walk(p)) {
      List<Path> files = walk.filter(f -> Inputs.isGop(f) || isGo(f)).sorted().toList();
      if (files.isEmpty()) throw new UsageError("no .gop files in " + arg);
      return files;
    } catch (IOException e) {
      throw new UsageError("open " + arg + ": " + Inputs.reason(e));
    }
  }
}
