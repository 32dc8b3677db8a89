package gopl.runtime.persist;

import gopl.runtime.pmem.PPtr;

/**
 * A JVM object standing for a value in the persistent heap: a persistent struct twin or a
 * persistent slice. Its handle keeps the object alive across online collections.
 */
public interface PObject {
  /** The handle (heap + payload offset) of the value. */
  PPtr pptr();
}
