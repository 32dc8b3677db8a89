package gopl.repl;

import gopl.frontend.GoPackage;
import gopl.frontend.ParseResult;
import gopl.frontend.Parser;
import gopl.frontend.ast.Decl;
import gopl.frontend.ast.SourceFile;
import gopl.frontend.ast.Spec;
import gopl.frontend.load.StdLibrary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The standard packages a REPL session may import, parsed once per JVM and shared by every cell
 * (the parsed ASTs are immutable records; the checker keys its results by node identity, so the
 * same trees can be checked again and again). Also the source of {@code :doc} (doc comments of
 * std functions) and of package-member completion.
 *
 * <p>Guarantees: {@link #closure} returns packages in dependency order (imports first), as the
 * checker and code generator require (COMMON.md contract 2).
 */
final class StdPackages {
  private final StdLibrary library;
  private final Map<String, GoPackage> parsed = new LinkedHashMap<>();
  /** Package name (last element, as imported) -> import path, for automatic imports. */
  private final Map<String, String> byName = new LinkedHashMap<>();

  private static StdPackages shared;

  /** The std packages visible to this class's loader (cached for the JVM). */
  static synchronized StdPackages shared() {
    if (shared == null) shared = new StdPackages(StdPackages.class.getClassLoader());
    return shared;
  }

  StdPackages(ClassLoader loader) {
    this.library = new StdLibrary(loader);
    for (String path : indexPaths(loader)) {
      if (!library.has(path)) continue;
      GoPackage p = parse(path);
      if (p != null) {
        parsed.put(path, p);
        byName.putIfAbsent(p.name(), path);
      }
    }
  }

  private static List<String> indexPaths(ClassLoader loader) {
    List<String> out = new ArrayList<>();
    try (var in = loader.getResourceAsStream(StdLibrary.ROOT + "INDEX")) {
      if (in == null) return out;
      for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
        line = line.trim();
        int slash = line.lastIndexOf('/');
        if (slash > 0 && !line.startsWith("#") && !out.contains(line.substring(0, slash))) out.add(line.substring(0, slash));
      }
    } catch (java.io.IOException e) {
      // No index: no std packages.
    }
    return out;
  }

  private GoPackage parse(String path) {
    List<SourceFile> files = new ArrayList<>();
    for (String f : library.files(path)) {
      String src = library.source(path, f);
      if (src == null) continue;
      ParseResult r = Parser.parse(StdLibrary.ROOT + path + "/" + f, src);
      files.add(r.file());
    }
    if (files.isEmpty()) return null;
    String name = files.get(0).packageName().name();
    return new GoPackage(path, name, StdLibrary.ROOT + path, List.copyOf(files), true);
  }

  /** The import path of the std package named {@code name} (e.g. "strings"), or null. */
  String pathOfName(String name) {
    return byName.get(name);
  }

  /** Every std package by import path. */
  Map<String, GoPackage> all() {
    return parsed;
  }

  GoPackage get(String path) {
    return parsed.get(path);
  }

  /** The given packages and everything they import, dependency order (imports first). */
  List<GoPackage> closure(Set<String> paths) {
    LinkedHashSet<String> order = new LinkedHashSet<>();
    for (String p : paths) visit(p, order, new LinkedHashSet<>());
    List<GoPackage> out = new ArrayList<>();
    for (String p : order) out.add(parsed.get(p));
    return out;
  }

  private void visit(String path, LinkedHashSet<String> order, Set<String> onPath) {
    GoPackage p = parsed.get(path);
    if (p == null || order.contains(path) || !onPath.add(path)) return;
    for (SourceFile f : p.files()) for (Spec.Import imp : f.imports()) visit(unquote(imp.path().value()), order, onPath);
    order.add(path);
  }

  static String unquote(String lit) {
    return lit.length() >= 2 ? lit.substring(1, lit.length() - 1) : lit;
  }

  /** The function (or method, "T.M") named {@code member} of package {@code path} with its doc. */
  Decl.Func func(String path, String member) {
    GoPackage p = parsed.get(path);
    if (p == null) return null;
    for (SourceFile f : p.files()) {
      for (Decl d : f.decls()) {
        if (d instanceof Decl.Func fd && DeclKeys.funcKey(fd).equals(member)) return fd;
      }
    }
    return null;
  }
}
