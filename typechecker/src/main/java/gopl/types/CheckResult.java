package gopl.types;

import gopl.frontend.Diagnostic;
import java.util.List;

/**
 * The result of {@link Checker#check}: the checked packages in dependency order (main last) and
 * the diagnostics (sorted by position; empty when the program is well-typed). When there are
 * errors, the packages' Info is partial and must not be handed to the code generator.
 */
public record CheckResult(List<CheckedPackage> packages, List<Diagnostic> diagnostics) {
  public boolean ok() {
    return diagnostics.stream().noneMatch(Diagnostic::isError);
  }

  /** The checked package with that import path, or null. */
  public CheckedPackage get(String importPath) {
    for (CheckedPackage p : packages) if (p.importPath().equals(importPath)) return p;
    return null;
  }

  /** The Info of a package given to {@link Checker#check} as a GoPackage, or null. */
  public Info info(gopl.frontend.GoPackage p) {
    for (CheckedPackage c : packages) if (c.goPackage() == p) return c.info();
    return null;
  }

  /** The last package (the main package of a program). */
  public CheckedPackage main() {
    return packages.isEmpty() ? null : packages.get(packages.size() - 1);
  }
}
