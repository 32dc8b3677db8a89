package gopl.repl;

import gopl.frontend.GoPackage;
import gopl.frontend.ast.Decl;
import gopl.frontend.ast.Expr;
import gopl.frontend.ast.SourceFile;
import gopl.frontend.ast.Spec;
import gopl.types.CheckedPackage;
import gopl.types.Func;
import gopl.types.Named;
import gopl.types.Obj;
import gopl.types.Pointer;
import gopl.types.Struct;
import gopl.types.Type;
import gopl.types.Var;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion: keywords, predeclared names, the session's names (variables, functions,
 * types, constants, imports), std package names; after {@code pkg.} the package's exported
 * members ({@code strings.Tr<TAB>}); after {@code x.} the fields and methods of x's type (from the
 * last check of the session program).
 */
final class GoplCompleter implements Completer {
  static final List<String> KEYWORDS = List.of("break", "case", "chan", "const", "continue", "default", "defer",
      "else", "fallthrough", "for", "func", "go", "goto", "if", "import", "interface", "map", "package", "range",
      "return", "select", "struct", "switch", "type", "var", "txn");
  static final List<String> PREDECLARED = List.of("append", "cap", "close", "copy", "delete", "len", "make", "new",
      "panic", "print", "println", "recover", "pnew", "pmake", "true", "false", "nil", "iota", "bool", "byte",
      "error", "float32", "float64", "int", "int8", "int16", "int32", "int64", "rune", "string", "uint", "uint8",
      "uint16", "uint32", "uint64", "uintptr");
  static final List<String> COMMANDS = List.of(":help", ":type", ":doc", ":load", ":reset", ":quit", ":heap", ":time");

  private final Supplier<Session> session;

  GoplCompleter(Supplier<Session> session) {
    this.session = session;
  }

  @Override
  public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
    for (String c : candidates(line.line().substring(0, line.cursor()).stripLeading(), line.word())) {
      candidates.add(new Candidate(c, display(c), null, null, null, null, false));
    }
  }

  private static String display(String c) {
    int dot = c.lastIndexOf('.', c.length() - 2);
    return dot < 0 ? c : c.substring(dot + 1);
  }

  /** Completions of {@code word} (the selector chain before the cursor); sorted. */
  TreeSet<String> candidates(String lineBefore, String word) {
    TreeSet<String> out = new TreeSet<>();
    if (lineBefore.startsWith(":") && !lineBefore.contains(" ")) {
      for (String c : COMMANDS) if (c.startsWith(lineBefore)) out.add(c);
      return out;
    }
    int dot = word.lastIndexOf('.');
    if (dot < 0) {
      for (String n : names()) if (n.startsWith(word)) out.add(n);
      return out;
    }
    String base = word.substring(0, dot);
    String partial = word.substring(dot + 1);
    for (String m : members(base)) if (m.startsWith(partial)) out.add(base + "." + m);
    return out;
  }

  private TreeSet<String> names() {
    Session s = session.get();
    TreeSet<String> out = new TreeSet<>(KEYWORDS);
    out.addAll(PREDECLARED);
    out.addAll(s.variables().keySet());
    for (Session.StoredDecl d : s.declarations()) for (String k : d.keys()) if (!k.contains(".")) out.add(k);
    for (GoPackage p : s.std().all().values()) out.add(p.name());
    for (CellFiles.Import i : s.imports().values()) if (i.name() != null) out.add(i.name());
    return out;
  }

  /** Members of a package name or fields and methods of a variable's type. */
  private TreeSet<String> members(String base) {
    Session s = session.get();
    TreeSet<String> out = new TreeSet<>();
    if (!s.variables().containsKey(base) && !base.contains(".")) {
      String path = s.std().pathOfName(base);
      if (path != null) {
        out.addAll(exported(s.std().get(path)));
        return out;
      }
    }
    Type t = typeOf(s, base);
    if (t != null) fieldsAndMethods(t, out);
    return out;
  }

  private static TreeSet<String> exported(GoPackage p) {
    TreeSet<String> out = new TreeSet<>();
    for (SourceFile f : p.files()) {
      for (Decl d : f.decls()) {
        switch (d) {
          case Decl.Func fd when fd.recv() == null -> out.add(fd.name().name());
          case Decl.Gen g -> {
            for (Spec sp : g.specs()) {
              if (sp instanceof Spec.Type ts) out.add(ts.name().name());
              if (sp instanceof Spec.Value vs) for (Expr.Ident id : vs.names()) out.add(id.name());
            }
          }
          default -> {}
        }
      }
    }
    out.removeIf(n -> n.isEmpty() || !Character.isUpperCase(n.charAt(0)));
    return out;
  }

  /** The type of a variable or of a field chain {@code x.f.g} from the last check. */
  private static Type typeOf(Session s, String chain) {
    CheckedPackage main = s.lastMain();
    if (main == null) return null;
    String[] parts = chain.split("\\.");
    Obj o = main.pkg().scope().lookup(parts[0]);
    if (!(o instanceof Var v)) return null;
    Type t = v.type();
    for (int i = 1; i < parts.length && t != null; i++) t = field(t, parts[i]);
    return t;
  }

  private static Type field(Type t, String name) {
    if (t instanceof Pointer p) t = p.elem();
    Type u = t instanceof Named n ? n.underlying() : t;
    if (u instanceof Struct st) for (Var f : st.fields()) if (f.name().equals(name)) return f.type();
    return null;
  }

  private static void fieldsAndMethods(Type t, TreeSet<String> out) {
    if (t instanceof Pointer p) t = p.elem();
    if (t instanceof Named n) {
      for (Func m : n.methods()) out.add(m.name());
      t = n.underlying();
    }
    if (t instanceof Struct st) {
      for (Var f : st.fields()) {
        out.add(f.name());
        if (f.embedded()) fieldsAndMethods(f.type(), out);
      }
    }
  }
}
