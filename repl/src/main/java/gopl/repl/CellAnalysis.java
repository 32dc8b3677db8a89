package gopl.repl;

import gopl.frontend.Diagnostic;
import gopl.frontend.Pos;
import gopl.frontend.ast.Decl;
import gopl.frontend.ast.Expr;
import gopl.frontend.ast.Op;
import gopl.frontend.ast.SourceFile;
import gopl.frontend.ast.Spec;
import gopl.frontend.ast.Stmt;
import gopl.grammar.GoLexer;
import gopl.types.Basic;
import gopl.types.Info;
import gopl.types.Mode;
import gopl.types.Obj;
import gopl.types.Tuple;
import gopl.types.TypeAndValue;
import gopl.types.TypeString;
import gopl.types.Var;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a statement input does to the session, found by checking it once as the body of a function:
 * the variables its top-level statements declare ({@code x := 3}, {@code var y T = e}) become
 * session variables (hoisted to package level with the types the checker inferred, and the
 * declarations rewritten into assignments: {@code :=} becomes {@code =}), and its top-level
 * expression statements that have one value are wrapped so that their value is printed with
 * {@code %v} and their type ({@code 6 (int)}). Positions are kept: the rewrite changes no line
 * and no column before an edit on the same line.
 */
final class CellAnalysis {
  private record Edit(int start, int end, String text) {}

  private final String input;
  private final Lexed lexed;
  private final Offsets offsets;
  /** Names declared at the top level (their "declared but not used" is not an error here). */
  private final Set<String> topLevelNames = new LinkedHashSet<>();
  /** Input ranges of top-level expression statements (their "is not used" is not an error). */
  private final List<int[]> exprRanges = new ArrayList<>();
  private final LinkedHashMap<String, String> hoisted = new LinkedHashMap<>();
  private final List<Edit> edits = new ArrayList<>();
  private String onlyType = "";

  private CellAnalysis(String input, Lexed lexed) {
    this.input = input;
    this.lexed = lexed;
    this.offsets = new Offsets(input);
  }

  /** The statements of the cell function of a parsed statement input. */
  static List<Stmt> statements(SourceFile f) {
    for (Decl d : f.decls()) {
      if (d instanceof Decl.Func fd && fd.name().name().equals(CellFiles.CELL_FUNC) && fd.body() != null) return fd.body().stmts();
    }
    return List.of();
  }

  static CellAnalysis plan(SourceFile parsed, String input, Lexed lexed) {
    CellAnalysis a = new CellAnalysis(input, lexed);
    for (Stmt s : statements(parsed)) {
      switch (s) {
        case Stmt.Assign as when as.op() == Op.DEFINE -> {
          for (Expr e : as.lhs()) if (e instanceof Expr.Ident id) a.topLevelNames.add(id.name());
        }
        case Stmt.DeclStmt ds when ds.decl().kind() == Decl.Kind.VAR -> {
          for (Spec sp : ds.decl().specs()) for (Expr.Ident id : ((Spec.Value) sp).names()) a.topLevelNames.add(id.name());
        }
        case Stmt.ExprStmt es -> {
          int start = a.offset(es.pos());
          a.exprRanges.add(new int[] {start, lexed.statementEnd(start, input.length())});
        }
        default -> {}
      }
    }
    return a;
  }

  /** Input index of a position in the cell file (whose line 1 is the header). */
  private int offset(Pos p) {
    return offsets.of(p.line() - 1, p.column());
  }

  Set<String> topLevelNames() {
    return topLevelNames;
  }

  /** Whether a checker error is only the REPL's business (an expression statement's value). */
  boolean tolerated(Diagnostic d) {
    String m = d.message();
    if (m.endsWith(" declared but not used")) return topLevelNames.contains(m.substring(0, m.length() - " declared but not used".length()));
    if (!m.endsWith("is not used") || !d.pos().file().startsWith("<input")) return false;
    int at = offset(d.pos());
    for (int[] r : exprRanges) if (at >= r[0] && at <= r[1]) return true;
    return false;
  }

  /** Finds types and plans the rewrite, from the check of the input as a function body. */
  void resolve(Info info, SourceFile checked) {
    for (Stmt s : statements(checked)) {
      switch (s) {
        case Stmt.Assign as when as.op() == Op.DEFINE -> {
          for (Expr e : as.lhs()) {
            if (e instanceof Expr.Ident id && info.defs.get(id) instanceof Var v) hoisted.put(id.name(), spell(v));
          }
          int at = offset(as.opPos());
          edits.add(new Edit(at, at + 2, "= "));
        }
        case Stmt.DeclStmt ds when ds.decl().kind() == Decl.Kind.VAR -> varDecl(ds, info);
        case Stmt.ExprStmt es -> printValue(es, info);
        default -> {}
      }
    }
  }

