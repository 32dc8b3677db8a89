package gopl.types;

import gopl.frontend.Diagnostic;
import gopl.frontend.GoPackage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Entry point of the type checker: checks packages in dependency order, each against the
 * already-checked packages it imports, and collects diagnostics (at most 10 per file, as gc).
 * A Checker may be used for one {@link #check} call.
 */
public final class Checker {
  private final Map<String, Package> byPath = new HashMap<>();

  private final int limit;

  /** A checker that stops after 10 errors per package, as gc does. */
  public Checker() {
    this(Errors.LIMIT);
  }

  /** A checker with another error limit (0: report every error, as {@code gc -e}). */
  public Checker(int errorLimit) {
    this.limit = errorLimit;
  }

  /**
   * Checks the packages, each after the packages it imports (main last): the front end's
   * {@link GoPackage}s as {@link gopl.frontend.Loader} returns them (the contract), or
   * {@link PackageSource}s (the form used before the Loader existed). Both element types are
   * accepted by one method so that callers of either form compile.
   */
  public CheckResult check(List<?> packages) {
    List<CheckedPackage> out = new ArrayList<>();
    List<Diagnostic> diags = new ArrayList<>();
    for (Object o : packages) {
      GoPackage gp = o instanceof GoPackage g ? g : null;
      PackageSource src = switch (o) {
        case GoPackage g -> new PackageSource(g.importPath(), g.name(), g.files(), g.std());
        case PackageSource p -> p;
        default -> throw new IllegalArgumentException("not a package: " + o);
      };
      Package pkg = new Package(src.importPath(), src.name(), src.std());
      Info info = new Info();
      PackageChecker pc = new PackageChecker(pkg, info, src.files(), byPath, limit);
      pc.checkPackage();
      diags.addAll(pc.errors.diagnostics());
      byPath.put(src.importPath(), pkg);
      out.add(new CheckedPackage(src, pkg, info, gp));
    }
    return new CheckResult(List.copyOf(out), List.copyOf(diags));
  }
}
