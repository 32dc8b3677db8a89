package gopl.runtime;

import gopl.runtime.fmt.State;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The Go value a {@code Format(f fmt.State, verb rune)} method receives as {@code f}: a
 * {@code *fmt.pp} (Go's printer type) whose methods {@code Write}, {@code WriteString},
 * {@code Width}, {@code Precision} and {@code Flag} forward to the fmt engine's {@link State}.
 *
 * <p>It is a struct class like a generated one ({@link GoStruct}), so interface calls on
 * {@code f}, type assertions ({@code f.(io.StringWriter)}), {@code fmt.Fprintf(f, ...)} and
 * {@code %T} ({@code *fmt.pp}) work as in Go. Valid only during the {@code Format} call, as in Go.
 */
public final class FmtState implements GoStruct {
  private static final RType PP =
      RType.named("fmt", "fmt.pp", 0).setUnderlying(RType.struct(new String[0], new RType[0], new boolean[0]));

  /** {@code *fmt.pp} with its method table. */
  private static final RType PP_PTR = methods(RType.pointer(PP));

  private final State s;

  FmtState(State s) {
    this.s = s;
  }

  private static RType methods(RType ptr) {
    if (ptr.method("Write") != null) return ptr;
    MethodHandles.Lookup l = MethodHandles.lookup();
    try {
      MethodType pair = MethodType.methodType(Object[].class);
      ptr.addMethod("Write", l.findVirtual(FmtState.class, "Write", pair.appendParameterTypes(ByteSlice.class)));
      ptr.addMethod("WriteString", l.findVirtual(FmtState.class, "WriteString", pair.appendParameterTypes(String.class)));
      ptr.addMethod("Width", l.findVirtual(FmtState.class, "Width", pair));
      ptr.addMethod("Precision", l.findVirtual(FmtState.class, "Precision", pair));
      ptr.addMethod("Flag", l.findVirtual(FmtState.class, "Flag", MethodType.methodType(boolean.class, long.class)));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
    return ptr;
  }

  /** {@code Write(b []byte) (ret int, err error)}: appends b; never fails. */
  public Object[] Write(ByteSlice b) {
    int n = ByteSlice.len(b);
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) sb.append((char) (b.a[b.off + i] & 0xFF));
    s.write(sb);
    return new Object[] {(long) n, null};
  }

  /** {@code WriteString(s string) (ret int, err error)}. */
  public Object[] WriteString(String str) {
    s.write(str);
    return new Object[] {(long) str.length(), null};
  }

  /** {@code Width() (wid int, ok bool)}. */
  public Object[] Width() {
    return new Object[] {(long) s.width(), s.hasWidth()};
  }

  /** {@code Precision() (prec int, ok bool)}. */
  public Object[] Precision() {
    return new Object[] {(long) s.precision(), s.hasPrecision()};
  }

  /** {@code Flag(c int) bool}. */
  public boolean Flag(long c) {
    return s.flag(c);
  }

  @Override
  public RType goType() {
    return PP_PTR;
  }

  @Override
  public RType structType() {
    return PP;
  }

  @Override
  public Object field(int i) {
    throw new IndexOutOfBoundsException(i);
  }

  @Override
  public GoStruct copy() {
    return new FmtState(s);
  }

  @Override
  public boolean goEquals(Object other) {
    return other instanceof FmtState o && o.s == s;
  }

  @Override
  public int goHash() {
    return System.identityHashCode(s);
  }
}
