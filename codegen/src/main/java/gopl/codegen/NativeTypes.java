package gopl.codegen;

import gopl.types.Named;
import gopl.types.Type;
import java.util.Map;

/**
 * Std struct types implemented by a runtime Java class instead of a generated one (the sync
 * primitives of gopl.runtime.sync, see docs/concurrency.md §5): their zero value is {@code new C()},
 * and their bodyless methods are the class's public instance methods of the same Go name
 * (invokevirtual, JVM signature from the Go signature; a {@code func()} parameter is a Runnable).
 */
final class NativeTypes {
  private NativeTypes() {}

  private static final Map<String, String> CLASSES = Map.of(
      "sync.Mutex", "gopl/runtime/sync/Mutex",
      "sync.RWMutex", "gopl/runtime/sync/RWMutex",
      "sync.WaitGroup", "gopl/runtime/sync/WaitGroup",
      "sync.Once", "gopl/runtime/sync/Once");

  /** The runtime class implementing t, or null if t is an ordinary (generated) type. */
  static String classOf(Type t) {
    if (!(t instanceof Named n) || n.obj().pkg() == null || !n.obj().pkg().std()) return null;
    return CLASSES.get(n.obj().pkg().path() + "." + n.obj().name());
  }

  static boolean isNative(Type t) {
    return classOf(t) != null;
  }

  /** Whether the runtime class has a {@code copy()} returning its own type. */
  static boolean hasCopy(Type t) {
    return "gopl/runtime/sync/Mutex".equals(classOf(t));
  }
}
