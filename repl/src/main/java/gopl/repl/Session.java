package gopl.repl;

import gopl.codegen.CodeGenerator;
import gopl.frontend.Diagnostic;
import gopl.frontend.GoPackage;
import gopl.frontend.ParseResult;
import gopl.frontend.Parser;
import gopl.frontend.ast.Decl;
import gopl.frontend.ast.SourceFile;
import gopl.frontend.ast.Spec;
import gopl.grammar.GoLexer;
import gopl.types.CheckResult;
import gopl.types.CheckedPackage;
import gopl.types.Checker;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.antlr.v4.runtime.Token;

/**
 * One REPL session: the incremental compiler and the values of its variables (docs/repl.md).
 *
 * <p>Every input is a <em>cell</em>: the whole session program (package main made of the session
 * variables' file, every stored declaration, and the input) is checked and compiled by the
 * ordinary pipeline (Parser, Checker, CodeGenerator; std packages parsed once), then loaded by a
 * {@link CellLoader} that reuses the classes earlier cells defined when they are unchanged.
 * Variables declared at the top level of a statement input become package-level session
 * variables; each lives in a box (or is its own struct/array object), and each cell's package
 * class is handed the boxes of the previous one, so values survive and closures made by earlier
 * cells share them. Declaring a func, method, type or const again replaces the older declaration.
 *
 * <p>Guarantees: an input with errors changes nothing; a panic, an os.Exit or an interrupt ends
 * the input, never the session. Not thread-safe: one input at a time.
 */
public final class Session implements AutoCloseable {
  /** A declaration kept for later inputs: where it was typed, its text and the names it defines. */
  record StoredDecl(List<String> keys, boolean isType, List<String> structs, int line, int column, String text, int cell) {}

  private final StdPackages std = StdPackages.shared();
  private final PrintStream out;
  private final PrintStream err;
  final CellRunner runner;
  private final CellLoader.Registry registry = new CellLoader.Registry();
  /**
   * The session's checker: std packages are checked once per session (when first imported) and
   * the checker keeps them, so each input checks only the session's main package against them
   * (no error limit: unused imports are many and ignored).
   */
  private final Checker checker = new Checker(0);
  /** The std packages the checker has checked, by import path. */
  private final Map<String, CheckedPackage> checkedStd = new java.util.HashMap<>();

  private final LinkedHashMap<String, CellFiles.Import> imports = new LinkedHashMap<>();
  private final List<StoredDecl> decls = new ArrayList<>();
  private final LinkedHashMap<String, String> vars = new LinkedHashMap<>();
  private int generation;
  private int cells;
  private Class<?> valuesPkg;
  /** The last successful check of the session program (for completion and :type). */
  private CheckedPackage lastMain;
  /** Where the time of inputs went (reset by whoever reads it: :time, the latency probe). */
  final Phases phases = new Phases();
  /** The session's persistent heap (--heap), or null. */
  private final HeapControl heap;
  /** What opening the heap said. */
  private final String heapOpened;
  /** Session struct types ("cell:name") that cannot be persistable: compiled volatile. */
  private final Set<String> volatileTypes = new java.util.HashSet<>();

  /**
   * @param out where the program's output and values go (bytes as the program writes them)
   * @param err where errors and panics go
   */
  public Session(PrintStream out, PrintStream err) {
    this(out, err, null);
  }

  /**
   * A session with the persistent heap in {@code heapFile} (created if absent; null: none), open
   * until {@link #close}.
   *
   * @throws IllegalArgumentException if the heap file cannot be opened (the message says why)
   */
  public Session(PrintStream out, PrintStream err, String heapFile) {
    this.out = out;
    this.err = err;
    this.runner = new CellRunner(out, err);
    if (heapFile == null) {
      heap = null;
      heapOpened = null;
      return;
    }
    try {
      heap = (HeapControl) runner.runtimeClass("gopl.repl.rt.SessionHeap").getConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("the REPL's heap support is not on the class path", e);
    }
    try {
      heapOpened = heap.open(heapFile);
    } catch (IllegalArgumentException e) {
      runner.close();
      throw e;
    }
  }

