package gopl.frontend;

import gopl.frontend.ast.SourceFile;
import gopl.frontend.ast.Spec;
import gopl.frontend.load.ModFile;
import gopl.frontend.load.StdLibrary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Loads a program: a {@code .gop} file or a package directory, and every package it imports,
 * transitively.
 *
 * <ul>
 *   <li>A directory's package is all its {@code .gop} files not ending in {@code _test.gop}; all
 *       must have the same package name.
 *   <li>The module root is the nearest directory at or above the target holding {@code gop.mod}
 *       (go.mod syntax). An import path equal to the module path or below it names the directory
 *       under the module root; any other path names a standard package read from the class path
 *       (see {@link StdLibrary}); otherwise gc's "package ... is not in std" is reported at the
 *       import.
 *   <li>Import cycles are reported ("import cycle not allowed") at the import that closes them.
 * </ul>
 *
 * The result lists each package after the packages it imports, the requested package last. All
 * problems are diagnostics; nothing is thrown for bad input.
 */
public final class Loader {
  /** Import path of a package given as files or outside any module, as the go command names it. */
  public static final String COMMAND_LINE = "command-line-arguments";

  private final StdLibrary std;
  /** Parses of std files, shared with a helper thread that parses ahead (see {@link StdParses}). */
  private final StdParses stdParses;
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private final Map<String, GoPackage> loaded = new HashMap<>();
  private final List<GoPackage> order = new ArrayList<>();
  /** Packages being loaded (the import chain), for cycle detection. */
  private final LinkedHashSet<String> inProgress = new LinkedHashSet<>();
  private Path moduleRoot;
  private String modulePath;
  /** Test mode (`gopl test`): the target directory's _test.gop files and a synthesized file join its package, renamed main. */
  private String testMainName;
  private String testMainSource;

  /** A loader that reads the standard library through the context class loader. */
  public Loader() {
    this(contextLoader());
  }

  public Loader(ClassLoader stdLoader) {
    this.std = new StdLibrary(stdLoader);
    this.stdParses = new StdParses(std);
  }

  /**
   * Test mode for {@code gopl test}: the target directory's package also gets its {@code
   * _test.gop} files (same package clause only; external {@code _test} packages are not
   * supported) and the synthesized file {@code mainName} with {@code mainSource}, and all its
   * files' package clauses read {@code main}, so the package compiles as a program.
   */
  public Loader includeTests(String mainName, String mainSource) {
    this.testMainName = mainName;
    this.testMainSource = mainSource;
    return this;
  }

  private static ClassLoader contextLoader() {
    ClassLoader cl = Thread.currentThread().getContextClassLoader();
    return cl != null ? cl : Loader.class.getClassLoader();
  }

  /** Loads the file or directory and its imports. A Loader is for one load. */
  public LoadResult load(Path target) {
    Path abs = target.toAbsolutePath().normalize();
    boolean isFile = Files.isRegularFile(abs);
    Path dir = isFile ? abs.getParent() : abs;
    if (!isFile && !Files.isDirectory(abs)) {
      diagnostics.add(Diagnostic.error(new Pos(target.toString(), 0, 0), "no such file or directory: " + target));
      return result();
    }
    findModule(dir);
    String importPath = isFile ? COMMAND_LINE : importPathOf(dir);
    List<Path> files = isFile ? List.of(abs) : sourceFiles(dir);
    if (files.isEmpty()) {
      diagnostics.add(Diagnostic.error(new Pos(target.toString(), 0, 0), "no .gop files in " + target));
      return result();
    }
    List<SourceFile> parsed;
    if (testMainName != null && !isFile) {
      parsed = new ArrayList<>();
      List<Path> all = new ArrayList<>(files);
      all.addAll(testFiles(dir));
      for (Path f : all) parsed.add(parse(displayPath(f), asMain(readFile(f))));
      parsed.add(parse(dir.resolve(testMainName).toString(), testMainSource));
    } else {
      parsed = parseFiles(files);
    }
    stdParses.parseAhead(stdImports(parsed));
    inProgress.add(importPath);
    GoPackage pkg = assemble(importPath, dir.toString(), parsed, false);
    inProgress.remove(importPath);
    finish(pkg);
    return result();
  }

  private LoadResult result() {
    diagnostics.sort(null);
    return new LoadResult(List.copyOf(order), List.copyOf(diagnostics));
  }

  // ---- modules ----

  private void findModule(Path dir) {
    for (Path d = dir; d != null; d = d.getParent()) {
      Path mod = d.resolve("gop.mod");
      if (Files.isRegularFile(mod)) {
        ModFile mf = ModFile.parse(mod.toString(), readFile(mod));
        diagnostics.addAll(mf.diagnostics());
        moduleRoot = d;
        modulePath = mf.modulePath();
        return;
      }
    }
  }

  private String importPathOf(Path dir) {
    if (moduleRoot == null || modulePath == null) return COMMAND_LINE;
    Path rel = moduleRoot.relativize(dir);
    return rel.toString().isEmpty() ? modulePath : modulePath + "/" + rel.toString().replace('\\', '/');
  }

  private boolean inModule(String importPath) {
    return modulePath != null && (importPath.equals(modulePath) || importPath.startsWith(modulePath + "/"));
  }

  // ---- packages ----

