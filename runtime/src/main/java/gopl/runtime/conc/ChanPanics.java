package gopl.runtime.conc;

import gopl.runtime.GoPanic;
import gopl.runtime.RuntimeError;
import java.lang.reflect.Constructor;

/**
 * The run-time panics of channel operations, with Go 1.19's values: {@code runtime.plainError}s
 * (they implement {@code runtime.Error} but print without the {@code runtime error: } prefix),
 * runtime/chan.go and select.go.
 */
public final class ChanPanics {
  private ChanPanics() {}

  public static final RuntimeError SEND_ON_CLOSED = plainError("send on closed channel");
  public static final RuntimeError CLOSE_OF_NIL = plainError("close of nil channel");
  public static final RuntimeError CLOSE_OF_CLOSED = plainError("close of closed channel");
  public static final RuntimeError MAKECHAN_SIZE = plainError("makechan: size out of range");

  static GoPanic sendOnClosed() {
    throw new GoPanic(SEND_ON_CLOSED);
  }

  static GoPanic closeOfNil() {
    throw new GoPanic(CLOSE_OF_NIL);
  }

  static GoPanic closeOfClosed() {
    throw new GoPanic(CLOSE_OF_CLOSED);
  }

  /**
   * A runtime.plainError. gopl.runtime.RuntimeError (h-codegen's) has no public factory for this
   * type yet; its private constructor is the one that makes it, so we reach it reflectively (the
   * runtime is an unnamed module, so this is permitted). Replace by a public factory when there is
   * one.
   */
  static RuntimeError plainError(String message) {
    try {
      Constructor<RuntimeError> c = RuntimeError.class.getDeclaredConstructor(String.class, String.class, boolean.class);
      c.setAccessible(true);
      return c.newInstance("runtime.plainError", message, true);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return RuntimeError.plain(message);
    }
  }
}
