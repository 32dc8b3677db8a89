package gopl.runtime;

import java.lang.invoke.CallSite;
import java.lang.invoke.ConstantCallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Interface method calls: the bootstrap of the {@code invokedynamic} that generated code emits for
 * {@code x.M(args)} when x has an interface type. The call site's type is {@code (Object recv,
 * params...) result}; each call looks up M in the receiver's dynamic type ({@link RType#adapted})
 * — a cached, already adapted handle — and invokes it exactly (Go's itab lookup).
 */
public final class Dispatch {
  private Dispatch() {}

  private static final MethodHandle FIND;

  static {
    try {
      FIND = MethodHandles.lookup()
          .findStatic(Dispatch.class, "find", MethodType.methodType(MethodHandle.class, Object.class, String.class, MethodType.class));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** Bootstrap method: name is the Go method name, type the call's (Object, params...) result. */
  public static CallSite bootstrap(MethodHandles.Lookup lookup, String name, MethodType type) {
    MethodType erased = type.changeParameterType(0, Object.class);
    MethodHandle finder = MethodHandles.insertArguments(FIND, 1, name, erased);
    MethodHandle target = MethodHandles.foldArguments(MethodHandles.exactInvoker(erased), finder);
    return new ConstantCallSite(target.asType(type));
  }

  /** The handle implementing method name for receiver recv, adapted to the call site type. */
  static MethodHandle find(Object recv, String name, MethodType type) {
    if (recv == null) throw Panics.nilDeref();
    RType t = Iface.typeOf(recv);
    MethodHandle mh = t.adapted(name, type);
    if (mh == null) throw new IllegalStateException(t.string() + " has no method " + name);
    return mh;
  }

  /** Unwraps an interface value to the raw receiver its methods take. */
  static final MethodHandle RAW;

  static {
    try {
      RAW = MethodHandles.lookup().findStatic(Iface.class, "raw", MethodType.methodType(Object.class, Object.class));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }
}