  private String spell(Obj v) {
    return TypeString.of(v.type(), v.pkg());
  }

  private void varDecl(Stmt.DeclStmt ds, Info info) {
    int start = offset(ds.pos());
    int end = lexed.statementEnd(start, input.length());
    boolean grouped = ds.decl().specs().size() != 1 || lexed.find(start, GoLexer.L_PAREN) == nextTokenAfter(start);
    StringBuilder sb = new StringBuilder();
    for (Spec sp : ds.decl().specs()) {
      Spec.Value v = (Spec.Value) sp;
      for (Expr.Ident id : v.names()) if (info.defs.get(id) instanceof Var var) hoisted.put(id.name(), spell(var));
      if (v.values().isEmpty()) continue;
      if (!grouped) {
        int eq = lexed.find(start, GoLexer.ASSIGN);
        String names = String.join(", ", v.names().stream().map(Expr.Ident::name).toList());
        edits.add(new Edit(start, eq + 1, pad(names + " =", eq + 1 - start)));
        return;
      }
      int vs = offset(v.values().get(0).pos());
      int ve = lexed.statementEnd(vs, input.length());
      if (sb.length() > 0) sb.append("; ");
      sb.append(String.join(", ", v.names().stream().map(Expr.Ident::name).toList())).append(" = ").append(input, vs, ve);
    }
    // no values (zero value) or a group: the declaration becomes the assignments, on its first line
    String blank = input.substring(start, end).replaceAll("[^\n]", " ");
    int nl = blank.indexOf('\n');
    String first = nl < 0 ? blank : blank.substring(0, nl);
    String repl = sb.length() > first.length() ? sb.toString() : pad(sb.toString(), first.length());
    edits.add(new Edit(start, end, repl + (nl < 0 ? "" : blank.substring(nl))));
  }

  private int nextTokenAfter(int start) {
    boolean seenVar = false;
    for (var t : lexed.tokens) {
      if (t.getChannel() != 0 || t.getStartIndex() < start) continue;
      if (seenVar) return t.getStartIndex();
      seenVar = true;
    }
    return -2;
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }

  private void printValue(Stmt.ExprStmt es, Info info) {
    TypeAndValue tv = info.types.get(es.x());
    if (tv == null || tv.mode() == Mode.NOVALUE || tv.mode() == Mode.TYPEXPR || tv.mode() == Mode.BUILTIN
        || tv.mode() == Mode.INVALID || tv.type() instanceof Tuple || tv.isNil()) {
      return;
    }
    String type = TypeString.of(tv.type(), null);
    if (onlyType.isEmpty()) onlyType = type;
    if (tv.type() instanceof Basic b && b.isUntyped()) type = defaultType(type);
    int start = offset(es.pos());
    int end = lexed.statementEnd(start, input.length());
    edits.add(new Edit(start, start, CellFiles.FMT + ".Printf(\"%v (%s)\\n\", "));
    edits.add(new Edit(end, end, ", " + CellFiles.quote(type) + ")"));
  }

  private static String defaultType(String untyped) {
    return switch (untyped) {
      case "untyped bool" -> "bool";
      case "untyped rune" -> "int32";
      case "untyped float" -> "float64";
      case "untyped string" -> "string";
      default -> "int";
    };
  }

  /** The input with declarations turned into assignments and values printed. */
  String rewrite() {
    StringBuilder sb = new StringBuilder(input);
    List<Edit> sorted = new ArrayList<>(edits);
    sorted.sort(Comparator.comparingInt(Edit::start).thenComparingInt(e -> e.end() - e.start()).reversed());
    for (Edit e : sorted) sb.replace(e.start(), e.end(), e.text());
    return sb.toString();
  }

  /** Session variables this input declares, with their Go types. */
  Map<String, String> hoisted() {
    return hoisted;
  }

  /** Declared variables whose old value must not be handed over (they are new variables). */
  Set<String> resets() {
    return hoisted.keySet();
  }

  /** The type of the first expression statement (for :type). */
  String onlyType() {
    return onlyType.isEmpty() ? "no value" : onlyType;
  }
}
