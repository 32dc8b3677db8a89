package gopl.runtime.persist;

import gopl.runtime.Boxed;
import gopl.runtime.GoPanic;
import gopl.runtime.GoStruct;
import gopl.runtime.Iface;
import gopl.runtime.RType;
import gopl.runtime.pmem.Heap;
import gopl.runtime.pmem.PPtr;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Interface values in the persistent heap (DESIGN.md §4: "an interface is (type id, payload
 * word)"). The type word is the heap type-table id of the dynamic type (whose name is the Go type,
 * so it means the same thing to every run of the program), with bit 63 set when the payload is a
 * heap offset; 0 is the nil interface. Scalars are stored inline; pointers as their offset; a
 * string or slice in a small persistent object holding its header (as Go boxes them), a struct
 * or array value in a persistent copy of it (loaded back as a volatile copy: interface values are
 * immutable). Named types are told apart by their type-table names (main.Celsius, not float64).
 *
 * <p>Guarantees: a value loaded back has the same dynamic type as the one stored (so type switches
 * and assertions work after a restart), provided the program registered that type ({@link
 * #register}: generated main registers every predeclared type, every persistable pointer, slice
 * and struct-pointer type, and, when a persistable type holds an interface, every storable named
 * type of the program's own packages). Storing a value of another type panics naming it.
 */
public final class PIfaces {
  private PIfaces() {}

  /** A storable dynamic type: its run-time type and persistent kind. */
  record Dyn(RType type, PKind kind) {}

  private static final Map<RType, Dyn> BY_TYPE = new ConcurrentHashMap<>();
  private static final Map<String, Dyn> BY_NAME = new ConcurrentHashMap<>();

  /** Called by generated main: values of dynamic type t (persistent kind k) can be stored in interfaces. */
  public static void register(RType t, PKind k) {
    Dyn d = new Dyn(t, k);
    BY_TYPE.put(t, d);
    BY_NAME.put(PRt.parse(k.desc).name(), d);
  }

  private static final long PTR_BIT = Long.MIN_VALUE;

  /** Loads the interface at p + fo. */
  public static Object load(PPtr p, long fo) {
    long w = PRt.getLong(p, fo);
    if (w == 0) return null;
    long payload = PRt.getLong(p, fo + 8);
    Heap h = p.heap;
    String name = h.typeDesc((int) (w & 0xFFFF_FFFFL)).name();
    Dyn d = BY_NAME.get(name);
    if (d == null) {
      RType rt = parseName(name);
      if (rt != null) d = dyn(rt);
    }
    if (d == null) throw new GoPanic("pmem: an interface in persistent memory holds a " + name + ", a type this program does not store in interfaces");
    PKind k = d.kind;
    RType t = d.type;
    Object raw;
    switch (k.code) {
      case PKind.PTR -> raw = payload == 0 ? null : k.wrap(h.handle(payload));
      case PKind.STRING -> raw = PRt.getString(h.handle(payload), 0);
      case PKind.SLICE -> raw = PSlices.load(h.handle(payload), 0, k.elem);
      case PKind.STRUCT -> raw = ((GoStruct) k.wrap(h.handle(payload))).copy(); // a value: a volatile copy of the box
      case PKind.ARRAY -> raw = PArrays.copyOut(PArrays.load(h.handle(payload), 0, k), k); // likewise
      case PKind.BYTE, PKind.SHORT, PKind.INT, PKind.LONG, PKind.BOOL -> {
        return switch (k.code) {
          case PKind.LONG -> Iface.boxLong(t, payload);
          case PKind.INT -> Iface.boxInt(t, (int) payload);
          case PKind.SHORT -> Iface.boxShort(t, (short) payload);
          case PKind.BYTE -> Iface.boxByte(t, (byte) payload);
          default -> Iface.boxBool(t, payload != 0);
        };
      }
      case PKind.DOUBLE -> {
        return Iface.boxDouble(t, Double.longBitsToDouble(payload));
      }
      case PKind.FLOAT -> {
        return Iface.boxFloat(t, Float.intBitsToFloat((int) payload));
      }
      default -> throw new GoPanic("pmem: cannot load an interface holding " + name);
    }
    if (t == RType.STRING) return raw;
    if (raw instanceof GoStruct s && s.goType() == t) return raw;
    return new Boxed(t, raw);
  }

  /** Stores interface value v at p + fo. */
  public static void store(PPtr p, long fo, Object v) {
    long w = 0, payload = 0;
    if (v != null) {
      RType t = dynType(v);
      Dyn d = t == null ? null : dyn(t);
      if (d == null) throw new GoPanic("pmem: cannot store a value of type " + (t == null ? v.getClass().getName() : t.string()) + " in an interface in persistent memory");
      Object raw = v instanceof Boxed b ? b.raw : v;
      PKind k = d.kind;
      w = PRt.typeId(k.desc);
      switch (k.code) {
        case PKind.PTR -> {
          payload = PRt.offsetOf(raw, p.heap, "pointer");
          w |= PTR_BIT;
        }
        case PKind.STRING -> {
          String s = (String) raw;
          PPtr box = PRt.alloc(k.desc);
          PRt.putString(box, 0, s);
          persistNew(box, 16);
          payload = box.off;
          w |= PTR_BIT;
        }
        case PKind.SLICE -> {
          PPtr box = PRt.alloc(k.desc);
          PSlices.store(box, 0, raw, k.elem);
          persistNew(box, 24);
          payload = box.off;
          w |= PTR_BIT;
        }
        case PKind.STRUCT -> {
          PPtr box = PRt.alloc(k.desc);
          k.assign(k.wrap(box), raw);
          persistNew(box, k.size);
          payload = box.off;
          w |= PTR_BIT;
        }
        case PKind.ARRAY -> {
          PPtr box = PRt.alloc(k.desc);
          PArrays.assign(PArrays.load(box, 0, k), raw, null); // through the box's mirror: element by element
          persistNew(box, k.size);
          payload = box.off;
          w |= PTR_BIT;
        }
        case PKind.LONG, PKind.INT, PKind.SHORT, PKind.BYTE -> payload = ((Number) raw).longValue();
        case PKind.BOOL -> payload = (Boolean) raw ? 1 : 0;
        case PKind.DOUBLE -> payload = Double.doubleToRawLongBits((Double) raw);
        case PKind.FLOAT -> payload = Float.floatToRawIntBits((Float) raw) & 0xFFFF_FFFFL;
        default -> throw new GoPanic("pmem: cannot store a value of type " + t.string() + " in an interface in persistent memory");
      }
    }
    PRt.putLong(p, fo, w);
    PRt.putLong(p, fo + 8, payload);
  }

  /** A new object filled outside a transaction is persisted before it is linked. */
  private static void persistNew(PPtr box, long n) {
    if (box.heap.current() == null) box.heap.persist(box.off, n);
  }

  /** The registration of t, made now for unnamed types built from predeclared ones ([]int, *float64). */
  private static Dyn dyn(RType t) {
    Dyn d = BY_TYPE.get(t);
    if (d != null) return d;
    PKind k = t.named ? null : kindOf(t);
    if (k == null) return null;
    register(t, k);
    return BY_TYPE.get(t);
  }

  private static String scalar(String n, int size) {
    return n.equals("uint8") ? "uint8;1;1;" : n + ";" + size + ";" + size + ";," + n + ",0," + size + ",SCALAR;";
  }

  private static String leaf(String n, int size, String kind) {
    return n + ";" + size + ";8;," + n + ",0," + size + "," + kind + ";";
  }

  /** The persistent kind of an unnamed type made of predeclared types (as the code generator describes it), or null. */
  static PKind kindOf(RType t) {
    String n = t.string();
    return switch (t.kind()) {
      case BOOL -> PKind.of("Bool", scalar(n, 1), null);
      case INT8, UINT8 -> PKind.of("Byte", scalar(n, 1), null);
      case INT16, UINT16 -> PKind.of("Short", scalar(n, 2), null);
      case INT32, UINT32 -> PKind.of("Int", scalar(n, 4), null);
      case INT, INT64, UINT, UINT64, UINTPTR -> PKind.of("Long", scalar(n, 8), null);
      case FLOAT32 -> PKind.of("Float", scalar(n, 4), null);
      case FLOAT64 -> PKind.of("Double", scalar(n, 8), null);
      case STRING -> PKind.of("String", leaf(n, 16, "STRING"), null);
      case SLICE -> {
        PKind e = t.elem().named && t.elem() != RType.ERROR ? null : kindOf(t.elem());
        yield e == null || e.code == PKind.STRUCT ? null : PKind.of("Slice", leaf(n, 24, "SLICE"), null, e);
      }
      case POINTER -> {
        PKind e = t.elem().named ? null : kindOf(t.elem());
        yield e == null || e.code == PKind.STRUCT || e.code == PKind.PTR && e.twin != null ? null : PKind.of("Ptr", leaf(n, 8, "POINTER"), null, e);
      }
      default -> null;
    };
  }

  private static final Map<String, RType> BASICS = new java.util.HashMap<>();

  static {
    for (RType b : new RType[] {RType.BOOL, RType.INT, RType.INT8, RType.INT16, RType.INT32, RType.INT64, RType.UINT, RType.UINT8,
        RType.UINT16, RType.UINT32, RType.UINT64, RType.UINTPTR, RType.FLOAT32, RType.FLOAT64, RType.STRING}) {
      BASICS.put(b.string(), b);
    }
    BASICS.put("byte", RType.UINT8);
    BASICS.put("rune", RType.INT32);
  }

  /** The run-time type an unnamed type's name denotes ([]int, *[]uint8), or null. */
  static RType parseName(String name) {
    if (name.startsWith("[]")) {
      RType e = parseName(name.substring(2));
      return e == null ? null : RType.slice(e);
    }
    if (name.startsWith("*")) {
      RType e = parseName(name.substring(1));
      return e == null ? null : RType.pointer(e);
    }
    return BASICS.get(name);
  }

  private static RType dynType(Object v) {
    return switch (v) {
      case Long l -> RType.INT;
      case Integer i -> RType.INT32;
      case Double x -> RType.FLOAT64;
      case Boolean b -> RType.BOOL;
      case String s -> RType.STRING;
      case gopl.runtime.Typed t -> t.goType();
      default -> null;
    };
  }
}
