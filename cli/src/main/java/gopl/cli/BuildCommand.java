package gopl.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * {@code gopl build [-o OUTPUT] [-v] FILE.gop|DIR}: writes a self-contained runnable jar (program
 * classes + the runtime and stdlib classes copied out of this compiler's own classpath). The
 * default name follows go build: the file's name without {@code .gop}, or the directory's name,
 * plus {@code .jar}, in the current directory.
 */
final class BuildCommand {
  private final Main main;

  BuildCommand(Main main) {
    this.main = main;
  }

  int run(java.util.List<String> args) throws UsageError {
    Flags f = new Flags(Set.of("v", "aot"), Set.of("o", "aot-args")).parse(args);
    if (f.help) return main.usage("build");
    if (f.rest.isEmpty()) throw new UsageError("no .gop file or directory given");
    if (f.rest.size() > 1) throw new UsageError("one program at a time: unexpected " + f.rest.get(1));
    Path path = Inputs.program(f.rest.get(0));
    Path target = target(path, f.value("o"));

    Compilation c = new Compiler().compile(path);
    if (!c.ok()) {
      if (f.bool("v")) main.err().println("gopl: " + c.timings());
      c.errors().forEach(main.err()::println);
      return 1;
    }
    try {
      c.timings().time("write", () -> {
        try {
          JarWriter.write(target, c.classes(), c.mainClass(), RuntimeClasses.collect(Main.class.getClassLoader()));
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
    } catch (java.io.UncheckedIOException e) {
      main.err().println("gopl build: write " + target + ": " + Inputs.reason(e.getCause()));
      return 1;
    }
    if (f.bool("v")) main.err().println("gopl: " + c.timings());
    if (f.bool("aot")) return AotTraining.record(target, f.value("aot-args"), main.err());
    return 0;
  }

  /** The jar to write: -o as given (inside it if it is a directory), else NAME.jar here. */
  static Path target(Path program, String o) {
    if (o != null) {
      Path p = Path.of(o);
      return o.endsWith("/") || Files.isDirectory(p) ? p.resolve(defaultName(program)) : p;
    }
    return Path.of(defaultName(program));
  }

  static String defaultName(Path program) {
    Path abs = program.toAbsolutePath().normalize();
    String name = abs.getFileName() == null ? "main" : abs.getFileName().toString();
    if (name.endsWith(".gop")) name = name.substring(0, name.length() - ".gop".length());
    return name + ".jar";
  }
}
