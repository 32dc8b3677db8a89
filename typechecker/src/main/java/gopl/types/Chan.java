package gopl.types;

/** A channel type {@code chan T}, {@code chan<- T} or {@code <-chan T}. */
public final class Chan implements Type {
  /** Channel direction. */
  public enum Dir { SEND_RECV, SEND_ONLY, RECV_ONLY }

  private final Dir dir;
  private final Type elem;

  public Chan(Dir dir, Type elem) {
    this.dir = dir;
    this.elem = elem;
  }

  public Dir dir() {
    return dir;
  }

  public Type elem() {
    return elem;
  }

  @Override
  public String toString() {
    return TypeString.of(this, null);
  }
}
