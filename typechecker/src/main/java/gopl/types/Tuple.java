package gopl.types;

import java.util.List;

/**
 * An ordered list of variables: the parameters or results of a signature, or the type of a
 * multi-valued expression (a call with several results). Never null; the empty tuple is {@link #EMPTY}.
 */
public final class Tuple implements Type {
  public static final Tuple EMPTY = new Tuple(List.of());

  private final List<Var> vars;

  public Tuple(List<Var> vars) {
    this.vars = List.copyOf(vars);
  }

  public List<Var> vars() {
    return vars;
  }

  public int size() {
    return vars.size();
  }

  public Var at(int i) {
    return vars.get(i);
  }

  @Override
  public String toString() {
    return TypeString.of(this, null);
  }
}
