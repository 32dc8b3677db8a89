package gopl.types;

import java.util.List;

/** Spells types as Go does (go/types typestring.go), qualifying named types as gc's messages do. */
public final class TypeString {
  private TypeString() {}

  /**
   * The Go spelling of t. Named types of package {@code current} are unqualified; others are
   * prefixed with their package name; with current null every named type is qualified
   * ({@code main.T}). Predeclared types are never qualified.
   */
  public static String of(Type t, Package current) {
    StringBuilder sb = new StringBuilder();
    write(sb, t, current, 0);
    return sb.toString();
  }

  private static void write(StringBuilder sb, Type t, Package cur, int depth) {
    if (depth > 64) {
      sb.append("...");
      return;
    }
    switch (t) {
      case null -> sb.append("<nil>");
      case Basic b -> {
        if (b.kind() == Basic.Kind.UNSAFE_POINTER) sb.append("unsafe.");
        sb.append(b.name());
      }
      case Named n -> {
        TypeName o = n.obj();
        if (o.pkg() != null && o.pkg() != cur) sb.append(o.pkg().name()).append('.');
        sb.append(o.name());
      }
      case Pointer p -> {
        sb.append('*');
        write(sb, p.elem(), cur, depth + 1);
      }
      case Slice s -> {
        sb.append("[]");
        write(sb, s.elem(), cur, depth + 1);
      }
      case Array a -> {
        sb.append('[').append(a.len()).append(']');
        write(sb, a.elem(), cur, depth + 1);
      }
      case MapType m -> {
        sb.append("map[");
        write(sb, m.key(), cur, depth + 1);
        sb.append(']');
        write(sb, m.elem(), cur, depth + 1);
      }
      case Chan c -> {
        sb.append(switch (c.dir()) {
          case SEND_RECV -> "chan ";
          case SEND_ONLY -> "chan<- ";
          case RECV_ONLY -> "<-chan ";
        });
        boolean paren = c.dir() == Chan.Dir.SEND_RECV && c.elem() instanceof Chan ce && ce.dir() == Chan.Dir.RECV_ONLY;
        if (paren) sb.append('(');
        write(sb, c.elem(), cur, depth + 1);
        if (paren) sb.append(')');
      }
      case Struct s -> {
        sb.append("struct{");
        for (int i = 0; i < s.numFields(); i++) {
          if (i > 0) sb.append("; ");
          Var f = s.field(i);
          if (!f.embedded()) sb.append(f.name()).append(' ');
          write(sb, f.type(), cur, depth + 1);
          if (s.tag(i) != null) sb.append(' ').append(quote(s.tag(i)));
        }
        sb.append('}');
      }
      case Signature sig -> {
        sb.append("func");
        signature(sb, sig, cur, depth);
      }
      case Interface in -> {
        sb.append("interface{");
        boolean first = true;
        for (Func m : in.explicitMethods()) {
          if (!first) sb.append("; ");
          first = false;
          sb.append(m.name());
          signature(sb, (Signature) m.type(), cur, depth + 1);
        }
        for (Type e : in.embeddeds()) {
          if (!first) sb.append("; ");
          first = false;
          write(sb, e, cur, depth + 1);
        }
        sb.append('}');
      }
      case Tuple tu -> tuple(sb, tu, false, cur, depth);
    }
  }

  /** Writes {@code (params) results} of a signature (without the leading {@code func}). */
  static void signature(StringBuilder sb, Signature sig, Package cur, int depth) {
    tuple(sb, sig.params(), sig.variadic(), cur, depth);
    Tuple r = sig.results();
    if (r.size() == 0) return;
    sb.append(' ');
    if (r.size() == 1 && r.at(0).name().isEmpty()) {
      write(sb, r.at(0).type(), cur, depth + 1);
      return;
    }
    tuple(sb, r, false, cur, depth);
  }

  private static void tuple(StringBuilder sb, Tuple t, boolean variadic, Package cur, int depth) {
    sb.append('(');
    List<Var> vs = t.vars();
    for (int i = 0; i < vs.size(); i++) {
      if (i > 0) sb.append(", ");
      Var v = vs.get(i);
      if (!v.name().isEmpty()) sb.append(v.name()).append(' ');
      if (variadic && i == vs.size() - 1 && v.type() instanceof Slice s) {
        sb.append("...");
        write(sb, s.elem(), cur, depth + 1);
      } else {
        write(sb, v.type(), cur, depth + 1);
      }
    }
    sb.append(')');
  }

  private static String quote(String s) {
    return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
