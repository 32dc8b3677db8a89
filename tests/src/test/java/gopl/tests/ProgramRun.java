package gopl.tests;

import gopl.cli.Compilation;
import gopl.cli.Compiler;
import gopl.cli.ProgramClassLoader;
import gopl.cli.ProgramRunner;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.util.CheckClassAdapter;

/**
 * One conformance program compiled and, if it compiled, run in-process (its own class loader,
 * stdout/stderr captured, os.Exit intercepted: gopl.cli.ProgramRunner), with every generated class
 * put through ASM's CheckClassAdapter. Immutable once {@link #of} returns.
 *
 * @param errors the compile errors as {@code name.gop:LINE:COL: first line of message}, the path
 *     relative to the program's directory
 * @param verifyReport CheckClassAdapter's complaints, class by class; empty when all classes verify
 */
record ProgramRun(
    Compilation compilation,
    List<String> errors,
    ProgramRunner.Outcome outcome,
    String stdout,
    String stderr,
    String verifyReport,
    Throwable harnessFailure) {

  static final Duration TIMEOUT = Duration.ofSeconds(Long.getLong("gopl.timeout", 30));

  static ProgramRun of(Path program) {
    Compilation c = null;
    try {
      c = new Compiler().compile(program.toAbsolutePath());
      List<String> errors = relativeErrors(c, program.toAbsolutePath().getParent());
      if (!c.ok()) return new ProgramRun(c, errors, null, "", "", "", null);
      ProgramClassLoader loader = new ProgramClassLoader(c.classes(), ProgramRun.class.getClassLoader());
      String verify = verify(c.classes(), loader);
      BoundedOutput out = new BoundedOutput();
      BoundedOutput err = new BoundedOutput();
      ProgramRunner.Outcome o;
      try (PrintStream po = new PrintStream(out, false, StandardCharsets.ISO_8859_1);
          PrintStream pe = new PrintStream(err, false, StandardCharsets.ISO_8859_1)) {
        o = ProgramRunner.run(loader, c.mainClass(), new String[0], po, pe, TIMEOUT);
        po.flush();
        pe.flush();
      }
      String stdout = utf8(out) + (out.truncated() ? "\n[output truncated at " + BoundedOutput.LIMIT + " bytes]" : "");
      return new ProgramRun(c, errors, o, stdout, utf8(err), verify, null);
    } catch (Throwable t) {
      return new ProgramRun(c, List.of(), null, "", "", "", t);
    }
  }

  private static String utf8(BoundedOutput bytes) {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static List<String> relativeErrors(Compilation c, Path dir) {
    List<String> out = new ArrayList<>();
    c.errors().forEach(d -> {
      String given = d.pos().file();
      String file = given;
      try {
        file = dir.relativize(Path.of(file).toAbsolutePath()).toString();
      } catch (IllegalArgumentException e) {
        // not below the program's directory (a std file): keep as is
      }
      // a message may name another position in the file (`label L already defined at FILE:7:1`)
      String message = d.message().lines().findFirst().orElse("").replace(given + ":", file + ":");
      out.add(file + ":" + d.pos().line() + ":" + d.pos().column() + ": " + message);
    });
    return out;
  }

  /**
   * Runs CheckClassAdapter.verify over each class and checks that a class with line numbers has a
   * SourceFile naming a .gop file (DESIGN.md §3: JVM stack traces point at GoPL lines); returns
   * the complaints ("" when every class passes).
   */
  static String verify(Map<String, byte[]> classes, ClassLoader loader) {
    StringBuilder report = new StringBuilder();
    classes.keySet().stream().sorted().forEach(name -> {
      StringWriter sw = new StringWriter();
      try {
        CheckClassAdapter.verify(new ClassReader(classes.get(name)), loader, false, new PrintWriter(sw));
      } catch (RuntimeException e) {
        sw.append("CheckClassAdapter: ").append(String.valueOf(e));
      }
      String problem = sourceFileProblem(classes.get(name));
      if (problem != null) sw.append(problem).append('\n');
      if (!sw.toString().isBlank()) report.append("class ").append(name).append(":\n").append(sw);
    });
    return report.toString();
  }

  /**
   * Null when the class's SourceFile names a .gop file, or when it has no SourceFile but no line
   * numbers either (a synthetic helper such as a func-type interface or a struct's copy methods:
   * nothing to point at); otherwise what is wrong.
   */
  private static String sourceFileProblem(byte[] classFile) {
    String[] source = {null};
    boolean[] lines = {false};
    new ClassReader(classFile).accept(new org.objectweb.asm.ClassVisitor(org.objectweb.asm.Opcodes.ASM9) {
      @Override
      public void visitSource(String file, String debug) {
        source[0] = file;
      }

      @Override
      public org.objectweb.asm.MethodVisitor visitMethod(int access, String name, String desc, String sig, String[] exc) {
        return new org.objectweb.asm.MethodVisitor(org.objectweb.asm.Opcodes.ASM9) {
          @Override
          public void visitLineNumber(int line, org.objectweb.asm.Label start) {
            lines[0] = true;
          }
        };
      }
    }, 0);
    if (source[0] == null) return lines[0] ? "line numbers but no SourceFile attribute" : null;
    return source[0].endsWith(".gop") ? null : "SourceFile is " + source[0] + ", not a .gop file";
  }

  /** Why the program did not behave, in a few lines: errors, crash, stderr. For failure messages. */
  String describe() {
    StringBuilder sb = new StringBuilder();
    if (harnessFailure != null) sb.append("harness/compiler threw: ").append(stack(harnessFailure));
    if (compilation != null && !compilation.ok()) sb.append("compile errors:\n  ").append(String.join("\n  ", errors)).append('\n');
    if (outcome != null && outcome.timedOut()) sb.append("timed out after ").append(TIMEOUT).append('\n');
    if (outcome != null && outcome.crash() != null) sb.append("crashed: ").append(stack(outcome.crash()));
    if (!stderr.isEmpty()) sb.append("stderr:\n").append(stderr.length() > 2000 ? stderr.substring(0, 2000) + "..." : stderr);
    return sb.toString();
  }

  private static String stack(Throwable t) {
    StringWriter sw = new StringWriter();
    t.printStackTrace(new PrintWriter(sw));
    String s = sw.toString();
    return s.length() > 3000 ? s.substring(0, 3000) + "...\n" : s;
  }
}
