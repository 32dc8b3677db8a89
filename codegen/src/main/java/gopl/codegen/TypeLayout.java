package gopl.codegen;

import gopl.types.Array;
import gopl.types.Basic;
import gopl.types.Chan;
import gopl.types.Interface;
import gopl.types.MapType;
import gopl.types.Named;
import gopl.types.Pointer;
import gopl.types.Signature;
import gopl.types.Slice;
import gopl.types.Struct;
import gopl.types.Tuple;
import gopl.types.Type;
import org.objectweb.asm.Opcodes;

/**
 * The value mapping of DESIGN.md §3 / docs/codegen.md: the JVM type of every Go type, the
 * element storage of slices and arrays, and Go's sizes (for append growth).
 *
 * <ul>
 *   <li>int, int64, uint, uint64, uintptr: J; int32 (rune), uint32, int16, uint16, int8, uint8
 *       (byte): I holding the value truncated to its width (sign- or zero-extended); bool: Z;
 *       float64: D; float32: F; string: String (chars are bytes).
 *   <li>struct: its generated class; *struct: the same class (the object is the variable);
 *       array: a JVM array (long[], int[], short[], byte[], double[], float[], boolean[],
 *       Object[]); *array: the same array; other pointers: the {@code XPtr} classes.
 *   <li>slice: {@code XSlice} by element storage; map: GoMap; interface: Object; func: the
 *       generated functional interface of its JVM signature; chan, unsafe.Pointer: Object.
 * </ul>
 */
final class TypeLayout {
  private final CodeGenerator gen;

  TypeLayout(CodeGenerator gen) {
    this.gen = gen;
  }

  /** Element storage classes: what slices, arrays and pointers of a Go type use. */
  enum Storage {
    LONG("Long", "J", "[J", 8),
    INT("Int", "I", "[I", 4),
    SHORT("Short", "S", "[S", 2),
    BYTE("Byte", "B", "[B", 1),
    DOUBLE("Double", "D", "[D", 8),
    FLOAT("Float", "F", "[F", 4),
    BOOL("Bool", "Z", "[Z", 1),
    OBJECT("Object", "Ljava/lang/Object;", "[Ljava/lang/Object;", 0);

    final String prefix;
    final String elemDesc;
    final String arrayDesc;
    final int size;

    Storage(String prefix, String elemDesc, String arrayDesc, int size) {
      this.prefix = prefix;
      this.elemDesc = elemDesc;
      this.arrayDesc = arrayDesc;
      this.size = size;
    }

    String sliceClass() {
      return "gopl/runtime/" + prefix + "Slice";
    }

    String ptrClass() {
      return "gopl/runtime/" + prefix + "Ptr";
    }

    String refClass() {
      return "gopl/runtime/" + prefix + "Ref";
    }

    /** The JVM type a value of this storage has on the operand stack. */
    String stackDesc() {
      return switch (this) {
        case SHORT, BYTE -> "I";
        default -> elemDesc;
      };
    }

    int newarrayType() {
      return switch (this) {
        case LONG -> Opcodes.T_LONG;
        case INT -> Opcodes.T_INT;
        case SHORT -> Opcodes.T_SHORT;
        case BYTE -> Opcodes.T_BYTE;
        case DOUBLE -> Opcodes.T_DOUBLE;
        case FLOAT -> Opcodes.T_FLOAT;
        case BOOL -> Opcodes.T_BOOLEAN;
        case OBJECT -> -1;
      };
    }
  }

  static Basic basic(Type t) {
    return t.underlying() instanceof Basic b ? b : null;
  }

  static Basic.Kind kind(Type t) {
    Basic b = basic(t);
    return b == null ? null : b.kind();
  }

  static boolean isString(Type t) {
    Basic b = basic(t);
    return b != null && b.is(Basic.IS_STRING);
  }

  static boolean isUnsigned(Type t) {
    Basic b = basic(t);
    return b != null && b.is(Basic.IS_UNSIGNED);
  }

  static boolean isFloat(Type t) {
    Basic b = basic(t);
    return b != null && b.is(Basic.IS_FLOAT);
  }

  static boolean isInteger(Type t) {
    Basic b = basic(t);
    return b != null && b.is(Basic.IS_INTEGER);
  }

  static boolean isInterface(Type t) {
    return t.underlying() instanceof Interface;
  }

  static boolean isStruct(Type t) {
    return t.underlying() instanceof Struct;
  }

  static boolean isArray(Type t) {
    return t.underlying() instanceof Array;
  }

  /** Structs and arrays: values held in mutable JVM objects, copied on assignment. */
  static boolean isValueObject(Type t) {
    return isStruct(t) || isArray(t);
  }

