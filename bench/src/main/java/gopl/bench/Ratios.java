package gopl.bench;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Main class of {@code bench/target/benchmarks.jar}: runs the JMH benchmarks selected by the
 * usual JMH command line (default: every benchmark of this module) and then prints, for each pair
 * {@code gopl_X}/{@code java_X} measured in the same run, both scores and the ratio GoPL/Java.
 */
public final class Ratios {
  private Ratios() {}

  public static void main(String[] args) throws Exception {
    CommandLineOptions cl = new CommandLineOptions(args);
    Options opts = cl.getIncludes().isEmpty()
        ? new OptionsBuilder().parent(cl).include("gopl\\.bench\\..*").build()
        : cl;
    Collection<RunResult> results = new Runner(opts).run();
    Map<String, double[]> pairs = new TreeMap<>();
    for (RunResult r : results) {
      String label = r.getParams().getBenchmark();
      String method = label.substring(label.lastIndexOf('.') + 1);
      int us = method.indexOf('_');
      if (us < 0) continue;
      String side = method.substring(0, us);
      String name = label.substring(0, label.lastIndexOf('.') + 1) + method.substring(us + 1);
      double[] p = pairs.computeIfAbsent(name, k -> new double[] {Double.NaN, Double.NaN});
      double score = r.getPrimaryResult().getScore();
      if (side.equals("gopl")) p[0] = score;
      else if (side.equals("java")) p[1] = score;
    }
    System.out.printf("%n%-48s %12s %12s %10s%n", "benchmark (ns per iteration)", "gopl", "java", "gopl/java");
    for (Map.Entry<String, double[]> e : pairs.entrySet()) {
      String name = e.getKey().replaceFirst("^gopl\\.bench\\.", "");
      double[] p = e.getValue();
      System.out.printf("%-48s %12.3f %12.3f %10.2f%n", name, p[0], p[1], p[0] / p[1]);
    }
  }
}
