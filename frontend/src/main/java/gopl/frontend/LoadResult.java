package gopl.frontend;

import java.util.List;

/**
 * Every package of a program, each after all packages it imports (the main package last), and
 * all diagnostics of loading and parsing them, sorted by position.
 */
public record LoadResult(List<GoPackage> packagesInDependencyOrder, List<Diagnostic> diagnostics) {
  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }

  /** The package that was asked for (the last one), or null if nothing could be loaded. */
  public GoPackage mainPackage() {
    return packagesInDependencyOrder.isEmpty() ? null : packagesInDependencyOrder.get(packagesInDependencyOrder.size() - 1);
  }
}
