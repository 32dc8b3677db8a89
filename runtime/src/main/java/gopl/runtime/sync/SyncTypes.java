package gopl.runtime.sync;

import gopl.runtime.GoStruct;
import gopl.runtime.RType;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;

/**
 * The run-time type descriptors of the sync types, so that their Java classes are struct classes
 * like generated ones ({@link GoStruct}): {@code structType()} is the named struct with Go 1.19's
 * fields (what {@code %v} shows), {@code goType()} the pointer type, whose method table holds the
 * pointer-receiver methods an interface call can reach ({@code var l sync.Locker = &mu}). Named
 * types are interned by {@link RType#named}, so a descriptor the code generator makes for the same
 * type is this one.
 */
final class SyncTypes {
  private SyncTypes() {}

  private static final RType ANY = RType.iface(new String[0]);

  static final RType NO_COPY = named("sync", "sync.noCopy", new String[0], new RType[0]);

  static final RType MUTEX =
      named("sync", "sync.Mutex", new String[] {"state", "sema"}, new RType[] {RType.INT32, RType.UINT32});

  static final RType MUTEX_PTR = methods(RType.pointer(MUTEX), Mutex.class, "Lock", "Unlock", "TryLock");

  static final RType RWMUTEX = named("sync", "sync.RWMutex",
      new String[] {"w", "writerSem", "readerSem", "readerCount", "readerWait"},
      new RType[] {MUTEX, RType.UINT32, RType.UINT32, RType.INT32, RType.INT32});

  static final RType RWMUTEX_PTR =
      methods(RType.pointer(RWMUTEX), RWMutex.class, "Lock", "Unlock", "RLock", "RUnlock", "TryLock", "TryRLock");

  static final RType WAITGROUP = named("sync", "sync.WaitGroup",
      new String[] {"noCopy", "state1", "state2"}, new RType[] {NO_COPY, RType.UINT64, RType.UINT32});

  static final RType WAITGROUP_PTR = methods(RType.pointer(WAITGROUP), WaitGroup.class, "Add", "Done", "Wait");

  static final RType ONCE = named("sync", "sync.Once", new String[] {"done", "m"}, new RType[] {RType.UINT32, MUTEX});

  static final RType ONCE_PTR = RType.pointer(ONCE); // Do(f) takes a func value: called directly, not via the table

  static final RType VALUE = named("sync/atomic", "atomic.Value", new String[] {"v"}, new RType[] {ANY});

  static final RType VALUE_PTR = methods(RType.pointer(VALUE), AtomicValue.class, "Load", "Store", "Swap", "CompareAndSwap");

  /** The value of the empty struct sync.noCopy. */
  static final GoStruct NO_COPY_VALUE = new GoStruct() {
    @Override
    public RType goType() {
      return RType.pointer(NO_COPY);
    }

    @Override
    public RType structType() {
      return NO_COPY;
    }

    @Override
    public Object field(int i) {
      throw new IndexOutOfBoundsException(i);
    }

    @Override
    public GoStruct copy() {
      return this;
    }

    @Override
    public boolean goEquals(Object other) {
      return other == this;
    }

    @Override
    public int goHash() {
      return 0;
    }
  };

  private static RType named(String pkg, String name, String[] fields, RType[] types) {
    return RType.named(pkg, name, 0).setUnderlying(RType.struct(fields, types, new boolean[fields.length]));
  }

  private static RType methods(RType ptr, Class<?> cls, String... names) {
    MethodHandles.Lookup l = MethodHandles.lookup();
    for (java.lang.reflect.Method m : cls.getMethods()) {
      for (String n : names) {
        if (!m.getName().equals(n) || java.lang.reflect.Modifier.isStatic(m.getModifiers())) continue;
        try {
          MethodHandle mh = l.unreflect(m);
          if (ptr.method(n) == null) ptr.addMethod(n, mh);
        } catch (IllegalAccessException e) {
          throw new ExceptionInInitializerError(e);
        }
      }
    }
    return ptr;
  }
}
