package gopl.types;

/**
 * A function or method signature. recv is null for functions (and for the signature of a method
 * expression, where the receiver became the first parameter). When variadic, the last parameter
 * has a {@link Slice} type ({@code ...T} is recorded as {@code []T}).
 */
public final class Signature implements Type {
  private Var recv;
  private final Tuple params;
  private final Tuple results;
  private final boolean variadic;

  public Signature(Var recv, Tuple params, Tuple results, boolean variadic) {
    this.recv = recv;
    this.params = params;
    this.results = results;
    this.variadic = variadic;
  }

  public Var recv() {
    return recv;
  }

  void setRecv(Var recv) {
    this.recv = recv;
  }

  public Tuple params() {
    return params;
  }

  public Tuple results() {
    return results;
  }

  public boolean variadic() {
    return variadic;
  }

  @Override
  public String toString() {
    return TypeString.of(this, null);
  }
}
