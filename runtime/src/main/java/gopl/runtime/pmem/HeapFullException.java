package gopl.runtime.pmem;

/** The heap reached its size limit (maximum arenas) and cannot satisfy an allocation. */
public final class HeapFullException extends HeapException {
  public HeapFullException(String message) { super(message); }
}
