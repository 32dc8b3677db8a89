package gopl.cli;

import gopl.codegen.CodeGenerator;
import gopl.frontend.Diagnostic;
import gopl.frontend.GoPackage;
import gopl.frontend.LoadResult;
import gopl.frontend.Loader;
import gopl.frontend.ParseResult;
import gopl.frontend.Parser;
import gopl.frontend.Pos;
import gopl.types.CheckResult;
import gopl.types.CheckedPackage;
import gopl.types.Checker;
import gopl.types.PackageSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The whole compiler behind one door: Loader (gopl.frontend) -> Checker (gopl.types) ->
 * CodeGenerator (gopl.codegen), COMMON.md contracts 2-4. Everything else in the cli and the test
 * harness depends only on this class, so a change in a stage's API is absorbed here.
 *
 * <p>Guarantees: each stage runs only if the previous one reported no error; diagnostics come back
 * sorted, in Go's wording, with paths as given; a user mistake never escapes as an exception
 * (a RuntimeException from here is a compiler bug). Phases are timed as {@code parse} (loading and
 * parsing every package), {@code check} and {@code codegen}. A Compiler holds no state between
 * calls and may be used from several threads.
 */
public final class Compiler {
  /** Loads, checks and generates code for the program at {@code path} (a .gop file or a directory). */
  public Compilation compile(Path path) {
    return run(path, true);
  }

  /**
   * Compiles the package in directory {@code dir} with its {@code _test.gop} files and the
   * synthesized test main ({@code gopl test}, see TestCommand) as a program.
   */
  public Compilation compileTests(Path dir, String mainName, String mainSource) {
    return run(dir, true, () -> new Loader(resources()).includeTests(mainName, mainSource));
  }

  /** Loads and type-checks the program at {@code path}, without generating code. */
  /** The persistence tags of the last {@link #check}ed program ({@code gopl check -tags}). */
  public java.util.List<String> persistTags() {
    return persistTags;
  }

  private java.util.List<String> persistTags = java.util.List.of();

  public Compilation check(Path path) {
    return run(path, false);
  }

  /** Parses each file on its own (syntax only); diagnostics sorted. */
  public List<Diagnostic> parse(List<Path> files, Timings timings) {
    List<Diagnostic> out = new ArrayList<>();
    for (Path f : files) {
      String source;
      try {
        source = Files.readString(f, StandardCharsets.UTF_8);
      } catch (IOException e) {
        out.add(Diagnostic.error(new Pos(f.toString(), 0, 0), "open " + f + ": " + Inputs.reason(e)));
        continue;
      }
      ParseResult r = timings.time("parse", () -> Parser.parse(f.toString(), source));
      out.addAll(r.diagnostics());
    }
    return out.stream().sorted().toList();
  }

  private Compilation run(Path path, boolean generate) {
    return run(path, generate, () -> new Loader(resources()));
  }

  private Compilation run(Path path, boolean generate, java.util.function.Supplier<Loader> loader) {
    Timings t = new Timings();
    LoadResult loaded = t.time("parse", () -> loader.get().load(path));
    List<Diagnostic> diags = new ArrayList<>(loaded.diagnostics());
    if (hasErrors(diags)) return done(diags, t);
    List<PackageSource> sources = new ArrayList<>();
    for (GoPackage p : loaded.packagesInDependencyOrder()) {
      sources.add(new PackageSource(p.importPath(), p.name(), p.files(), p.std()));
    }
    CheckResult checked = t.time("check", () -> new Checker().check(sources));
    diags.addAll(checked.diagnostics());
    if (!generate && !hasErrors(diags)) { // gopl check: persistence tags and warnings (docs/persistence.md)
      gopl.codegen.PersistCheck.Result pc = gopl.codegen.PersistCheck.run(checked);
      persistTags = pc.tags();
      diags.addAll(pc.warnings());
    }
    if (hasErrors(diags) || !generate) return done(diags, t);
    diags.addAll(runnable(checked));
    if (hasErrors(diags)) return done(diags, t);
    CodeGenerator.Output gen = t.time("codegen", () -> new CodeGenerator(checked).generate());
    diags.addAll(gen.diagnostics());
    if (hasErrors(diags)) return done(diags, t);
    return new Compilation(sorted(diags), gen.classes(), gen.mainClass(), t);
  }

  /**
   * What go build / go run require of the program besides type-correctness: the last package is
   * package main (the checker itself reports a package main without func main). Reported at the
   * package clause of its first file.
   */
  private static List<Diagnostic> runnable(CheckResult checked) {
    CheckedPackage main = checked.main();
    if (main == null || main.files().isEmpty()) return List.of();
    Pos at = main.files().get(0).packageName().pos();
    if (!main.pkg().name().equals("main")) {
      return List.of(Diagnostic.error(at, "package " + main.pkg().name() + " is not a main package"));
    }
    return List.of();
  }

  /** Where std package sources are found: the context class loader, else this class's. */
  private static ClassLoader resources() {
    ClassLoader cl = Thread.currentThread().getContextClassLoader();
    return cl != null ? cl : Compiler.class.getClassLoader();
  }

  private static Compilation done(List<Diagnostic> diags, Timings t) {
    return new Compilation(sorted(diags), Map.of(), null, t);
  }

  private static boolean hasErrors(List<Diagnostic> diags) {
    return diags.stream().anyMatch(Diagnostic::isError);
  }

  private static List<Diagnostic> sorted(List<Diagnostic> diags) {
    return diags.stream().sorted().toList();
  }
}
