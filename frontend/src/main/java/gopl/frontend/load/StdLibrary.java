package gopl.frontend.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The standard library as class path resources (contract with the stdlib module): an index
 * {@code gopl/std/INDEX} listing {@code <import path>/<file>.gop} one per line, and each file at
 * {@code gopl/std/<import path>/<file>.gop}. Blank lines and lines starting with {@code #} in the
 * index are ignored. A missing index means an empty standard library.
 */
public final class StdLibrary {
  public static final String ROOT = "gopl/std/";

  private final ClassLoader loader;
  /** import path -> file names as the index lists them. */
  private final Map<String, List<String>> packages = new LinkedHashMap<>();

  public StdLibrary(ClassLoader loader) {
    this.loader = loader;
    String index = read(ROOT + "INDEX");
    if (index == null) return;
    for (String raw : index.split("\n")) {
      String line = raw.trim();
      if (line.isEmpty() || line.startsWith("#")) continue;
      int slash = line.lastIndexOf('/');
      if (slash <= 0 || !line.endsWith(".gop")) continue;
      packages.computeIfAbsent(line.substring(0, slash), k -> new ArrayList<>()).add(line.substring(slash + 1));
    }
  }

  public boolean has(String importPath) {
    return packages.containsKey(importPath);
  }

  /** File names of a standard package, sorted as the go command sorts them (empty if unknown). */
  public List<String> files(String importPath) {
    return packages.getOrDefault(importPath, List.of()).stream().sorted().toList();
  }

  /** Source text of one file of a standard package, or null if the resource is missing. */
  public String source(String importPath, String file) {
    return read(ROOT + importPath + "/" + file);
  }

  private String read(String resource) {
    try (InputStream in = loader.getResourceAsStream(resource)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return null;
    }
  }
}
