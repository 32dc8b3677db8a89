package gopl.cli;

import gopl.frontend.Diagnostic;
import java.util.List;
import java.util.Map;

/**
 * What {@link Compiler} produced: diagnostics (sorted, Go's wording), and when there are no errors
 * the program's classes by internal name and the internal name of the class holding
 * {@code public static void main(String[])}; plus per-phase timings.
 *
 * @param classes empty when {@link #ok()} is false or compilation stopped before code generation
 * @param mainClass null when {@link #ok()} is false or compilation stopped before code generation
 */
public record Compilation(List<Diagnostic> diagnostics, Map<String, byte[]> classes, String mainClass, Timings timings) {
  /** True when no diagnostic is an error. */
  public boolean ok() {
    return diagnostics.stream().noneMatch(Diagnostic::isError);
  }

  /** The error diagnostics only, sorted. */
  public List<Diagnostic> errors() {
    return diagnostics.stream().filter(Diagnostic::isError).sorted().toList();
  }
}