  /** What opening the heap said (null without a heap). */
  String heapOpened() {
    return heapOpened;
  }

  /** A description of the persistent heap for :heap. */
  String heapInfo() {
    return heap == null ? "persistent heap: none (start the REPL with --heap FILE)\n" : heap.info();
  }

  /** Import path of the session's main package (a new one after a type is redefined). */
  private String mainPath() {
    return generation == 0 ? "main" : "main" + generation;
  }

  // ---------------------------------------------------------------- evaluation

  /** Evaluates one complete input; returns false if it had errors or did not finish normally. */
  public boolean eval(String input) {
    if (input.isBlank()) return true;
    cells++;
    Lexed lexed = new Lexed(input);
    LinkedHashMap<String, CellFiles.Import> imps = new LinkedHashMap<>(imports);
    addAutoImports(lexed, imps);
    return isDeclaration(lexed) ? declare(input, imps) : execute(input, lexed, imps, false);
  }

  private String fileName() {
    return "<input" + cells + ">";
  }

  /** func NAME, func (recv) NAME(, type, const, import start declarations; var is a statement. */
  private static boolean isDeclaration(Lexed lexed) {
    List<Token> sig = lexed.significant();
    if (sig.isEmpty()) return false;
    int t0 = sig.get(0).getType();
    if (t0 == GoLexer.TYPE || t0 == GoLexer.CONST || t0 == GoLexer.IMPORT) return true;
    if (t0 != GoLexer.FUNC || sig.size() < 2) return false;
    if (sig.get(1).getType() == GoLexer.IDENTIFIER) return true;
    int depth = 0;
    for (int i = 1; i < sig.size(); i++) {
      depth += Lexed.delta(sig.get(i).getType());
      if (depth == 0) {
        return i + 2 < sig.size() && sig.get(i + 1).getType() == GoLexer.IDENTIFIER
            && sig.get(i + 2).getType() == GoLexer.L_PAREN;
      }
    }
    return false;
  }

  /** Imports std packages used by name ({@code strings.ToUpper}) that nothing else declares. */
  private void addAutoImports(Lexed lexed, Map<String, CellFiles.Import> imps) {
    List<Token> sig = lexed.significant();
    Set<String> taken = names(imps);
    for (int i = 0; i + 1 < sig.size(); i++) {
      Token t = sig.get(i);
      if (t.getType() != GoLexer.IDENTIFIER || sig.get(i + 1).getType() != GoLexer.DOT) continue;
      if (i > 0 && sig.get(i - 1).getType() == GoLexer.DOT) continue;
      String path = std.pathOfName(t.getText());
      if (path == null || taken.contains(t.getText())) continue;
      imps.put(path, new CellFiles.Import(null, path));
      taken.add(t.getText());
    }
  }

  private Set<String> names(Map<String, CellFiles.Import> imps) {
    Set<String> taken = new LinkedHashSet<>(vars.keySet());
    for (StoredDecl d : decls) taken.addAll(d.keys());
    for (CellFiles.Import i : imps.values()) {
      taken.add(i.name() != null ? i.name() : std.get(i.path()) != null ? std.get(i.path()).name() : i.path());
    }
    return taken;
  }

  // ---------------------------------------------------------------- declarations

