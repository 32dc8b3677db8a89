package gopl.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Wall-clock time per compiler phase (parse, check, codegen, write), in the order the phases ran;
 * what {@code -v} prints. Not thread-safe: one per compilation.
 */
public final class Timings {
  private final Map<String, Long> nanos = new LinkedHashMap<>();

  /** Runs {@code phase}, adding its duration to {@code name}'s total. */
  public <T> T time(String name, Supplier<T> phase) {
    long start = System.nanoTime();
    try {
      return phase.get();
    } finally {
      nanos.merge(name, System.nanoTime() - start, Long::sum);
    }
  }

  public void time(String name, Runnable phase) {
    time(name, () -> {
      phase.run();
      return null;
    });
  }

  /** Phase name to nanoseconds, in order. */
  public Map<String, Long> phases() {
    return Map.copyOf(nanos);
  }

  /** {@code parse 12.3ms, check 4.5ms, codegen 8.9ms (total 25.7ms)}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    long total = 0;
    for (Map.Entry<String, Long> e : nanos.entrySet()) {
      if (!sb.isEmpty()) sb.append(", ");
      sb.append(e.getKey()).append(' ').append(ms(e.getValue()));
      total += e.getValue();
    }
    return sb.append(" (total ").append(ms(total)).append(')').toString();
  }

  private static String ms(long nanos) {
    return String.format(java.util.Locale.ROOT, "%.1fms", nanos / 1e6);
  }
}
