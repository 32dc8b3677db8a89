package gopl.launch;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * Finds a JDK of at least a given feature release, by DESIGN.md §1's rule: {@code JAVA_HOME} if
 * it is one, else the newest JDK directory under a root such as {@code /usr/lib/jvm}. A directory
 * is a JDK when it has {@code bin/java} and a {@code release} file whose {@code JAVA_VERSION}
 * names its version (every JDK since 9 ships one). Guarantees: never throws for unreadable or odd
 * directories (they are skipped); returns null when nothing qualifies.
 */
final class JdkFinder {
  private JdkFinder() {}

  static File find(String javaHome, File root, int minFeature) {
    if (javaHome != null && !javaHome.isEmpty() && feature(new File(javaHome)) >= minFeature) return new File(javaHome);
    File best = null;
    int bestFeature = -1;
    File[] dirs = root.listFiles();
    if (dirs == null) return null;
    for (File d : dirs) {
      int f = feature(d);
      if (f >= minFeature && f > bestFeature) {
        best = d;
        bestFeature = f;
      }
    }
    return best;
  }

  /** The feature release of the JDK in dir (25 for "25.0.3", 8 for "1.8.0_412"), or -1. */
  static int feature(File dir) {
    if (!new File(new File(dir, "bin"), "java").canExecute()) return -1;
    Properties p = new Properties();
    try (InputStream in = new FileInputStream(new File(dir, "release"))) {
      p.load(in);
    } catch (IOException e) {
      return -1;
    }
    String v = p.getProperty("JAVA_VERSION", "").replace("\"", "");
    if (v.startsWith("1.")) v = v.substring(2);
    int end = 0;
    while (end < v.length() && Character.isDigit(v.charAt(end))) end++;
    return end == 0 ? -1 : Integer.parseInt(v.substring(0, end));
  }
}
