package gopl.runtime.pmem;

/**
 * A heap file cannot be used as asked: bad format, damage, a full heap, a failed mapping, or a
 * type whose layout changed. The message is meant for users and starts with the file name, as
 * Go's errors do ({@code heap.pmem: not a GoPL heap (bad magic)}).
 */
public class HeapException extends RuntimeException {
  public HeapException(String message) { super(message); }
  public HeapException(String message, Throwable cause) { super(message, cause); }
}
