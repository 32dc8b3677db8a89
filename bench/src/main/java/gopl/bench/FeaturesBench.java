package gopl.bench;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 4: interface dispatch (one, two and four receiver types at a call site), struct copying and
 * defer, GoPL-compiled ({@code features.gop}, compiled at set-up) against the same loops in
 * hand-written Java ({@link FeaturesJava}). Both sides are called the same way, through a method
 * handle of type {@code (long)long} running {@link #N} iterations, so the call overhead is equal
 * and amortised; the score is time per loop iteration. Benchmarks come in pairs
 * {@code gopl_X}/{@code java_X}; {@link Ratios} prints GoPL/Java per pair.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FeaturesBench {
  static final int N = 10_000;
  private static final MethodType LL = MethodType.methodType(long.class, long.class);

  MethodHandle goDispatchMono, goDispatchBi, goDispatchMega, goStructCopy, goStructCopyArray, goDefer, goNoDefer;
  MethodHandle jDispatchMono, jDispatchBi, jDispatchMega, jStructCopy, jStructCopyArray, jDefer, jNoDefer;

  @Setup
  public void setUp() throws ReflectiveOperationException {
    GoplProgram p = GoplProgram.compile("features.gop");
    goDispatchMono = p.function("DispatchMono", LL);
    goDispatchBi = p.function("DispatchBi", LL);
    goDispatchMega = p.function("DispatchMega", LL);
    goStructCopy = p.function("StructCopy", LL);
    goStructCopyArray = p.function("StructCopyArray", LL);
    goDefer = p.function("Defer", LL);
    goNoDefer = p.function("NoDefer", LL);
    var l = java.lang.invoke.MethodHandles.lookup();
    jDispatchMono = l.findStatic(FeaturesJava.class, "dispatchMono", LL);
    jDispatchBi = l.findStatic(FeaturesJava.class, "dispatchBi", LL);
    jDispatchMega = l.findStatic(FeaturesJava.class, "dispatchMega", LL);
    jStructCopy = l.findStatic(FeaturesJava.class, "structCopy", LL);
    jStructCopyArray = l.findStatic(FeaturesJava.class, "structCopyArray", LL);
    jDefer = l.findStatic(FeaturesJava.class, "defer", LL);
    jNoDefer = l.findStatic(FeaturesJava.class, "noDefer", LL);
    // Same answers on both sides, or the comparison means nothing.
    check("DispatchMono", goDispatchMono, jDispatchMono);
    check("DispatchBi", goDispatchBi, jDispatchBi);
    check("DispatchMega", goDispatchMega, jDispatchMega);
    check("StructCopy", goStructCopy, jStructCopy);
    check("StructCopyArray", goStructCopyArray, jStructCopyArray);
    check("Defer", goDefer, jDefer);
    check("NoDefer", goNoDefer, jNoDefer);
  }

  private static void check(String name, MethodHandle go, MethodHandle java) {
    try {
      long a = (long) go.invokeExact(1000L);
      long b = (long) java.invokeExact(1000L);
      if (a != b) throw new IllegalStateException(name + ": GoPL gives " + a + ", Java " + b);
    } catch (Throwable t) {
      throw t instanceof RuntimeException r ? r : new IllegalStateException(t);
    }
  }

  @Benchmark @OperationsPerInvocation(N) public long gopl_dispatchMono() throws Throwable { return (long) goDispatchMono.invokeExact((long) N); }
  @Benchmark @OperationsPerInvocation(N) public long java_dispatchMono() throws Throwable { return (long) jDispatchMono.invokeExact((long) N); }
  @Benchmark @OperationsPerInvocation(N) public long gopl_dispatchBi() throws Throwable { return (long) goDispatchBi.invokeExact((long) N); }
  @Benchmark @OperationsPerInvocation(N) public long java_dispatchBi() throws Throwable { return (long) jDispatchBi.invokeExact((long) N); }
  @Benchmark @OperationsPerInvocation(N) public long gopl_dispatchMega() throws Throwable { return (long) goDispatchMega.invokeExact((long) N); }
  @Benchmark @OperationsPerInvocation(N) public long java_dispatchMega() throws Throwable { return (long) jDispatchMega.invokeExact((long) N); }
  @Benchmark @OperationsPerInvocation(N) public long gopl_structCopy() throws Throwable { return (long) goStructCopy.invokeExact((long) N); }
  @Benchmark @OperationsPerInvocation(N) public long java_structCopy() throws Throwable { return (long) jStructCopy.invokeExact((long) N); }
  @Benchmark @OperationsPerInvocation(N) public long gopl_structCopyArray() throws Throwable { return (long) goStructCopyArray.invokeExact((long) N); }
  @Benchmark @OperationsPerInvocation(N) public long java_structCopyArray() throws Throwable { return (long) jStructCopyArray.invokeExact((long) N); }
  @Benchmark @OperationsPerInvocation(N) public long gopl_defer() throws Throwable { return (long) goDefer.invokeExact((long) N); }
  @Benchmark @OperationsPerInvocation(N) public long java_defer() throws Throwable { return (long) jDefer.invokeExact((long) N); }
  @Benchmark @OperationsPerInvocation(N) public long gopl_noDefer() throws Throwable { return (long) goNoDefer.invokeExact((long) N); }
  @Benchmark @OperationsPerInvocation(N) public long java_noDefer() throws Throwable { return (long) jNoDefer.invokeExact((long) N); }
}
