package gopl.runtime;

/**
 * An object that sits in an interface value as itself and knows its Go dynamic type: generated
 * struct classes (an object standing for a {@code *T}, so {@link #goType()} is {@code *T}),
 * {@link Boxed} values and runtime error values.
 */
public interface Typed {
  /** The Go dynamic type of this object when it is held by an interface. */
  RType goType();
}