  private static List<Path> sourceFiles(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> {
            String n = p.getFileName().toString();
            return n.endsWith(".gop") && !n.endsWith("_test.gop") && Files.isRegularFile(p);
          })
          .sorted()
          .toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  private static List<Path> testFiles(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith("_test.gop") && Files.isRegularFile(p)).sorted().toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  /** The source with its package clause's name replaced by main (same lines and columns after it). */
  /** The import paths of files that name std packages, in source order. */
  private List<String> stdImports(List<SourceFile> files) {
    List<String> out = new ArrayList<>();
    for (SourceFile f : files) {
      for (Spec.Import imp : f.imports()) {
        String p = unquote(imp.path().value());
        if (!inModule(p) && std.has(p) && !out.contains(p)) out.add(p);
      }
    }
    return out;
  }

  private static String asMain(String source) {
    return source.replaceFirst("(?m)^(\\s*package\\s+)[A-Za-z_][A-Za-z_0-9]*", "$1main");
  }

  private List<SourceFile> parseFiles(List<Path> files) {
    List<SourceFile> out = new ArrayList<>();
    for (Path f : files) out.add(parse(displayPath(f), readFile(f)));
    return out;
  }

  private SourceFile parse(String path, String source) {
    ParseResult r = Parser.parse(path, source);
    diagnostics.addAll(r.diagnostics());
    return r.file();
  }

  /** Paths in diagnostics are relative to the working directory when below it, as go prints them. */
  private static String displayPath(Path f) {
    Path cwd = Path.of("").toAbsolutePath();
    return f.startsWith(cwd) ? cwd.relativize(f).toString() : f.toString();
  }

  private static String readFile(Path f) {
    try {
      return Files.readString(f, StandardCharsets.UTF_8);
    } catch (IOException e) {
      try {
        return new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
      } catch (IOException e2) {
        return "";
      }
    }
  }

  /** Checks the package clauses, then loads the imports (dependencies first). */
  private GoPackage assemble(String importPath, String dir, List<SourceFile> files, boolean isStd) {
    String name = files.get(0).packageName().name();
    for (SourceFile f : files) {
      if (!f.packageName().name().equals(name)) {
        diagnostics.add(Diagnostic.error(f.packageName().pos(), "found packages " + name + " ("
            + fileName(files.get(0)) + ") and " + f.packageName().name() + " (" + fileName(f) + ") in " + dir));
        break;
      }
    }
    GoPackage pkg = new GoPackage(importPath, name, dir, List.copyOf(files), isStd);
    for (SourceFile f : files) {
      for (Spec.Import imp : f.imports()) resolve(imp, isStd);
    }
    return pkg;
  }

  private static String fileName(SourceFile f) {
    return Path.of(f.path()).getFileName().toString();
  }

  private void finish(GoPackage pkg) {
    loaded.put(pkg.importPath(), pkg);
    order.add(pkg);
  }

  /** Loads the package an import names (if not loaded yet), reporting missing packages and cycles. */
  private void resolve(Spec.Import imp, boolean fromStd) {
    String path = unquote(imp.path().value());
    if (path.equals("unsafe")) return; // built into the type checker (Universe.unsafe), no source
    if (loaded.containsKey(path)) return;
    if (inProgress.contains(path)) {
      StringBuilder chain = new StringBuilder();
      boolean on = false;
      for (String p : inProgress) {
        if (p.equals(path)) on = true;
        if (on) chain.append(p).append(" imports ");
      }
      chain.append(path);
      diagnostics.add(Diagnostic.error(imp.path().pos(), "import cycle not allowed: " + chain));
      return;
    }
    if (!fromStd && inModule(path)) {
      Path dir = moduleRoot.resolve(path.equals(modulePath) ? "" : path.substring(modulePath.length() + 1)).normalize();
      List<Path> files = Files.isDirectory(dir) ? sourceFiles(dir) : List.of();
      if (files.isEmpty()) {
        diagnostics.add(Diagnostic.error(imp.path().pos(), "package " + path + " is not in module " + modulePath + " (no .gop files in " + dir + ")"));
        return;
      }
      inProgress.add(path);
      GoPackage pkg = assemble(path, dir.toString(), parseFiles(files), false);
      inProgress.remove(path);
      finish(pkg);
      return;
    }
    if (!std.has(path)) {
      diagnostics.add(Diagnostic.error(imp.path().pos(), "package " + path + " is not in std"));
      return;
    }
    List<SourceFile> files = new ArrayList<>();
    for (String file : std.files(path)) {
      ParseResult r = stdParses.file(path, file);
      if (r == null) {
        diagnostics.add(Diagnostic.error(imp.path().pos(), "standard package " + path + ": missing resource " + StdLibrary.ROOT + path + "/" + file));
        continue;
      }
      diagnostics.addAll(r.diagnostics());
      files.add(r.file());
    }
    if (files.isEmpty()) return;
    inProgress.add(path);
    GoPackage pkg = assemble(path, StdLibrary.ROOT + path, files, true);
    inProgress.remove(path);
    finish(pkg);
  }

  /** The value of an import path literal ("fmt" or `fmt`). */
  static String unquote(String lit) {
    if (lit.length() >= 2) return lit.substring(1, lit.length() - 1);
    return lit;
  }
}
