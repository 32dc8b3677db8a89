package gopl.frontend.ast;

import java.util.List;

/**
 * Go source text of an expression or simple statement, in the short form gc and go/types use in
 * error messages ({@code x + y}, {@code f(a, b)}, {@code T{…}}, {@code func(x int) literal}).
 */
public final class ExprString {
  private ExprString() {}

  public static String of(Expr e) {
    StringBuilder b = new StringBuilder();
    write(b, e);
    return b.toString();
  }

  /** A simple statement as gc prints it in "cannot use ... as value". */
  public static String of(Stmt s) {
    return switch (s) {
      case Stmt.ExprStmt x -> of(x.x());
      case Stmt.Assign a -> list(a.lhs()) + " " + a.op().text + " " + list(a.rhs());
      case Stmt.IncDec i -> of(i.x()) + i.op().text;
      case Stmt.Send snd -> of(snd.chan()) + " <- " + of(snd.value());
      default -> s.getClass().getSimpleName();
    };
  }

  public static String list(List<Expr> es) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < es.size(); i++) {
      if (i > 0) b.append(", ");
      write(b, es.get(i));
    }
    return b.toString();
  }

  private static void write(StringBuilder b, Expr e) {
    switch (e) {
      case null -> {}
      case Expr.Ident i -> b.append(i.name());
      case Expr.BasicLit l -> b.append(l.value());
      case Expr.CompositeLit c -> {
        write(b, c.type());
        b.append("{…}");
      }
      case Expr.KeyValue kv -> {
        write(b, kv.key());
        b.append(": ");
        write(b, kv.value());
      }
      case Expr.FuncLit f -> {
        b.append('(');
        write(b, f.type());
        b.append(" literal)");
      }
      case Expr.Paren p -> {
        b.append('(');
        write(b, p.x());
        b.append(')');
      }
      case Expr.Selector s -> {
        write(b, s.x());
        b.append('.').append(s.sel().name());
      }
      case Expr.Index i -> {
        write(b, i.x());
        b.append('[');
        write(b, i.index());
        b.append(']');
      }
      case Expr.Slice s -> {
        write(b, s.x());
        b.append('[');
        write(b, s.low());
        b.append(':');
        write(b, s.high());
        if (s.slice3()) {
          b.append(':');
          write(b, s.max());
        }
        b.append(']');
      }
      case Expr.TypeAssert t -> {
        write(b, t.x());
        b.append(".(");
        if (t.type() == null) b.append("type");
        else write(b, t.type());
        b.append(')');
      }
      case Expr.Call c -> {
        write(b, c.fun());
        b.append('(').append(list(c.args()));
        if (c.hasEllipsis()) b.append("...");
        b.append(')');
      }
      case Expr.Star s -> {
        b.append('*');
        write(b, s.x());
      }
      case Expr.Unary u -> {
        b.append(u.op().text);
        write(b, u.x());
      }
      case Expr.Binary bin -> {
        write(b, bin.x());
        b.append(' ').append(bin.op().text).append(' ');
        write(b, bin.y());
      }
      case Expr.Ellipsis el -> {
        b.append("...");
        write(b, el.elt());
      }
      case Expr.Bad bad -> b.append("BadExpr");
      case Expr.ArrayType a -> {
        b.append('[');
        write(b, a.len());
        b.append(']');
        write(b, a.elem());
      }
      case Expr.StructType s -> {
        b.append("struct{");
        fields(b, s.fields(), "; ", false);
        b.append('}');
      }
      case Expr.FuncType f -> {
        b.append("func");
        signature(b, f);
      }
      case Expr.InterfaceType it -> {
        b.append("interface{");
        fields(b, it.methods(), "; ", true);
        b.append('}');
      }
      case Expr.MapType m -> {
        b.append("map[");
        write(b, m.key());
        b.append(']');
        write(b, m.value());
      }
      case Expr.ChanType c -> {
        b.append(switch (c.dir()) {
          case BOTH -> "chan ";
          case SEND -> "chan<- ";
          case RECV -> "<-chan ";
        });
        write(b, c.value());
      }
    }
  }

  private static void signature(StringBuilder b, Expr.FuncType f) {
    b.append('(');
    fields(b, f.params(), ", ", false);
    b.append(')');
    if (f.results().isEmpty()) return;
    b.append(' ');
    if (f.results().size() == 1 && f.results().get(0).names().isEmpty()) {
      write(b, f.results().get(0).type());
    } else {
      b.append('(');
      fields(b, f.results(), ", ", false);
      b.append(')');
    }
  }

  private static void fields(StringBuilder b, List<Field> fields, String sep, boolean methods) {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) b.append(sep);
      Field f = fields.get(i);
      for (int k = 0; k < f.names().size(); k++) {
        if (k > 0) b.append(", ");
        b.append(f.names().get(k).name());
      }
      if (methods && !f.names().isEmpty() && f.type() instanceof Expr.FuncType ft) {
        signature(b, ft);
        continue;
      }
      if (!f.names().isEmpty()) b.append(' ');
      write(b, f.type());
    }
  }
}