  /** The storage class of values of t (in slices, arrays, pointers, boxes). */
  static Storage storage(Type t) {
    Type u = t.underlying();
    if (u instanceof Basic b) {
      return switch (b.kind()) {
        case BOOL, UNTYPED_BOOL -> Storage.BOOL;
        case INT, INT64, UINT, UINT64, UINTPTR, UNTYPED_INT -> Storage.LONG;
        case INT32, UINT32, UNTYPED_RUNE -> Storage.INT;
        case INT16, UINT16 -> Storage.SHORT;
        case INT8, UINT8 -> Storage.BYTE;
        case FLOAT64, UNTYPED_FLOAT -> Storage.DOUBLE;
        case FLOAT32 -> Storage.FLOAT;
        default -> Storage.OBJECT;
      };
    }
    return Storage.OBJECT;
  }

  /** Width in bits of an integer type represented as JVM int (8, 16, 32), or 64. */
  static int bits(Type t) {
    return switch (kind(t)) {
      case INT8, UINT8 -> 8;
      case INT16, UINT16 -> 16;
      case INT32, UINT32, UNTYPED_RUNE -> 32;
      default -> 64;
    };
  }

  /** The JVM descriptor of a Go type's values. */
  String desc(Type t) {
    Type u = t.underlying();
    return switch (u) {
      case Basic b -> switch (b.kind()) {
        case BOOL, UNTYPED_BOOL -> "Z";
        case INT, INT64, UINT, UINT64, UINTPTR, UNTYPED_INT -> "J";
        case INT32, UINT32, INT16, UINT16, INT8, UINT8, UNTYPED_RUNE -> "I";
        case FLOAT64, UNTYPED_FLOAT -> "D";
        case FLOAT32 -> "F";
        case STRING, UNTYPED_STRING -> "Ljava/lang/String;";
        default -> "Ljava/lang/Object;";
      };
      case Struct s -> "L" + gen.structs.className(t) + ";";
      case Pointer p -> pointerDesc(p);
      case Array a -> storage(a.elem()).arrayDesc;
      case Slice s -> "L" + storage(s.elem()).sliceClass() + ";";
      case MapType m -> "Lgopl/runtime/GoMap;";
      case Signature sig -> "L" + gen.funcTypes.interfaceName(sig) + ";";
      case Interface i -> "Ljava/lang/Object;";
      case Chan c -> "Lgopl/runtime/conc/Chan;";
      case Tuple tu -> "[Ljava/lang/Object;";
      case Named n -> throw new IllegalStateException("named underlying");
    };
  }

  private String pointerDesc(Pointer p) {
    Type e = p.elem();
    if (isStruct(e)) return "L" + gen.structs.className(e) + ";";
    if (isArray(e)) return desc(e);
    return "L" + storage(e).ptrClass() + ";";
  }

  /** The internal name (for checkcast) of a reference type's JVM class or array. */
  String internalName(Type t) {
    String d = desc(t);
    if (d.startsWith("L")) return d.substring(1, d.length() - 1);
    return d; // arrays
  }

  /** True if values of t occupy two JVM slots. */
  boolean isWide(Type t) {
    String d = desc(t);
    return d.equals("J") || d.equals("D");
  }

  /** Go's unsafe.Sizeof on amd64, used for append growth. */
  long sizeof(Type t) {
    Type u = t.underlying();
    return switch (u) {
      case Basic b -> switch (b.kind()) {
        case BOOL, INT8, UINT8 -> 1;
        case INT16, UINT16 -> 2;
        case INT32, UINT32, FLOAT32 -> 4;
        case STRING -> 16;
        default -> 8;
      };
      case Struct s -> structSize(s);
      case Array a -> a.len() * sizeof(a.elem());
      case Slice s -> 24;
      case Interface i -> 16;
      default -> 8;
    };
  }

  long alignof(Type t) {
    Type u = t.underlying();
    return switch (u) {
      case Basic b -> switch (b.kind()) {
        case BOOL, INT8, UINT8 -> 1;
        case INT16, UINT16 -> 2;
        case INT32, UINT32, FLOAT32 -> 4;
        default -> 8;
      };
      case Struct s -> {
        long m = 1;
        for (var f : s.fields()) m = Math.max(m, alignof(f.type()));
        yield m;
      }
      case Array a -> alignof(a.elem());
      default -> 8;
    };
  }

  private long structSize(Struct s) {
    long off = 0;
    long max = 1;
    for (var f : s.fields()) {
      long a = alignof(f.type());
      max = Math.max(max, a);
      off = (off + a - 1) / a * a;
      off += sizeof(f.type());
    }
    if (!s.fields().isEmpty() && sizeof(s.fields().get(s.numFields() - 1).type()) == 0 && off > 0) off++;
    return (off + max - 1) / max * max;
  }
}