  private boolean declare(String input, LinkedHashMap<String, CellFiles.Import> imps) {
    String name = fileName();
    String text = CellFiles.declarations(imps.values(), input);
    long t0 = System.nanoTime();
    ParseResult parsed = Parser.parse(name, text);
    phases.add(Phases.Phase.PARSE, t0);
    if (report(parsed.diagnostics(), Set.of())) return false;
    List<StoredDecl> added = new ArrayList<>();
    StringBuilder varInputs = new StringBuilder();
    List<Decl> ds = parsed.file().decls();
    Offsets offsets = new Offsets(text);
    for (int i = 0; i < ds.size(); i++) {
      Decl d = ds.get(i);
      if (d.pos().line() == 1) continue; // the header's import
      int start = offsets.of(d.pos());
      int end = i + 1 < ds.size() ? offsets.of(ds.get(i + 1).pos()) : text.length();
      String slice = text.substring(start, end).stripTrailing();
      if (d instanceof Decl.Gen g && g.kind() == Decl.Kind.IMPORT) {
        for (Spec s : g.specs()) {
          Spec.Import imp = (Spec.Import) s;
          String path = StdPackages.unquote(imp.path().value());
          String alias = imp.name() == null ? null : imp.name().name();
          imps.put(alias == null ? path : alias + " " + path, new CellFiles.Import(alias, path));
        }
      } else if (d instanceof Decl.Gen g && g.kind() == Decl.Kind.VAR) {
        varInputs.append(slice).append('\n');
      } else {
        added.add(new StoredDecl(DeclKeys.of(d), !DeclKeys.typeNames(d).isEmpty(), DeclKeys.structTypeNames(d), d.pos().line(), d.pos().column(), slice, cells));
      }
    }
    List<StoredDecl> tentative = new ArrayList<>();
    Set<String> newKeys = new LinkedHashSet<>();
    for (StoredDecl a : added) newKeys.addAll(a.keys());
    Set<String> redefinedTypes = new LinkedHashSet<>();
    for (StoredDecl d : decls) {
      if (d.isType()) for (String k : d.keys()) if (newKeys.contains(k)) redefinedTypes.add(k);
    }
    boolean typeRedefined = !redefinedTypes.isEmpty();
    for (StoredDecl d : decls) {
      // a redefined type starts without the old type's methods (they may not fit it any more)
      boolean oldMethod = d.keys().size() == 1 && d.keys().get(0).contains(".")
          && redefinedTypes.contains(d.keys().get(0).substring(0, d.keys().get(0).indexOf('.')));
      if (!oldMethod && d.keys().stream().noneMatch(newKeys::contains)) tentative.add(d);
    }
    tentative.addAll(added);
    int gen = typeRedefined ? generation + 1 : generation;
    int saved = generation;
    generation = gen;
    Compiled c = compile(imps, tentative, vars, null, d -> false, true);
    if (c == null || c.output() == null) {
      generation = saved;
      return false;
    }
    decls.clear();
    decls.addAll(tentative);
    imports.clear();
    imports.putAll(imps);
    lastMain = c.main();
    if (!varInputs.isEmpty()) return execute(varInputs.toString(), new Lexed(varInputs.toString()), new LinkedHashMap<>(imports), false);
    return true;
  }

  // ---------------------------------------------------------------- statements

  /** A compiled session program. */
  record Compiled(CheckResult checked, CheckedPackage main, CodeGenerator.Output output, SourceFile cellFile) {}

