package gopl.runtime.pmem.sim;

import gopl.runtime.pmem.Heap;
import gopl.runtime.pmem.HeapChecker;
import gopl.runtime.pmem.HeapOptions;
import gopl.runtime.pmem.MemoryMedia;
import java.util.ArrayList;
import java.util.List;

/**
 * Enumerates every crash point of a deterministic workload (DESIGN.md §4): for each persistence
 * event k it reruns the workload on a fresh copy of the base image with the power cut before
 * event k, then reopens each surviving image (recovery runs), checks the heap and runs the
 * caller's invariant. Optionally each recovery is itself crashed at every one of its events and
 * the result reopened and checked again.
 */
public final class CrashEnumerator {
  /** The work to crash: runs on a heap opened over the base image. */
  public interface Workload {
    void run(Heap heap) throws Exception;

    /** Called before each run's heap is opened (the power may be cut before {@link #run} starts). */
    default void reset() {}
  }

  /** What must hold after recovery; {@code crashPoint} is the event the power was cut before. */
  public interface Invariant {
    void check(Heap heap, long crashPoint) throws Exception;
  }

  /**
   * @param extra which unfenced lines a crash image may contain
   * @param seeds images per crash point (random subsets of unfenced lines; 1 for Extra.NONE)
   * @param crashRecovery also crash every recovery at each of its events
   */
  public record Options(CrashSimulator.Extra extra, int seeds, boolean crashRecovery) {
    public static Options plain() { return new Options(CrashSimulator.Extra.NONE, 1, false); }
  }

  /** Crash points tried, images reopened and checked, and every inconsistency found. */
  public record Result(long crashPoints, long imagesChecked, long recoveryCrashPoints, List<String> failures) {
    @Override
    public String toString() {
      return crashPoints + " crash points, " + imagesChecked + " images checked, " + recoveryCrashPoints
          + " recovery crash points, " + failures.size() + " inconsistencies";
    }
  }

  private CrashEnumerator() {}

  public static Result run(List<byte[]> base, HeapOptions opts, Workload w, Invariant inv, Options o) {
    long n = countEvents(base, opts, w);
    List<String> failures = new ArrayList<>();
    long images = 0, recoveryPoints = 0;
    for (long k = 0; k <= n; k++) {
      for (int seed = 0; seed < Math.max(1, o.seeds()); seed++) {
        List<byte[]> img = crashImage(base, opts, w, k, o.extra(), seed);
        images++;
        verify(img, opts, inv, k, "crash at event " + k + " seed " + seed, failures);
        if (o.crashRecovery()) recoveryPoints += crashRecovery(img, opts, inv, k, failures);
        if (o.extra() == CrashSimulator.Extra.NONE || k == n) break;
      }
    }
    return new Result(n + 1, images, recoveryPoints, failures);
  }

  /** Events of a complete run of the workload (opening included). */
  public static long countEvents(List<byte[]> base, HeapOptions opts, Workload w) {
    CrashSimulator sim = new CrashSimulator(-1, CrashSimulator.Extra.NONE, 0);
    try (Heap h = Heap.open(new MemoryMedia("sim.pmem", base), opts.withDomain(sim))) {
      w.run(h);
    } catch (Exception e) {
      throw new IllegalStateException("workload failed without a crash: " + e, e);
    }
    return sim.events();
  }

  /** The image a restart finds when the power is cut before event {@code k} (k past the end: the final image). */
  static List<byte[]> crashImage(List<byte[]> base, HeapOptions opts, Workload w, long k,
      CrashSimulator.Extra extra, long seed) {
    CrashSimulator sim = new CrashSimulator(k, extra, seed);
    w.reset();
    MemoryMedia m = new MemoryMedia("sim.pmem", base);
    Heap h = null;
    try {
      h = Heap.open(m, opts.withDomain(sim));
      runUntilDoneOrPowerCut(w, h, sim);
    } catch (PowerFailure expected) {
      // the image is captured
    } catch (Exception e) {
      throw new IllegalStateException("workload failed at crash point " + k + ": " + e, e);
    } finally {
      try {
        if (h != null) h.close();
        else m.close();
      } catch (PowerFailure expected) {
        // the power was cut by close's final fence
      }
    }
    return sim.crashed() ? sim.crashImage() : sim.persistedImage();
  }

  /**
   * Runs the workload on its own thread and returns when it ends or when the power is cut,
   * whichever comes first. A workload with several threads may take the power failure on a thread
   * other than the one that waits for the rest (a goroutine that dies holding a lock its siblings
   * wait for): once the image is captured nothing the workload does can change it, so the run is
   * abandoned and its threads are left to fail against the closed heap.
   */
  private static void runUntilDoneOrPowerCut(Workload w, Heap h, CrashSimulator sim) throws Exception {
    Throwable[] failed = {null};
    Thread t = Thread.ofPlatform().daemon().name("crash-workload").start(() -> {
      try {
        w.run(h);
      } catch (PowerFailure expected) {
        // the image is captured
      } catch (Throwable e) {
        failed[0] = e;
      }
    });
    while (t.isAlive() && !sim.crashed()) t.join(1);
    if (sim.crashed()) {
      t.join(20); // let a workload that unwinds cleanly finish before its heap is closed
      throw new PowerFailure(-1);
    }
    if (failed[0] instanceof Exception e) throw e;
    if (failed[0] instanceof Error e) throw e;
  }

  private static boolean verify(List<byte[]> img, HeapOptions opts, Invariant inv, long k, String what,
      List<String> failures) {
    try (Heap h = Heap.open(new MemoryMedia("crash.pmem", img), opts.withDomain(gopl.runtime.pmem.Domains.none()))) {
      HeapChecker.Report r = HeapChecker.check(h);
      if (!r.ok()) {
        failures.add(what + ": check: " + r.problems());
        return false;
      }
      inv.check(h, k);
      return true;
    } catch (Exception | AssertionError e) {
      failures.add(what + ": " + e);
      return false;
    }
  }

  private static long crashRecovery(List<byte[]> img, HeapOptions opts, Invariant inv, long k, List<String> failures) {
    long m = countEvents(img, opts, h -> { });
    for (long j = 0; j < m; j++) {
      List<byte[]> again = crashImage(img, opts, h -> { }, j, CrashSimulator.Extra.NONE, 0);
      verify(again, opts, inv, k, "crash at event " + k + ", recovery crashed at event " + j, failures);
    }
    return m;
  }
}
