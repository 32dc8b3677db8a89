package gopl.types;

import static gopl.types.Basic.*;

/** The predeclared basic types and the untyped constant types (go/types {@code Typ}). */
public final class Typ {
  private Typ() {}

  public static final Basic INVALID = new Basic(Kind.INVALID, 0, "invalid type");
  public static final Basic BOOL = new Basic(Kind.BOOL, IS_BOOLEAN, "bool");
  public static final Basic INT = new Basic(Kind.INT, IS_INTEGER, "int");
  public static final Basic INT8 = new Basic(Kind.INT8, IS_INTEGER, "int8");
  public static final Basic INT16 = new Basic(Kind.INT16, IS_INTEGER, "int16");
  public static final Basic INT32 = new Basic(Kind.INT32, IS_INTEGER, "int32");
  public static final Basic INT64 = new Basic(Kind.INT64, IS_INTEGER, "int64");
  public static final Basic UINT = new Basic(Kind.UINT, IS_INTEGER | IS_UNSIGNED, "uint");
  public static final Basic UINT8 = new Basic(Kind.UINT8, IS_INTEGER | IS_UNSIGNED, "uint8");
  public static final Basic UINT16 = new Basic(Kind.UINT16, IS_INTEGER | IS_UNSIGNED, "uint16");
  public static final Basic UINT32 = new Basic(Kind.UINT32, IS_INTEGER | IS_UNSIGNED, "uint32");
  public static final Basic UINT64 = new Basic(Kind.UINT64, IS_INTEGER | IS_UNSIGNED, "uint64");
  public static final Basic UINTPTR = new Basic(Kind.UINTPTR, IS_INTEGER | IS_UNSIGNED, "uintptr");
  public static final Basic FLOAT32 = new Basic(Kind.FLOAT32, IS_FLOAT, "float32");
  public static final Basic FLOAT64 = new Basic(Kind.FLOAT64, IS_FLOAT, "float64");
  public static final Basic COMPLEX64 = new Basic(Kind.COMPLEX64, IS_COMPLEX, "complex64");
  public static final Basic COMPLEX128 = new Basic(Kind.COMPLEX128, IS_COMPLEX, "complex128");
  public static final Basic STRING = new Basic(Kind.STRING, IS_STRING, "string");
  public static final Basic UNSAFE_POINTER = new Basic(Kind.UNSAFE_POINTER, 0, "Pointer");

  public static final Basic UNTYPED_BOOL = new Basic(Kind.UNTYPED_BOOL, IS_BOOLEAN | IS_UNTYPED, "untyped bool");
  public static final Basic UNTYPED_INT = new Basic(Kind.UNTYPED_INT, IS_INTEGER | IS_UNTYPED, "untyped int");
  public static final Basic UNTYPED_RUNE = new Basic(Kind.UNTYPED_RUNE, IS_INTEGER | IS_UNTYPED, "untyped rune");
  public static final Basic UNTYPED_FLOAT = new Basic(Kind.UNTYPED_FLOAT, IS_FLOAT | IS_UNTYPED, "untyped float");
  public static final Basic UNTYPED_COMPLEX = new Basic(Kind.UNTYPED_COMPLEX, IS_COMPLEX | IS_UNTYPED, "untyped complex");
  public static final Basic UNTYPED_STRING = new Basic(Kind.UNTYPED_STRING, IS_STRING | IS_UNTYPED, "untyped string");
  public static final Basic UNTYPED_NIL = new Basic(Kind.UNTYPED_NIL, IS_UNTYPED, "untyped nil");

  /** The aliases: {@code byte} (= uint8) and {@code rune} (= int32) spelled by their own names. */
  public static final Basic BYTE = new Basic(Kind.UINT8, IS_INTEGER | IS_UNSIGNED, "byte");
  public static final Basic RUNE = new Basic(Kind.INT32, IS_INTEGER, "rune");

  /** Every typed predeclared basic type except unsafe.Pointer, in universe order. */
  public static final Basic[] PREDECLARED = {
    BOOL, INT, INT8, INT16, INT32, INT64, UINT, UINT8, UINT16, UINT32, UINT64, UINTPTR,
    FLOAT32, FLOAT64, COMPLEX64, COMPLEX128, STRING, BYTE, RUNE
  };

  /** The canonical (non-alias) Basic for a kind. */
  public static Basic of(Kind k) {
    return switch (k) {
      case INVALID -> INVALID;
      case BOOL -> BOOL;
      case INT -> INT;
      case INT8 -> INT8;
      case INT16 -> INT16;
      case INT32 -> INT32;
      case INT64 -> INT64;
      case UINT -> UINT;
      case UINT8 -> UINT8;
      case UINT16 -> UINT16;
      case UINT32 -> UINT32;
      case UINT64 -> UINT64;
      case UINTPTR -> UINTPTR;
      case FLOAT32 -> FLOAT32;
      case FLOAT64 -> FLOAT64;
      case COMPLEX64 -> COMPLEX64;
      case COMPLEX128 -> COMPLEX128;
      case STRING -> STRING;
      case UNSAFE_POINTER -> UNSAFE_POINTER;
      case UNTYPED_BOOL -> UNTYPED_BOOL;
      case UNTYPED_INT -> UNTYPED_INT;
      case UNTYPED_RUNE -> UNTYPED_RUNE;
      case UNTYPED_FLOAT -> UNTYPED_FLOAT;
      case UNTYPED_COMPLEX -> UNTYPED_COMPLEX;
      case UNTYPED_STRING -> UNTYPED_STRING;
      case UNTYPED_NIL -> UNTYPED_NIL;
    };
  }
}
