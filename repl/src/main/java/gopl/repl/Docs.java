package gopl.repl;

import gopl.frontend.ast.Decl;
import gopl.frontend.ast.ExprString;
import gopl.frontend.ast.Field;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code :doc NAME}: the signature and doc comment of a std function or method ({@code
 * strings.ToUpper}, {@code strings.Builder.WriteString}), taken from the std package's GoPL
 * source (the comment above the declaration, {@code Decl.Func.doc}), or the text of a function
 * declared in the session.
 */
final class Docs {
  private Docs() {}

  static String of(Session s, String name) {
    int dot = name.indexOf('.');
    if (dot > 0) {
      String path = s.std().pathOfName(name.substring(0, dot));
      if (path == null) return "no documentation for " + name + ": no std package " + name.substring(0, dot);
      Decl.Func f = s.std().func(path, name.substring(dot + 1));
      if (f == null) return "no documentation for " + name;
      String pkg = s.std().get(path).name();
      String doc = f.doc() == null ? "" : f.doc().strip();
      return signature(pkg, f) + (doc.isEmpty() ? "" : "\n\n" + indent(doc)) + "\n";
    }
    for (Session.StoredDecl d : s.declarations()) {
      if (d.keys().contains(name)) return d.text() + "\n";
    }
    return "no documentation for " + name + " (use pkg.Name for std functions)";
  }

  /** {@code func strings.ToUpper(s string) string}. */
  static String signature(String pkg, Decl.Func f) {
    StringBuilder sb = new StringBuilder("func ");
    if (f.recv() != null) sb.append('(').append(fields(List.of(f.recv()))).append(") ");
    else sb.append(pkg).append('.');
    sb.append(f.name().name()).append('(').append(fields(f.type().params())).append(')');
    List<Field> results = f.type().results();
    if (results != null && !results.isEmpty()) {
      String r = fields(results);
      boolean paren = results.size() > 1 || !results.get(0).names().isEmpty();
      sb.append(' ').append(paren ? "(" + r + ")" : r);
    }
    return sb.toString();
  }

  private static String fields(List<Field> fs) {
    List<String> parts = new ArrayList<>();
    for (Field f : fs) {
      String type = ExprString.of(f.type());
      if (f.names().isEmpty()) parts.add(type);
      else parts.add(String.join(", ", f.names().stream().map(n -> n.name()).toList()) + " " + type);
    }
    return String.join(", ", parts);
  }

  private static String indent(String doc) {
    StringBuilder sb = new StringBuilder();
    for (String line : doc.split("\n")) {
      String l = line.strip();
      if (l.startsWith("//")) l = l.substring(2);
      if (l.startsWith(" ")) l = l.substring(1);
      sb.append("    ").append(l).append('\n');
    }
    return sb.toString().stripTrailing();
  }
}
