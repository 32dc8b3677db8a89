package gopl.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Writes a self-contained runnable jar: the program's classes, the runtime and stdlib files it
 * needs ({@link RuntimeClasses}), and a manifest whose entry class {@code gopl.launch.JarMain} starts the program's main class (manifest
 * attribute {@code GoPL-Main-Class}), so that {@code java -jar app.jar} works with nothing else on
 * the classpath, even where the default java is older than the runtime needs. The manifest also grants
 * native access ({@code Enable-Native-Access: ALL-UNNAMED}, Java 22+) for the persistent heap's
 * libpmem calls. Entries are sorted and carry a fixed time, so the same program gives the same
 * bytes. The jar is written to a temporary file beside {@code target} and moved into place, so a
 * failed build never leaves half a jar.
 */
public final class JarWriter {
  /** 1980-02-01, the earliest time a zip entry stores exactly. */
  private static final FileTime FIXED_TIME = FileTime.fromMillis(315_532_800_000L + 31L * 86_400_000L);

  private JarWriter() {}

  /** The jar's entry classes (module launcher, compiled for Java 11), read once from this classpath. */
  private static final Map<String, byte[]> LAUNCHER = launcherClasses();

  private static Map<String, byte[]> launcherClasses() {
    Map<String, byte[]> m = new TreeMap<>();
    for (String entry : java.util.List.of("gopl/launch/JarMain.class", "gopl/launch/JdkFinder.class")) {
      try (java.io.InputStream in = JarWriter.class.getClassLoader().getResourceAsStream(entry)) {
        if (in == null) throw new IllegalStateException("the compiler's classpath lacks " + entry);
        m.put(entry, in.readAllBytes());
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return java.util.Collections.unmodifiableMap(m);
  }

  /**
   * @param classes program classes by internal name
   * @param mainClass internal or binary name of the class with {@code main(String[])}
   * @param runtime entry name to bytes of the runtime/stdlib files to include
   */
  public static void write(Path target, Map<String, byte[]> classes, String mainClass, Map<String, byte[]> runtime)
      throws IOException {
    Map<String, byte[]> entries = new TreeMap<>(runtime);
    entries.putAll(LAUNCHER);
    classes.forEach((name, bytes) -> entries.put(name + ".class", bytes));
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, ".gopl-", ".jar.tmp");
    try {
      try (OutputStream file = Files.newOutputStream(tmp);
          JarOutputStream jar = new JarOutputStream(new java.io.BufferedOutputStream(file, 1 << 16), manifest(mainClass))) {
        jar.setLevel(java.util.zip.Deflater.BEST_SPEED); // a build is interactive: speed over the last few KB
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
          JarEntry entry = new JarEntry(e.getKey());
          entry.setLastModifiedTime(FIXED_TIME);
          jar.putNextEntry(entry);
          jar.write(e.getValue());
          jar.closeEntry();
        }
      }
      makeReadable(tmp);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Temporary files are private (0600); a jar is an ordinary readable file (0644), as go build's. */
  private static void makeReadable(Path p) throws IOException {
    try {
      Files.setPosixFilePermissions(p, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: keep its default
    }
  }

  private static Manifest manifest(String mainClass) {
    Manifest m = new Manifest();
    Attributes a = m.getMainAttributes();
    a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    // The entry class re-runs the jar on a JDK 22+ when the default java is older (gopl.launch.JarMain).
    a.put(Attributes.Name.MAIN_CLASS, "gopl.launch.JarMain");
    a.put(new Attributes.Name("GoPL-Main-Class"), mainClass.replace('/', '.'));
    a.put(new Attributes.Name("Created-By"), "gopl " + Version.VERSION);
    a.put(new Attributes.Name("Enable-Native-Access"), "ALL-UNNAMED");
    return m;
  }
}
