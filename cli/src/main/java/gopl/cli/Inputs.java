package gopl.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Checks a program path given on the command line before compiling it, with the go command's
 * wording for the mistakes: {@code open x.gop: no such file or directory}, {@code named files must
 * be .gop files: x.go}, {@code no .gop files in DIR}.
 */
final class Inputs {
  private Inputs() {}

  /** Returns {@code arg} as a path if it names a .gop file or a directory holding .gop files. */
  static Path program(String arg) throws UsageError {
    Path p = Path.of(arg);
    if (Files.isDirectory(p)) {
      try (Stream<Path> files = Files.list(p)) {
        if (files.noneMatch(Inputs::isGop)) throw new UsageError("no .gop files in " + arg);
      } catch (IOException e) {
        throw new UsageError("open " + arg + ": " + reason(e));
      }
      return p;
    }
    if (!Files.exists(p)) throw new UsageError("open " + arg + ": no such file or directory");
    if (!arg.endsWith(".gop")) throw new UsageError("named files must be .gop files: " + arg);
    if (!Files.isReadable(p)) throw new UsageError("open " + arg + ": permission denied");
    return p;
  }

  static boolean isGop(Path p) {
    return p.getFileName().toString().endsWith(".gop") && Files.isRegularFile(p);
  }

  static String reason(IOException e) {
    return e instanceof java.nio.file.AccessDeniedException ? "permission denied" : String.valueOf(e.getMessage());
  }
}
