package gopl.runtime.pmem.sim;

/**
 * Thrown by the crash simulator when it cuts the power: it unwinds the workload (an Error, so
 * that {@code catch (Exception e)} in a workload cannot swallow it).
 */
public final class PowerFailure extends Error {
  public PowerFailure(long event) { super("power cut before persistence event " + event, null, false, false); }
}
