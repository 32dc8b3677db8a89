package gopl.runtime;

/**
 * Kind-independent access to slice objects of any element class, for code that handles values
 * generically (fmt views, the runtime printer). Not for generated code's hot paths, which use the
 * typed classes directly.
 */
public final class SliceView {
  private SliceView() {}

  public static int len(Object s) {
    return switch (s) {
      case null -> 0;
      case LongSlice x -> x.len;
      case IntSlice x -> x.len;
      case ShortSlice x -> x.len;
      case ByteSlice x -> x.len;
      case DoubleSlice x -> x.len;
      case FloatSlice x -> x.len;
      case BoolSlice x -> x.len;
      case ObjectSlice x -> x.len;
      default -> throw new IllegalArgumentException(s.getClass().getName());
    };
  }

  public static int cap(Object s) {
    return switch (s) {
      case null -> 0;
      case LongSlice x -> x.cap;
      case IntSlice x -> x.cap;
      case ShortSlice x -> x.cap;
      case ByteSlice x -> x.cap;
      case DoubleSlice x -> x.cap;
      case FloatSlice x -> x.cap;
      case BoolSlice x -> x.cap;
      case ObjectSlice x -> x.cap;
      default -> throw new IllegalArgumentException(s.getClass().getName());
    };
  }

  /** Element i (0 <= i < len) Java-boxed; byte elements come back as Byte, short as Short. */
  public static Object get(Object s, int i) {
    return switch (s) {
      case LongSlice x -> x.a[x.off + i];
      case IntSlice x -> x.a[x.off + i];
      case ShortSlice x -> x.a[x.off + i];
      case ByteSlice x -> x.a[x.off + i];
      case DoubleSlice x -> x.a[x.off + i];
      case FloatSlice x -> x.a[x.off + i];
      case BoolSlice x -> x.a[x.off + i];
      case ObjectSlice x -> x.a[x.off + i];
      default -> throw new IllegalArgumentException(String.valueOf(s));
    };
  }

  /** The backing array (identity for %p). */
  public static Object array(Object s) {
    return switch (s) {
      case LongSlice x -> x.a;
      case IntSlice x -> x.a;
      case ShortSlice x -> x.a;
      case ByteSlice x -> x.a;
      case DoubleSlice x -> x.a;
      case FloatSlice x -> x.a;
      case BoolSlice x -> x.a;
      case ObjectSlice x -> x.a;
      default -> null;
    };
  }
}