  /**
   * Checks the session program with {@code cellText} as the input file (null: none) and, when it
   * has no errors, generates its classes (output null when only checking, i.e. tolerate non-null).
   * Returns null after printing errors.
   */
  private Compiled compile(Map<String, CellFiles.Import> imps, List<StoredDecl> ds, Map<String, String> vs,
      String cellText, Predicate<Diagnostic> tolerated, boolean generate) {
    List<SourceFile> files = new ArrayList<>();
    List<Diagnostic> diags = new ArrayList<>();
    if (!vs.isEmpty()) files.add(parse("<vars>", CellFiles.vars(imps.values(), vs), diags));
    List<String> forced = new ArrayList<>(); // "cell:name" of the types the persistence file names, in its order
    if (heap != null) files.add(parse(PERSIST_FILE, persistFile(imps, ds, forced), diags));
    for (StoredDecl d : ds) files.add(parse("<input" + d.cell() + ">", CellFiles.decl(imps.values(), d.line(), d.column(), d.text()), diags));
    SourceFile cell = cellText == null ? null : parse(fileName(), cellText, diags);
    if (cell != null) files.add(cell);
    if (report(diags, Set.of())) return null;
    Set<String> paths = new LinkedHashSet<>();
    paths.add("fmt");
    for (CellFiles.Import i : imps.values()) paths.add(i.path());
    List<GoPackage> pkgs = new ArrayList<>();
    for (String p : paths) {
      if (std.get(p) == null) {
        err.println(fileName() + ": package " + p + " is not in std");
        return null;
      }
    }
    List<GoPackage> closure = std.closure(paths);
    for (GoPackage p : closure) if (!checkedStd.containsKey(p.importPath())) pkgs.add(p);
    pkgs.add(new GoPackage(mainPath(), "main", "<repl>", files, false));
    long t0 = System.nanoTime();
    CheckResult fresh = checker.check(pkgs);
    phases.add(Phases.Phase.CHECK, t0);
    List<CheckedPackage> all = new ArrayList<>();
    // std packages are kept once checked without errors of their own (the session's diagnostics,
    // such as its unused imports, are no reason to check them again)
    boolean stdClean = fresh.diagnostics().stream()
        .noneMatch(d -> d.isError() && d.pos().file().startsWith(gopl.frontend.load.StdLibrary.ROOT));
    for (GoPackage p : closure) {
      CheckedPackage cp = checkedStd.get(p.importPath());
      if (cp == null && stdClean) checkedStd.put(p.importPath(), cp = fresh.get(p.importPath()));
      all.add(cp != null ? cp : fresh.get(p.importPath()));
    }
    all.add(fresh.get(mainPath()));
    CheckResult checked = new CheckResult(all, fresh.diagnostics());
    List<Diagnostic> errors = new ArrayList<>();
    for (Diagnostic d : checked.diagnostics()) {
      String m = d.message();
      if (m.startsWith("imported and not used")) continue;
      // a session is a main package with no func main until the user declares one (gc's linker check)
      if (m.equals("function main is undeclared in the main package")) continue;
      if (tolerated.test(d)) continue;
      errors.add(d);
    }
    if (report(errors, Set.of())) return null;
    CheckedPackage main = checked.get(mainPath());
    if (heap != null && markVolatile(forced, main)) return compile(imps, ds, vs, cellText, tolerated, generate);
    if (!generate) return new Compiled(checked, main, null, cell);
    long t1 = System.nanoTime();
    // std packages whose classes an earlier cell has are not generated again (docs/repl.md)
    CodeGenerator.Output output = new CodeGenerator(checked)
        .reusing(p -> std.get(p) != null && registry.defined(packageClass(p).replace('.', '/')))
        .generate();
    phases.add(Phases.Phase.CODEGEN, t1);
    if (heap != null && markRefused(forced, output.diagnostics())) return compile(imps, ds, vs, cellText, tolerated, generate);
    if (report(output.diagnostics(), Set.of())) return null;
    return new Compiled(checked, main, output, cell);
  }

  // ---------------------------------------------------------------- persistence

  static final String PERSIST_FILE = "<persist>";

  /**
   * The persistence file for declarations ds (docs/repl.md "Persistence"): every session struct
   * type not known to be volatile, and a func main unless the session declares one; the keys
   * of the named types are added to {@code forced}, in line order.
   */
  private String persistFile(Map<String, CellFiles.Import> imps, List<StoredDecl> ds, List<String> forced) {
    List<String> names = new ArrayList<>();
    boolean userMain = false;
    for (StoredDecl d : ds) {
      if (d.keys().contains("main")) userMain = true;
      for (String t : d.structs()) {
        String key = d.cell() + ":" + t;
        if (volatileTypes.contains(key)) continue;
        names.add(t);
        forced.add(key);
      }
    }
    return CellFiles.persist(imps.values(), names, !userMain);
  }

  /** After a check: marks the forced types that cannot be persistable; true if there were any. */
  private boolean markVolatile(List<String> forced, CheckedPackage main) {
    boolean any = false;
    for (String key : forced) {
      String name = key.substring(key.indexOf(':') + 1);
      gopl.types.Obj o = main.pkg().scope().lookup(name);
      if (o == null || !PersistCandidates.qualifies(o.type(), mainPath())) any |= volatileTypes.add(key);
    }
    return any;
  }

