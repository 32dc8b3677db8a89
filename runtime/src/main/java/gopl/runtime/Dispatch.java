package gopl.runtime;

import java.lang.invoke.CallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.MutableCallSite;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Interface method calls: the bootstrap of the {@code invokedynamic} that generated code emits for
 * {@code x.M(args)} when x has an interface type (docs/codegen.md "Interface dispatch"). The call
 * site's type is {@code (Object recv, params...) result}.
 *
 * <p>Each call site is an inline cache: the first receivers' dynamic types (up to {@link
 * #MAX_DEPTH}) are linked as a chain of guards, each testing the receiver's class (a struct
 * pointer, whose class is its dynamic type) or its {@link Boxed#type}, in front of the method's
 * handle invoked directly; the JIT inlines the chain like a virtual call's type profile, so a
 * site with one or two receiver types costs a class check and a direct call. A site that sees
 * more than {@link #MAX_DEPTH} types becomes megamorphic: it looks the method up in a per-site map keyed by dynamic type
 * (Go's itab cache). A nil receiver panics with Go's nil dereference.
 */
public final class Dispatch {
  private Dispatch() {}

  /**
   * Receiver types linked inline per call site before it turns megamorphic (a polymorphic inline
   * cache: a chain of class compares stays far cheaper than a map lookup and a non-inlinable
   * handle invocation up to several types).
   */
  static final int MAX_DEPTH = 8;

  private static final MethodHandle RELINK;
  private static final MethodHandle LOOKUP;
  private static final MethodHandle IS_CLASS;
  private static final MethodHandle IS_BOXED;
  private static final MethodHandle IS_TYPED;
  private static final MethodHandle BOXED_RAW;

  /** Unwraps an interface value to the raw receiver its methods take ({@link Iface#raw}). */
  static final MethodHandle RAW;

  static {
    try {
      MethodHandles.Lookup l = MethodHandles.lookup();
      MethodType find = MethodType.methodType(MethodHandle.class, Object.class);
      RELINK = l.findVirtual(InlineCache.class, "relink", find);
      LOOKUP = l.findVirtual(InlineCache.class, "lookup", find);
      IS_CLASS = l.findStatic(Dispatch.class, "isClass", MethodType.methodType(boolean.class, Class.class, Object.class));
      IS_BOXED = l.findStatic(Dispatch.class, "isBoxed", MethodType.methodType(boolean.class, RType.class, Object.class));
      IS_TYPED = l.findStatic(Dispatch.class, "isTyped", MethodType.methodType(boolean.class, RType.class, Object.class));
      BOXED_RAW = l.findStatic(Dispatch.class, "boxedRaw", MethodType.methodType(Object.class, Object.class));
      RAW = l.findStatic(Iface.class, "raw", MethodType.methodType(Object.class, Object.class));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** Bootstrap method: name is the Go method name, type the call's (Object, params...) result. */
  public static CallSite bootstrap(MethodHandles.Lookup lookup, String name, MethodType type) {
    return new InlineCache(name, type);
  }

  /** A call site linking the receiver types it meets (see the class comment). */
  static final class InlineCache extends MutableCallSite {
    private final String name;

    /** The site's type with the receiver as Object (what the method handles are adapted to). */
    private final MethodType erased;

    private int depth;

    /** Megamorphic state: dynamic type -> adapted method handle. */
    private ConcurrentHashMap<RType, MethodHandle> itabs;

    InlineCache(String name, MethodType type) {
      super(type);
      this.name = name;
      this.erased = type.changeParameterType(0, Object.class);
      setTarget(viaFinder(RELINK));
    }

    /** A target that asks {@code finder} (bound to this site) for the handle, then invokes it. */
    private MethodHandle viaFinder(MethodHandle finder) {
      MethodHandle f = finder.bindTo(this);
      if (erased.parameterCount() > 1) {
        f = MethodHandles.dropArguments(f, 1, erased.parameterList().subList(1, erased.parameterCount()));
      }
      return MethodHandles.foldArguments(MethodHandles.exactInvoker(erased), f).asType(type());
    }

    /** The slow path: links recv's dynamic type in front of the current chain (or goes megamorphic). */
    synchronized MethodHandle relink(Object recv) {
      if (recv == null) throw Panics.nilDeref();
      RType t = Iface.typeOf(recv);
      MethodHandle raw = method(t);
      if (depth >= MAX_DEPTH) {
        itabs = new ConcurrentHashMap<>();
        setTarget(viaFinder(LOOKUP));
        return adapt(raw, RAW);
      }
      MethodHandle guard;
      MethodHandle impl;
      if (recv instanceof Boxed) {
        guard = IS_BOXED.bindTo(t);
        impl = adapt(raw, BOXED_RAW);
      } else if (recv instanceof GoStruct) {
        // a struct object held directly stands for *T, and its class is T's alone
        guard = IS_CLASS.bindTo(recv.getClass());
        impl = adapt(raw, null);
      } else {
        guard = IS_TYPED.bindTo(t);
        impl = adapt(raw, null);
      }
      if (erased.parameterCount() > 1) {
        guard = MethodHandles.dropArguments(guard, 1, erased.parameterList().subList(1, erased.parameterCount()));
      }
      MethodHandle current = getTarget().asType(erased);
      setTarget(MethodHandles.guardWithTest(guard, impl, current).asType(type()));
      depth++;
      return impl;
    }

    /** The megamorphic path: the per-site itab of recv's dynamic type. */
    MethodHandle lookup(Object recv) {
      if (recv == null) throw Panics.nilDeref();
      RType t = Iface.typeOf(recv);
      MethodHandle mh = itabs.get(t);
      if (mh == null) {
        mh = adapt(method(t), RAW);
        itabs.put(t, mh);
      }
      return mh;
    }

    private MethodHandle method(RType t) {
      MethodHandle raw = t.method(name);
      if (raw == null) throw new IllegalStateException(t.string() + " has no method " + name);
      return raw;
    }

    /** raw as a handle of the erased site type, its receiver first passed through unwrap (if any). */
    private MethodHandle adapt(MethodHandle raw, MethodHandle unwrap) {
      MethodHandle m = raw.asType(raw.type().changeParameterType(0, Object.class));
      if (unwrap != null) m = MethodHandles.filterArguments(m, 0, unwrap);
      return m.asType(erased);
    }
  }

  static boolean isClass(Class<?> c, Object recv) {
    return recv != null && recv.getClass() == c;
  }

  static boolean isBoxed(RType t, Object recv) {
    return recv instanceof Boxed b && b.type == t;
  }

  static boolean isTyped(RType t, Object recv) {
    return recv instanceof Typed x && !(recv instanceof Boxed) && x.goType() == t;
  }

  static Object boxedRaw(Object recv) {
    return ((Boxed) recv).raw;
  }
}
