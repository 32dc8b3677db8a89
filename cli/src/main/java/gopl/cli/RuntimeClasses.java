package gopl.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The runtime and standard-library files that a program jar must carry, copied out of the
 * classpath this compiler itself runs from: every file under {@code gopl/runtime/} and
 * {@code gopl/stdlib/} (classes and resources, but not the {@code .gop} sources, which only the
 * compiler reads). Works whether those packages live in directories ({@code target/classes} while
 * testing) or in a jar (the shaded {@code gopl.jar}). The result is sorted by entry name, so jars
 * are reproducible.
 */
public final class RuntimeClasses {
  /** Entry-name prefixes copied into every program jar. */
  public static final List<String> PREFIXES = List.of("gopl/runtime/", "gopl/stdlib/");

  /** Resources that mark the roots to copy from: one class of the runtime, one of the stdlib. */
  private static final List<String> MARKERS = List.of("gopl/runtime/Sys.class", "gopl/std/INDEX");

  private RuntimeClasses() {}

  private static final java.util.Map<ClassLoader, Map<String, byte[]>> CACHE =
      java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

  /**
   * Entry name to bytes for every runtime/stdlib file visible to {@code loader}; read once per
   * loader (the classpath of a running compiler does not change). The map is unmodifiable.
   */
  public static Map<String, byte[]> collect(ClassLoader loader) {
    return CACHE.computeIfAbsent(loader, l -> java.util.Collections.unmodifiableMap(read(l)));
  }

  private static Map<String, byte[]> read(ClassLoader loader) {
    Map<String, byte[]> out = new TreeMap<>();
    try {
      for (String marker : MARKERS) {
        Enumeration<URL> urls = loader.getResources(marker);
        while (urls.hasMoreElements()) addRoot(urls.nextElement(), marker, out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static void addRoot(URL url, String marker, Map<String, byte[]> out) throws IOException {
    switch (url.getProtocol()) {
      case "file" -> addDirectory(rootDirectory(url, marker), out);
      case "jar" -> {
        JarURLConnection conn = (JarURLConnection) url.openConnection();
        conn.setUseCaches(false);
        try (JarFile jar = new JarFile(conn.getJarFileURL().getPath())) {
          addJar(jar, out);
        }
      }
      default -> throw new IOException("cannot copy runtime classes from " + url);
    }
  }

  private static Path rootDirectory(URL url, String marker) throws IOException {
    try {
      Path p = Path.of(url.toURI());
      for (int i = 0; i < marker.split("/").length; i++) p = p.getParent();
      return p;
    } catch (URISyntaxException e) {
      throw new IOException(e);
    }
  }

  private static void addDirectory(Path root, Map<String, byte[]> out) throws IOException {
    for (String prefix : PREFIXES) {
      Path dir = root.resolve(prefix);
      if (!Files.isDirectory(dir)) continue;
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
          String name = root.relativize(f).toString().replace(f.getFileSystem().getSeparator(), "/");
          if (wanted(name)) out.putIfAbsent(name, Files.readAllBytes(f));
        }
      }
    }
  }

  private static void addJar(JarFile jar, Map<String, byte[]> out) throws IOException {
    Enumeration<JarEntry> entries = jar.entries();
    while (entries.hasMoreElements()) {
      JarEntry e = entries.nextElement();
      if (e.isDirectory() || !wanted(e.getName()) || out.containsKey(e.getName())) continue;
      try (InputStream in = jar.getInputStream(e)) {
        out.put(e.getName(), in.readAllBytes());
      }
    }
  }

  static boolean wanted(String entry) {
    if (entry.endsWith(".gop")) return false;
    for (String p : PREFIXES) if (entry.startsWith(p)) return true;
    return false;
  }
}
