package gopl.types;

import java.util.List;

/**
 * A resolved selector {@code x.f} (go/types Selection): a field or method value, or a method
 * expression {@code T.m}. index is the path through embedded fields (last entry: the field or
 * method index); indirect says a pointer was followed on the way.
 */
public record Selection(Kind kind, Type recv, Obj obj, List<Integer> index, boolean indirect) {
  /** The kind of selection. */
  public enum Kind { FIELD_VAL, METHOD_VAL, METHOD_EXPR }

  /** The type of {@code x.f}: field type, method signature without receiver, or with it as first param. */
  public Type type() {
    if (kind == Kind.FIELD_VAL) return obj.type();
    Signature s = (Signature) obj.type();
    if (kind == Kind.METHOD_VAL) return new Signature(null, s.params(), s.results(), s.variadic());
    var params = new java.util.ArrayList<Var>();
    params.add(new Var(obj.pos(), obj.pkg(), "", recv, Var.Kind.PARAM));
    params.addAll(s.params().vars());
    return new Signature(null, new Tuple(params), s.results(), s.variadic());
  }
}
