package gopl.runtime;

/**
 * Implemented by every generated struct class (one final class per struct type; an object of it
 * is a struct variable, and also the {@code *T} pointing to that variable). Gives the reflective
 * access fmt and the map layer need without reflection.
 */
public interface GoStruct extends Typed {
  /** The struct type T itself (not *T). */
  RType structType();

  /** Field i in its typed JVM representation, Java-boxed (long -> Long, ...). */
  Object field(int i);

  /** A deep copy (Go assignment of the struct value). */
  GoStruct copy();

  /** Go's == against another value of the same struct type (Java equals stays identity: pointer ==). */
  boolean goEquals(Object other);

  /** A hash consistent with {@link #goEquals}. */
  int goHash();
}
