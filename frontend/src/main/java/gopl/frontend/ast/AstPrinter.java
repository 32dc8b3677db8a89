package gopl.frontend.ast;

import gopl.frontend.Pos;
import java.lang.reflect.RecordComponent;
import java.util.List;

/**
 * Prints any AST node as a compact S-expression, e.g. {@code (Binary (Ident x) + (BasicLit INT 1))}:
 * a record prints as its simple name followed by its components in declaration order, lists in
 * brackets, null as {@code nil}; Pos components are omitted unless positions are requested, in
 * which case every node is followed by {@code @line:col}. Used by golden tests and for debugging.
 */
public final class AstPrinter {
  private final boolean positions;

  private AstPrinter(boolean positions) {
    this.positions = positions;
  }

  public static String print(Object node) {
    StringBuilder b = new StringBuilder();
    new AstPrinter(false).write(b, node);
    return b.toString();
  }

  public static String printWithPositions(Object node) {
    StringBuilder b = new StringBuilder();
    new AstPrinter(true).write(b, node);
    return b.toString();
  }

  private void write(StringBuilder b, Object o) {
    switch (o) {
      case null -> b.append("nil");
      case Expr.Ident i -> {
        b.append("(Ident ").append(i.name()).append(')');
        at(b, i.pos());
      }
      case Expr.BasicLit l -> {
        b.append("(BasicLit ").append(l.kind()).append(' ').append(l.value()).append(')');
        at(b, l.pos());
      }
      case List<?> list -> {
        b.append('[');
        for (int k = 0; k < list.size(); k++) {
          if (k > 0) b.append(' ');
          write(b, list.get(k));
        }
        b.append(']');
      }
      case String s -> b.append('"').append(s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")).append('"');
      case Record r -> record(b, r);
      default -> b.append(o);
    }
  }

  private void record(StringBuilder b, Record r) {
    b.append('(').append(r.getClass().getSimpleName());
    Pos pos = null;
    for (RecordComponent c : r.getClass().getRecordComponents()) {
      Object v;
      try {
        v = c.getAccessor().invoke(r);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
      if (c.getType() == Pos.class) {
        if (c.getName().equals("pos")) pos = (Pos) v;
        continue;
      }
      if (c.getType() == String.class && c.getName().equals("path")) continue;
      b.append(' ');
      write(b, v);
    }
    b.append(')');
    if (pos != null) at(b, pos);
  }

  private void at(StringBuilder b, Pos p) {
    if (positions) b.append('@').append(p.line()).append(':').append(p.column());
  }
}
