package gopl.runtime;

/**
 * A heap box for one Object variable: used for variables captured by closures (shared by
 * reference, spec: "function literals are closures") and for variables whose address is taken;
 * {@code &x} is the box itself. Generated code reads and writes {@link #v} directly.
 */
public final class ObjectRef extends ObjectPtr {
  /** The variable's current value. */
  public Object v;

  public ObjectRef() {}

  public ObjectRef(Object v) {
    this.v = v;
  }

  @Override
  public Object get() {
    return v;
  }

  @Override
  public void set(Object v) {
    this.v = v;
  }
}
