package gopl.codegen;

import gopl.frontend.Diagnostic;
import gopl.types.CheckResult;
import gopl.types.CheckedPackage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.ClassWriter;

/**
 * The ASM backend (COMMON.md contract 4): turns a well-typed program (a {@link CheckResult} whose
 * packages are in dependency order, main last) into JVM classes. See docs/codegen.md for the value
 * mapping and the shape of the generated classes.
 *
 * <p>Guarantees: every class is produced with COMPUTE_FRAMES, carries the {@code .gop} file as
 * SourceFile and a line number for every statement; constructs it cannot compile are reported as
 * diagnostics ({@code not supported in GoPL: ...}), never as exceptions; a generator is used once.
 */
public final class CodeGenerator {
  /**
   * The {@code public static void ()V} method of a main package's class that registers the
   * program's persistable types with the runtime. Generated main calls it first; the REPL calls
   * it in its session runtime before each cell, so a session registers what a compiled main would.
   */
  public static final String PERSIST_TYPES = "$persistTypes";

  /** The generated classes (internal name -> class file) and the class holding main(String[]). */
  public record Output(Map<String, byte[]> classes, String mainClass, List<Diagnostic> diagnostics) {
    public boolean ok() {
      return diagnostics.stream().noneMatch(Diagnostic::isError);
    }
  }

  final CheckResult program;
  final TypeLayout layout = new TypeLayout(this);
  final Descriptors descriptors = new Descriptors(this);
  final StructGen structs = new StructGen(this);
  final FuncTypes funcTypes = new FuncTypes(this);
  final Values values = new Values(this);
  final MethodTables methodTables = new MethodTables(this);
  /** Persistence (docs/persistence.md): persistable types, twins, pnew/pmake, txn. */
  final PersistGen persist = new PersistGen(this);
  private final Map<String, byte[]> classes = new LinkedHashMap<>();
  private final Map<String, PackageGen> packages = new HashMap<>();
  /** Source file path -> the class holding that file's functions (see {@link #funcClass}). */
  private final Map<String, String> fileClasses = new HashMap<>();

  public CodeGenerator(CheckResult program) {
    this.program = program;
  }

  /** Import paths of packages whose classes the caller already has (see {@link #reusing}). */
  private java.util.function.Predicate<String> reused = path -> false;

  /**
   * Declares packages (other than main) whose classes the caller already has from an earlier
   * generation of the same checked sources, e.g. a REPL session's std packages (docs/repl.md):
   * {@link #generate} emits no class for them and does not scan them for struct pointer
   * conversions or persistent allocations (so it must not be used for a package that converts
   * between struct pointer types or calls pnew, pmake or pmem.New/Get/Make; no std package does).
   * References to them are generated as usual.
   */
  public CodeGenerator reusing(java.util.function.Predicate<String> importPaths) {
    this.reused = importPaths;
    return this;
  }

  /** Whether the caller has the classes of this package already ({@link #reusing}). */
  boolean reused(String importPath) {
    return reused.test(importPath);
  }

  /** Generates all classes. */
  public Output generate() {
    List<Diagnostic> diags = new ArrayList<>();
    List<CheckedPackage> all = program.packages();
    unifyConvertedStructPointers(all);
    persist.scan(); // persistence hook: which types need twins, before any class is generated
    if (!persist.types.problems.isEmpty()) return new Output(classes, null, persist.types.problems);
    for (CheckedPackage cp : all) {
      packages.put(cp.importPath(), new PackageGen(this, cp));
      for (int i = 0; i < cp.files().size(); i++) fileClasses.put(cp.files().get(i).path(), Names.fileClass(cp.importPath(), i));
    }
    String mainClass = null;
    for (int i = 0; i < all.size(); i++) {
      CheckedPackage cp = all.get(i);
      boolean isMain = i == all.size() - 1 && cp.pkg().name().equals("main");
      if (!isMain && reused.test(cp.importPath())) continue;
      try {
        packages.get(cp.importPath()).generate(isMain, all);
      } catch (CodegenException e) {
        diags.add(Diagnostic.error(e.pos == null ? gopl.frontend.Pos.NONE : e.pos, e.getMessage()));
      }
      if (isMain) mainClass = Names.packageClass(cp.importPath());
    }
    try {
      structs.emitAll();
      funcTypes.emitAll();
      descriptors.emit();
      structs.emitAll();
      funcTypes.emitAll();
    } catch (CodegenException e) {
      diags.add(Diagnostic.error(e.pos == null ? gopl.frontend.Pos.NONE : e.pos, e.getMessage()));
    }
    return new Output(classes, mainClass, diags);
  }

  /** Struct types whose pointers the program converts into each other share a class (StructGen). */
  private void unifyConvertedStructPointers(List<CheckedPackage> all) {
    for (CheckedPackage cp : all) {
      if (reused.test(cp.importPath())) continue;
      gopl.types.Info info = cp.info();
      for (var file : cp.files()) {
        DeferScan.walk(file.decls(), n -> {
          if (!(n instanceof gopl.frontend.ast.Expr.Call c) || c.args().size() != 1) return;
          gopl.types.TypeAndValue fun = info.types.get(c.fun());
          if (fun == null) fun = info.types.get(ExprGen.unparen(c.fun()));
          gopl.types.TypeAndValue arg = info.types.get(c.args().get(0));
          gopl.types.TypeAndValue res = info.types.get(c);
          if (fun == null || !fun.isType() || arg == null || res == null) return;
          if (arg.type() != null && arg.type().underlying() instanceof gopl.types.Pointer pf
              && res.type() != null && res.type().underlying() instanceof gopl.types.Pointer pt
              && TypeLayout.isStruct(pf.elem()) && TypeLayout.isStruct(pt.elem())
              && !NativeTypes.isNative(pf.elem()) && !NativeTypes.isNative(pt.elem())) {
            structs.unify(pf.elem(), pt.elem());
          }
        }, false);
      }
    }
  }

  /**
   * The class holding function or method f: functions of a package's first file live in its
   * {@code Pkg} class, those of file i > 0 in {@code Pkg$Fi}, so that each class's SourceFile
   * names the file its methods' line numbers refer to (JVM stack traces then point at the right
   * {@code .gop} file and line; DESIGN.md §3 "Source positions").
   */
  String funcClass(gopl.types.Func f) {
    String c = fileClasses.get(f.pos().file());
    return c != null ? c : Names.packageClass(f.pkg().path());
  }

  PackageGen packageGen(String importPath) {
    return packages.get(importPath);
  }

  void addClass(String internalName, byte[] bytes) {
    classes.put(internalName, bytes);
  }

  /** A ClassWriter that computes frames without loading generated classes. */
  ClassWriter newClassWriter() {
    return new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS) {
      @Override
      protected String getCommonSuperClass(String a, String b) {
        if (a.equals(b)) return a;
        if (a.startsWith("gopl/runtime/") && b.startsWith("gopl/runtime/")) {
          try {
            return super.getCommonSuperClass(a, b);
          } catch (RuntimeException e) {
            return "java/lang/Object";
          }
        }
        if (a.startsWith("java/") && b.startsWith("java/")) {
          try {
            return super.getCommonSuperClass(a, b);
          } catch (RuntimeException e) {
            return "java/lang/Object";
          }
        }
        return "java/lang/Object";
      }

      @Override
      protected ClassLoader getClassLoader() {
        return CodeGenerator.class.getClassLoader();
      }
    };
  }
}