  /** After code generation: marks forced types the generator refused (at their line); true if any. */
  private boolean markRefused(List<String> forced, List<Diagnostic> diags) {
    boolean any = false;
    for (Diagnostic d : diags) {
      int i = d.pos().line() - 3; // header, func line, then one line per type
      if (d.isError() && d.pos().file().equals(PERSIST_FILE) && i >= 0 && i < forced.size()) any |= volatileTypes.add(forced.get(i));
    }
    return any;
  }

  /**
   * Parses a file of the session program; the files of variables and stored declarations are
   * the same from input to input, so their trees are kept (AST records are immutable and the
   * checker keys its results by node identity, so a tree may be checked again).
   */
  private SourceFile parse(String name, String text, List<Diagnostic> diags) {
    String key = name + "\u0000" + text;
    SourceFile cached = parsedFiles.get(key);
    if (cached != null) return cached;
    long t0 = System.nanoTime();
    ParseResult r = Parser.parse(name, text);
    phases.add(Phases.Phase.PARSE, t0);
    diags.addAll(r.diagnostics());
    if (r.diagnostics().isEmpty() && !name.equals(fileName())) parsedFiles.put(key, r.file());
    return r.file();
  }

  private final Map<String, SourceFile> parsedFiles = new java.util.LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, SourceFile> e) {
      return size() > 512;
    }
  };

  /**
   * Analyses and runs a statement input. {@code typeOnly}: only print the type of the (single)
   * expression, for :type.
   */
  boolean execute(String input, Lexed lexed, LinkedHashMap<String, CellFiles.Import> imps, boolean typeOnly) {
    String text1 = CellFiles.statements(imps.values(), input);
    long t0 = System.nanoTime();
    ParseResult parsed = Parser.parse(fileName(), text1);
    phases.add(Phases.Phase.PARSE, t0);
    if (report(parsed.diagnostics(), Set.of())) return false;
    CellAnalysis plan = CellAnalysis.plan(parsed.file(), input, lexed);
    Compiled first = compile(imps, decls, vars, text1, plan::tolerated, false);
    if (first == null) return false;
    plan.resolve(first.main().info(), first.cellFile());
    if (typeOnly) {
      out.println(plan.onlyType());
      return true;
    }
    LinkedHashMap<String, String> newVars = new LinkedHashMap<>(vars);
    for (String r : plan.resets()) newVars.remove(r);
    newVars.putAll(plan.hoisted());
    String text2 = CellFiles.statements(imps.values(), plan.rewrite());
    Compiled second = compile(imps, decls, newVars, text2, d -> false, true);
    if (second == null) return false;
    boolean ok = run(second, newVars, plan.resets());
    vars.clear();
    vars.putAll(newVars);
    imports.clear();
    imports.putAll(imps);
    lastMain = second.main();
    return ok;
  }

  private boolean run(Compiled c, Map<String, String> newVars, Set<String> resets) {
    Map<String, byte[]> classes = c.output().classes();
    String mainClass = packageClass(mainPath());
    CellLoader loader = new CellLoader(classes, runner.runtime, registry, cells, mainClass);
    Class<?>[] pkg = new Class<?>[1];
    List<String> lost = new ArrayList<>();
    CellRunner.Outcome o = runner.run(loader, () -> {
      long t0 = System.nanoTime();
      for (CheckedPackage cp : c.checked().packages()) {
        Class<?> k = Class.forName(packageClass(cp.importPath()), true, loader);
        if (heap != null && k.getName().equals(mainClass)) {
          // the registrations of persistable types compiled main makes first (CodeGenerator.PERSIST_TYPES)
          for (java.lang.reflect.Method m : k.getMethods()) if (m.getName().equals(gopl.codegen.CodeGenerator.PERSIST_TYPES)) m.invoke(null);
        }
        if (loader.definedHere(k)) k.getMethod("$init").invoke(null);
        pkg[0] = k;
      }
      transfer(pkg[0], newVars, resets, lost);
      java.lang.reflect.Method cellFunc = cellMethod(pkg[0], c.output().classes().keySet(), loader);
      long t1 = phases.add(Phases.Phase.LOAD, t0);
      try {
        cellFunc.invoke(null);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      } finally {
        phases.add(Phases.Phase.RUN, t1);
      }
    });
    if (pkg[0] != null) valuesPkg = pkg[0];
    for (String name : lost) err.println("note: " + name + " was reset: its type changed");
    return report(o);
  }

  /**
   * The cell function: the code generator puts the functions of a package's first file in its
   * {@code Pkg} class and those of file i > 0 in {@code Pkg$Fi} (per-file SourceFile attributes),
   * so it is looked up in the package class and then in its file classes.
   */
  private static java.lang.reflect.Method cellMethod(Class<?> pkg, Set<String> classes, ClassLoader loader)
      throws ReflectiveOperationException {
    try {
      return pkg.getMethod(CellFiles.CELL_FUNC);
    } catch (NoSuchMethodException e) {
      String prefix = pkg.getName().replace('.', '/') + "$F";
      for (String internal : classes) {
        if (!internal.startsWith(prefix)) continue;
        for (java.lang.reflect.Method m : Class.forName(internal.replace('/', '.'), true, loader).getMethods()) {
          if (m.getName().equals(CellFiles.CELL_FUNC) && m.getParameterCount() == 0) return m;
        }
      }
      throw e;
    }
  }

  static String packageClass(String importPath) {
    return "go." + importPath.replace('/', '.').replace('-', '_') + ".Pkg";
  }

  /** Hands the previous cell's variable boxes to the new package class. */
  private void transfer(Class<?> pkg, Map<String, String> newVars, Set<String> resets, List<String> lost)
      throws IllegalAccessException {
    if (valuesPkg == null) return;
    for (String name : newVars.keySet()) {
      if (resets.contains(name) || !vars.containsKey(name)) continue;
      Field from;
      Field to;
      try {
        from = valuesPkg.getField(name);
        to = pkg.getField(name);
      } catch (NoSuchFieldException e) {
        continue;
      }
      Object v = from.get(null);
      if (to.getType().isInstance(v) || (v == null && !to.getType().isPrimitive())) to.set(null, v);
      else lost.add(name);
    }
  }

  private boolean report(CellRunner.Outcome o) {
    if (o.abandoned()) {
      err.println("interrupted (the input did not stop; it was left running in the background)");
      return false;
    }
    if (o.interrupted()) {
      err.println("interrupted");
      return false;
    }
    if (o.exitCode() >= 0) {
      err.println("exit status " + o.exitCode());
      return o.exitCode() == 0;
    }
    if (o.thrown() == null) return true;
    err.print(PanicReport.of(o.thrown(), runner));
    err.flush();
    return false;
  }

  /** Prints errors as the compiler does, with positions inside the input; true if there were any. */
  private boolean report(List<Diagnostic> diags, Set<String> ignored) {
    boolean any = false;
    for (Diagnostic d : diags.stream().sorted().toList()) {
      if (!d.isError()) continue;
      any = true;
      gopl.frontend.Pos p = d.pos();
      String msg = d.message();
      if (p.line() <= 1) {
        err.println(msg);
      } else if (p.file().startsWith("<input") || p.file().equals("<vars>")) {
        err.println(p.file() + ":" + (p.line() - 1) + ":" + p.column() + ": " + msg);
      } else {
        err.println(d);
      }
    }
    err.flush();
    return any;
  }

  // ---------------------------------------------------------------- queries for commands and completion

  /** Prints the type of an expression (:type). */
  public boolean typeOf(String expr) {
    cells++;
    Lexed lexed = new Lexed(expr);
    LinkedHashMap<String, CellFiles.Import> imps = new LinkedHashMap<>(imports);
    addAutoImports(lexed, imps);
    return execute(expr, lexed, imps, true);
  }

  CheckedPackage lastMain() {
    return lastMain;
  }

  StdPackages std() {
    return std;
  }

  Map<String, String> variables() {
    return vars;
  }

  List<StoredDecl> declarations() {
    return decls;
  }

  Map<String, CellFiles.Import> imports() {
    return imports;
  }

  @Override
  public void close() {
    runner.close();
    if (heap != null) heap.close();
  }
}
