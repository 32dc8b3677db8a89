package gopl.cli;

import gopl.frontend.Diagnostic;
import gopl.frontend.ParseResult;
import gopl.frontend.Parser;
import gopl.frontend.Pos;
import gopl.frontend.ast.SourceFile;
import gopl.frontend.ast.Spec;
import gopl.types.PackageSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * STAND-IN for {@code gopl.frontend.Loader} (COMMON.md contract 2, owned by h-frontend), used by
 * {@link Compiler} only until that class exists; delete it then. It loads a {@code .gop} file or a
 * package directory, and transitively every imported package: std packages from the classpath
 * resources {@code gopl/std/<path>/*.gop} listed in {@code gopl/std/INDEX}, other packages from the
 * module (the nearest directory above with a {@code gop.mod}, whose {@code module} line gives the
 * path prefix). Packages come out in dependency order, main last.
 */
final class StandInLoader {
  /** The packages in dependency order (main last) and the diagnostics met while loading. */
  record Loaded(List<PackageSource> packages, List<Diagnostic> diagnostics) {}

  private final ClassLoader resources;
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private final Map<String, PackageSource> done = new LinkedHashMap<>();
  private final Map<String, Boolean> inProgress = new HashMap<>();
  private Path moduleRoot;
  private String modulePath;

  StandInLoader(ClassLoader resources) {
    this.resources = resources;
  }

  Loaded load(Path path) {
    findModule(path.toAbsolutePath().normalize());
    List<Path> files = new ArrayList<>();
    if (Files.isDirectory(path)) {
      try (Stream<Path> s = Files.list(path)) {
        s.filter(Inputs::isGop).filter(p -> !p.toString().endsWith("_test.gop")).sorted().forEach(files::add);
      } catch (IOException e) {
        diagnostics.add(Diagnostic.error(new Pos(path.toString(), 0, 0), "open " + path + ": " + Inputs.reason(e)));
      }
    } else {
      files.add(path);
    }
    List<SourceFile> parsed = new ArrayList<>();
    for (Path f : files) {
      try {
        parse(f.toString(), Files.readString(f, StandardCharsets.UTF_8), parsed);
      } catch (IOException e) {
        diagnostics.add(Diagnostic.error(new Pos(f.toString(), 0, 0), "open " + f + ": " + Inputs.reason(e)));
      }
    }
    if (parsed.isEmpty() || hasErrors()) return new Loaded(List.of(), List.copyOf(diagnostics));
    PackageSource main = new PackageSource("main", parsed.get(0).packageName().name(), parsed, false);
    imports(parsed);
    List<PackageSource> order = new ArrayList<>(done.values());
    order.add(main);
    return new Loaded(order, List.copyOf(diagnostics));
  }

  private boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }

  private void parse(String name, String source, List<SourceFile> into) {
    ParseResult r = Parser.parse(name, source);
    diagnostics.addAll(r.diagnostics());
    if (r.file() != null) into.add(r.file());
  }

  private void imports(List<SourceFile> files) {
    for (SourceFile f : files) {
      for (Spec.Import imp : f.imports()) {
        String path = unquote(imp.path().value());
        if (done.containsKey(path)) continue;
        if (inProgress.containsKey(path)) {
          diagnostics.add(Diagnostic.error(imp.path().pos(), "import cycle not allowed"));
          continue;
        }
        inProgress.put(path, true);
        PackageSource p = loadImport(path, imp.path().pos());
        inProgress.remove(path);
        if (p != null) done.put(path, p);
      }
    }
  }

  private PackageSource loadImport(String path, Pos at) {
    List<SourceFile> parsed = new ArrayList<>();
    boolean std = true;
    for (String entry : stdIndex()) {
      if (entry.startsWith(path + "/") && entry.indexOf('/', path.length() + 1) < 0) {
        parsed.add(parseResource("gopl/std/" + entry));
      }
    }
    if (parsed.isEmpty() && modulePath != null && (path.equals(modulePath) || path.startsWith(modulePath + "/"))) {
      std = false;
      Path dir = moduleRoot.resolve(path.substring(modulePath.length()).replaceFirst("^/", ""));
      try (Stream<Path> s = Files.list(dir)) {
        for (Path f : (Iterable<Path>) s.filter(Inputs::isGop).filter(p -> !p.toString().endsWith("_test.gop")).sorted()::iterator) {
          parse(f.toString(), Files.readString(f, StandardCharsets.UTF_8), parsed);
        }
      } catch (IOException e) {
        // reported below as a missing package
      }
    }
    parsed.removeIf(java.util.Objects::isNull);
    if (parsed.isEmpty()) {
      diagnostics.add(Diagnostic.error(at, "package " + path + " is not in std"));
      return null;
    }
    imports(parsed);
    return new PackageSource(path, parsed.get(0).packageName().name(), parsed, std);
  }

  private SourceFile parseResource(String name) {
    try (InputStream in = resources.getResourceAsStream(name)) {
      if (in == null) return null;
      ParseResult r = Parser.parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
      diagnostics.addAll(r.diagnostics());
      return r.file();
    } catch (IOException e) {
      return null;
    }
  }

  private List<String> stdIndex() {
    try (InputStream in = resources.getResourceAsStream("gopl/std/INDEX")) {
      if (in == null) return List.of();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  private void findModule(Path start) {
    for (Path dir = Files.isDirectory(start) ? start : start.getParent(); dir != null; dir = dir.getParent()) {
      Path mod = dir.resolve("gop.mod");
      if (Files.isRegularFile(mod)) {
        try {
          for (String line : Files.readAllLines(mod)) {
            String l = line.strip();
            if (l.startsWith("module ")) {
              moduleRoot = dir;
              modulePath = unquote(l.substring("module ".length()).strip());
              return;
            }
          }
        } catch (IOException e) {
          return;
        }
      }
    }
  }

  private static String unquote(String lit) {
    if (lit.length() >= 2 && (lit.startsWith("\"") || lit.startsWith("`"))) return lit.substring(1, lit.length() - 1);
    return lit;
  }
}
