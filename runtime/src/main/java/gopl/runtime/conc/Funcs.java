package gopl.runtime.conc;

import gopl.runtime.Panics;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * Adapts a Go {@code func()} value to a {@link Runnable}, for runtime entry points that take one
 * ({@code once.Do(f)}, {@code time.AfterFunc(d, f)}). The code generator represents func values as
 * instances of per-program functional interfaces ({@code go/fn/F...} with one method {@code call},
 * docs/codegen.md), which the runtime cannot name; this finds {@code call()} on the value's
 * interfaces once per class. A value that already is a Runnable is used as it is.
 */
public final class Funcs {
  private Funcs() {}

  private static final ClassValue<MethodHandle> CALL = new ClassValue<>() {
    @Override
    protected MethodHandle computeValue(Class<?> c) {
      Method m = findCall(c);
      if (m == null) throw new IllegalArgumentException(c.getName() + " is not a func() value");
      try {
        return MethodHandles.publicLookup().unreflect(m);
      } catch (IllegalAccessException e) {
        throw new IllegalArgumentException(e);
      }
    }
  };

  /** f as a Runnable; spec: calling a nil function value panics (nil dereference), when it is run. */
  public static Runnable runnable(Object f) {
    if (f instanceof Runnable r) return r;
    if (f == null) {
      return () -> {
        throw Panics.nilDeref();
      };
    }
    MethodHandle call = CALL.get(f.getClass());
    return () -> {
      try {
        call.invoke(f);
      } catch (RuntimeException | Error e) {
        throw e;
      } catch (Throwable t) {
        throw gopl.runtime.Defers.sneaky(t);
      }
    };
  }

  private static Method findCall(Class<?> c) {
    for (Class<?> k = c; k != null; k = k.getSuperclass()) {
      for (Class<?> i : k.getInterfaces()) {
        Method m = inInterface(i);
        if (m != null) return m;
      }
    }
    return null;
  }

  private static Method inInterface(Class<?> i) {
    if (!Modifier.isPublic(i.getModifiers())) return null;
    for (Method m : i.getMethods()) {
      if (m.getName().equals("call") && m.getParameterCount() == 0 && Modifier.isAbstract(m.getModifiers())) return m;
    }
    for (Class<?> s : i.getInterfaces()) {
      Method m = inInterface(s);
      if (m != null) return m;
    }
    return null;
  }
}
