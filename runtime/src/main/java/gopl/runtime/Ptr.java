package gopl.runtime;

/** A Go pointer to a non-struct location (pointers to structs are the struct objects themselves). */
public interface Ptr {
  /** The pointee, Java-boxed (for fmt and generic code). */
  Object load();
}
