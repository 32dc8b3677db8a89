package gopl.codegen;

import gopl.types.Basic;
import gopl.types.Func;
import gopl.types.Interface;
import gopl.types.Named;
import gopl.types.Signature;
import gopl.types.Type;
import gopl.types.Var;

/**
 * Go's reflect.Type.String() spelling computed at compile time (the runtime's RType computes the
 * same from components; this is used where the generator needs the text itself, e.g. interface
 * method spellings and type-assertion panic messages).
 */
final class ReflectString {
  private ReflectString() {}

  static String of(Type t) {
    return switch (t) {
      case Basic b -> b.kind() == Basic.Kind.UNSAFE_POINTER ? "unsafe.Pointer" : gopl.types.Typ.of(b.kind()).name();
      case Named n -> n.obj().pkg() == null ? n.obj().name() : n.obj().pkg().name() + "." + n.obj().name();
      case gopl.types.Pointer p -> "*" + of(p.elem());
      case gopl.types.Slice s -> "[]" + of(s.elem());
      case gopl.types.Array a -> "[" + a.len() + "]" + of(a.elem());
      case gopl.types.MapType m -> "map[" + of(m.key()) + "]" + of(m.elem());
      case gopl.types.Chan c -> switch (c.dir()) {
        case SEND_RECV -> "chan ";
        case SEND_ONLY -> "chan<- ";
        case RECV_ONLY -> "<-chan ";
      } + of(c.elem());
      case gopl.types.Struct s -> {
        if (s.numFields() == 0) yield "struct {}";
        StringBuilder sb = new StringBuilder("struct {");
        for (int i = 0; i < s.numFields(); i++) {
          Var f = s.field(i);
          sb.append(i == 0 ? " " : "; ");
          if (f.embedded()) sb.append(of(f.type()));
          else sb.append(f.name()).append(' ').append(of(f.type()));
        }
        yield sb.append(" }").toString();
      }
      case Signature sig -> {
        StringBuilder sb = new StringBuilder("func(");
        var ps = sig.params().vars();
        for (int i = 0; i < ps.size(); i++) {
          if (i > 0) sb.append(", ");
          if (sig.variadic() && i == ps.size() - 1) sb.append("...").append(of(((gopl.types.Slice) ps.get(i).type()).elem()));
          else sb.append(of(ps.get(i).type()));
        }
        sb.append(')');
        var rs = sig.results().vars();
        if (rs.size() == 1) sb.append(' ').append(of(rs.get(0).type()));
        else if (rs.size() > 1) {
          sb.append(" (");
          for (int i = 0; i < rs.size(); i++) sb.append(i > 0 ? ", " : "").append(of(rs.get(i).type()));
          sb.append(')');
        }
        yield sb.toString();
      }
      case Interface i -> {
        if (i.allMethods().isEmpty()) yield "interface {}";
        StringBuilder sb = new StringBuilder("interface { ");
        int k = 0;
        for (Func m : i.allMethods()) {
          if (k++ > 0) sb.append("; ");
          sb.append(m.name()).append(of(m.type()).substring(4));
        }
        yield sb.append(" }").toString();
      }
      case gopl.types.Tuple tu -> "tuple";
    };
  }
}
