package gopl.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * VarHandles for public fields of generated struct classes, cached per class and field name: what
 * the pointer classes use for {@code &s.f} when f is not itself a struct (pointers to struct fields
 * are the field objects).
 */
final class FieldHandles {
  private FieldHandles() {}

  private static final ClassValue<ConcurrentHashMap<String, VarHandle>> CACHE = new ClassValue<>() {
    @Override
    protected ConcurrentHashMap<String, VarHandle> computeValue(Class<?> type) {
      return new ConcurrentHashMap<>();
    }
  };

  static VarHandle get(Class<?> c, String name) {
    return CACHE.get(c).computeIfAbsent(name, n -> {
      try {
        Class<?> t = c.getField(n).getType();
        return MethodHandles.publicLookup().findVarHandle(c, n, t);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    });
  }
}
