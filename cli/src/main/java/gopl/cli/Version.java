package gopl.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The GoPL version, from the Maven project version (resource {@code gopl/cli/version.properties}). */
public final class Version {
  /** E.g. {@code 0.1.0-SNAPSHOT}; {@code devel} when the resource is missing. */
  public static final String VERSION = load();

  private Version() {}

  /** What {@code gopl version} prints, shaped like {@code go version}'s line. */
  public static String line() {
    String os = System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT);
    String arch = System.getProperty("os.arch").replace("x86_64", "amd64");
    return "gopl version " + VERSION + " java" + Runtime.version().feature() + " " + os + "/" + arch;
  }

  private static String load() {
    try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
      if (in == null) return "devel";
      Properties p = new Properties();
      p.load(in);
      String v = p.getProperty("version", "devel");
      return v.startsWith("${") ? "devel" : v;
    } catch (IOException e) {
      return "devel";
    }
  }
}
