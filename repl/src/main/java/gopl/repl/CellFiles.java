package gopl.repl;

import java.util.Collection;
import java.util.Map;

/**
 * The text of the synthetic files that make up a session's program (package main): every file
 * starts with one header line (package clause and all the session's imports, so any file may use
 * any imported package; "imported and not used" is not reported in the REPL), so a line of an
 * input is line+1 of its file and errors are reported at the input's own line and column.
 */
final class CellFiles {
  private CellFiles() {}

  /** Import name under which every file sees fmt, for printing expression values. */
  static final String FMT = "repl_fmt";
  /** The function that holds a statement input. */
  static final String CELL_FUNC = "_replCell";
  /** The function that takes the address of every session variable, so each lives in a box. */
  static final String KEEP_FUNC = "_replKeep";

  /** An import of the session: name null for the package's own name. */
  record Import(String name, String path) {
    String spec() {
      return (name == null ? "" : name + " ") + "\"" + path + "\"";
    }
  }

  static String header(Collection<Import> imports) {
    StringBuilder sb = new StringBuilder("package main; import (").append(FMT).append(" \"fmt\"");
    for (Import i : imports) sb.append("; ").append(i.spec());
    return sb.append(");").toString();
  }

  /**
   * The file of session variables: {@code var x T} for each, and a function taking {@code &x} of
   * each (so the code generator keeps every one in a box, or as its struct/array object, that
   * a later cell can share, docs/repl.md).
   */
  static String vars(Collection<Import> imports, Map<String, String> vars) {
    StringBuilder sb = new StringBuilder(header(imports)).append('\n');
    for (var e : vars.entrySet()) sb.append("var ").append(e.getKey()).append(' ').append(e.getValue()).append('\n');
    sb.append("func ").append(KEEP_FUNC).append("() {\n");
    for (String name : vars.keySet()) sb.append("\t_ = &").append(name).append('\n');
    return sb.append("}\n").toString();
  }

  /** The function naming the session's struct types in {@code pnew}s, so they compile persistable. */
  static final String PERSIST_FUNC = "_replPersist";

  /**
   * The persistence file of a session with a heap (docs/repl.md "Persistence"): a function that is
   * never called, with one {@code _ = pnew(T)} line per type (type i on line i + 2 of the file),
   * which makes the code generator compile those types persistable from their first cell; and,
   * when the session has no func main, an empty one, because the code generator puts the
   * registrations of persistable types at the start of main (the REPL reads them from there).
   */
  static String persist(Collection<Import> imports, java.util.List<String> types, boolean addMain) {
    StringBuilder sb = new StringBuilder(header(imports)).append('\n');
    sb.append("func ").append(PERSIST_FUNC).append("() {\n");
    for (String t : types) sb.append("\t_ = pnew(").append(t).append(")\n");
    sb.append("}\n");
    if (addMain) sb.append("func main() {}\n");
    return sb.toString();
  }

  /** A stored declaration, placed at the line and column where it was typed. */
  static String decl(Collection<Import> imports, int line, int column, String text) {
    return header(imports) + "\n".repeat(line - 1) + " ".repeat(column - 1) + text + "\n";
  }

  /** A statement input as the body of the cell function. */
  static String statements(Collection<Import> imports, String input) {
    return header(imports) + " func " + CELL_FUNC + "() {\n" + input + "\n}\n";
  }

  /** A declaration input as it was typed. */
  static String declarations(Collection<Import> imports, String input) {
    return header(imports) + "\n" + input + "\n";
  }

  /** A Go string literal for s. */
  static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') sb.append('\\');
      sb.append(c);
    }
    return sb.append('"').toString();
  }
}
