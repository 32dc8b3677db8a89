package gopl.launch;

import java.io.File;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;

/**
 * Main-Class of every jar written by {@code gopl build}. Compiled for Java 11 (class file 55), so
 * that {@code java -jar app.jar} starts on any java of the last years, including a machine whose
 * default {@code java} is older than the Java 22 the GoPL runtime needs (FFM, virtual threads).
 *
 * <p>Guarantees: on Java 22 or newer it calls the program's main class (the manifest's
 * {@code GoPL-Main-Class}) directly, in this JVM, with the arguments unchanged. On an older Java it
 * finds a JDK 22+ the way the {@code gopl} launcher does (DESIGN.md §1: {@code $JAVA_HOME} if it is
 * one, else the newest under {@code /usr/lib/jvm}), re-runs the same jar there with the standard
 * streams inherited, and exits with that process's status. If there is none it prints one line that
 * says what to install and exits with status 1. It never prints a Java stack trace of its own.
 */
public final class JarMain {
  /** The manifest attribute naming the program's class with {@code main(String[])}. */
  public static final String MAIN_ATTRIBUTE = "GoPL-Main-Class";

  /** The oldest Java feature release the runtime runs on. */
  public static final int MIN_FEATURE = 22;

  private JarMain() {}

  public static void main(String[] args) throws Throwable {
    File jar = ownJar();
    String mainClass = mainClass(jar);
    if (Runtime.version().feature() >= MIN_FEATURE) {
      MethodHandle main =
          MethodHandles.publicLookup()
              .findStatic(Class.forName(mainClass), "main", MethodType.methodType(void.class, String[].class));
      main.invokeExact(args);
      return;
    }
    File jdk = JdkFinder.find(System.getenv("JAVA_HOME"), new File("/usr/lib/jvm"), MIN_FEATURE);
    if (jdk == null) {
      System.err.println(
          jar.getName() + ": needs Java " + MIN_FEATURE + " or newer (this is Java " + Runtime.version().feature()
              + "); install a JDK " + MIN_FEATURE + "+ (e.g. Debian's openjdk-25-jdk) or set JAVA_HOME to one");
      System.exit(1);
    }
    List<String> cmd = new ArrayList<>();
    cmd.add(new File(new File(jdk, "bin"), "java").getPath());
    cmd.add("--enable-native-access=ALL-UNNAMED");
    cmd.add("-cp");
    cmd.add(jar.getPath());
    cmd.add(mainClass);
    for (String a : args) cmd.add(a);
    Process p = new ProcessBuilder(cmd).inheritIO().start();
    System.exit(waitFor(p));
  }

  private static int waitFor(Process p) {
    for (;;) {
      try {
        return p.waitFor();
      } catch (InterruptedException e) {
        // keep waiting: the child owns the terminal and ends on its own (a signal reaches both)
      }
    }
  }

  /**
   * The jar this class came from. A class loaded from a JDK AOT cache ({@code -XX:AOTCache}) has no
   * code-source location; {@code java -jar} then names the jar in {@code java.class.path}.
   */
  private static File ownJar() throws URISyntaxException {
    java.security.CodeSource cs = JarMain.class.getProtectionDomain().getCodeSource();
    if (cs == null || cs.getLocation() == null) return new File(System.getProperty("java.class.path"));
    return new File(cs.getLocation().toURI());
  }

  private static String mainClass(File jar) throws IOException {
    try (JarFile f = new JarFile(jar)) {
      Attributes a = f.getManifest().getMainAttributes();
      String name = a.getValue(MAIN_ATTRIBUTE);
      if (name == null) throw new IOException(jar + ": manifest has no " + MAIN_ATTRIBUTE);
      return name;
    }
  }
}
