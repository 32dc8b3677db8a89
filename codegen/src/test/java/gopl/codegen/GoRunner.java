package gopl.codegen;

import static org.junit.jupiter.api.Assertions.fail;

import gopl.frontend.ParseResult;
import gopl.frontend.Parser;
import gopl.frontend.ast.SourceFile;
import gopl.frontend.ast.Spec;
import gopl.types.CheckResult;
import gopl.types.Checker;
import gopl.types.PackageSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.util.CheckClassAdapter;

/**
 * Test harness: compiles one main-package source (plus the std packages it imports, read from the
 * stdlib module's resources) through Parser, Checker and CodeGenerator, verifies every generated
 * class with ASM's CheckClassAdapter, and runs main in a fresh child-first class loader (runtime
 * and stdlib classes included, so statics are per program), capturing stdout, stderr and the exit
 * code.
 */
final class GoRunner {
  record Result(String stdout, String stderr, int exitCode) {}

  static final class ExitException extends Error {
    final int code;

    ExitException(int code) {
      super(null, null, false, false);
      this.code = code;
    }
  }

  static Map<String, byte[]> compile(String source) {
    List<PackageSource> pkgs = new ArrayList<>();
    Map<String, PackageSource> loaded = new LinkedHashMap<>();
    ParseResult main = Parser.parse("main.gop", source);
    if (!main.diagnostics().isEmpty()) fail("parse: " + main.diagnostics());
    for (Spec.Import imp : main.file().imports()) loadStd(unquote(imp.path().value()), loaded);
    pkgs.addAll(loaded.values());
    pkgs.add(new PackageSource("main", "main", List.of(main.file()), false));
    CheckResult cr = new Checker().check(pkgs);
    if (!cr.ok()) fail("check: " + cr.diagnostics());
    return generate(cr);
  }

  /** Generates and verifies the classes of a checked program. */
  static Map<String, byte[]> generate(CheckResult cr) {
    CodeGenerator.Output out = new CodeGenerator(cr).generate();
    if (!out.ok()) fail("codegen: " + out.diagnostics());
    for (var e : out.classes().entrySet()) verify(e.getKey(), e.getValue(), out.classes());
    return out.classes();
  }

  private static String unquote(String lit) {
    return lit.substring(1, lit.length() - 1);
  }

  /** The std packages path needs, in dependency order. */
  static List<PackageSource> std(String path) {
    Map<String, PackageSource> loaded = new LinkedHashMap<>();
    loadStd(path, loaded);
    return new ArrayList<>(loaded.values());
  }

  private static void loadStd(String path, Map<String, PackageSource> loaded) {
    if (loaded.containsKey(path) || path.equals("unsafe")) return; // unsafe is built into the checker
    List<SourceFile> files = new ArrayList<>();
    String index = resource("gopl/std/INDEX");
    String name = null;
    for (String line : index.split("\n")) {
      line = line.trim();
      if (!line.startsWith(path + "/") || line.substring(path.length() + 1).contains("/")) continue;
      ParseResult r = Parser.parse(line, resource("gopl/std/" + line));
      if (!r.diagnostics().isEmpty()) fail("parse std " + line + ": " + r.diagnostics());
      files.add(r.file());
      name = r.file().packageName().name();
      for (Spec.Import imp : r.file().imports()) loadStd(unquote(imp.path().value()), loaded);
    }
    if (files.isEmpty()) fail("no std package " + path);
    loaded.put(path, new PackageSource(path, name, files, true));
  }

  private static String resource(String name) {
    try (InputStream in = GoRunner.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) fail("missing resource " + name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void verify(String name, byte[] bytes, Map<String, byte[]> all) {
    StringWriter sw = new StringWriter();
    ClassLoader loader = new ProgramLoader(all);
    try {
      CheckClassAdapter.verify(new ClassReader(bytes), loader, false, new PrintWriter(sw));
    } catch (RuntimeException e) {
      fail("verify " + name + ": " + e + "\n" + sw);
    }
    if (!sw.toString().isEmpty()) fail("verify " + name + ":\n" + sw);
  }

  static Result run(String source) {
    return runClasses(compile(source));
  }

  static Result runClasses(Map<String, byte[]> classes) {
    ProgramLoader loader = new ProgramLoader(classes);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    // The program runs on its own daemon thread; an exit from any goroutine ends the wait, and a
    // program that hangs fails the test after a minute instead of hanging the build.
    java.util.concurrent.CompletableFuture<Integer> exit = new java.util.concurrent.CompletableFuture<>();
    int code;
    try {
      Class<?> sys = loader.loadClass("gopl.runtime.Sys");
      sys.getField("out").set(null, new PrintStream(out, false, StandardCharsets.ISO_8859_1));
      sys.getField("err").set(null, new PrintStream(err, false, StandardCharsets.ISO_8859_1));
      IntConsumer h = c -> {
        exit.complete(c);
        throw new ExitException(c);
      };
      sys.getField("exitHandler").set(null, h);
      Class<?> main = loader.loadClass("go.main.Pkg");
      Method m = main.getMethod("main", String[].class);
      Thread t = new Thread(() -> {
        try {
          m.invoke(null, (Object) new String[0]);
          exit.complete(0);
        } catch (java.lang.reflect.InvocationTargetException e) {
          if (!(e.getCause() instanceof ExitException)) exit.completeExceptionally(e.getCause());
        } catch (ReflectiveOperationException e) {
          exit.completeExceptionally(e);
        }
      }, "gopl-main");
      t.setDaemon(true);
      t.start();
      code = exit.get(60, java.util.concurrent.TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("program did not finish in 60 s; stdout so far:\n" + out);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new AssertionError("program threw", e.getCause());
    } catch (ReflectiveOperationException | InterruptedException e) {
      throw new AssertionError(e);
    }
    return new Result(out.toString(StandardCharsets.ISO_8859_1), err.toString(StandardCharsets.ISO_8859_1), code);
  }

  /** Child-first for generated, runtime and stdlib classes. */
  static final class ProgramLoader extends ClassLoader {
    private final Map<String, byte[]> classes;

    ProgramLoader(Map<String, byte[]> classes) {
      super(GoRunner.class.getClassLoader());
      this.classes = classes;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      synchronized (getClassLoadingLock(name)) {
        Class<?> c = findLoadedClass(name);
        if (c != null) return c;
        byte[] b = classes.get(name.replace('.', '/'));
        if (b == null && (name.startsWith("gopl.runtime.") || name.startsWith("gopl.stdlib."))) {
          try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
            if (in != null) b = in.readAllBytes();
          } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
          }
        }
        if (b != null) return defineClass(name, b, 0, b.length);
        return super.loadClass(name, resolve);
      }
    }
  }
}
