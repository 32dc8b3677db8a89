package gopl.types;

import gopl.frontend.GoPackage;
import gopl.frontend.ast.SourceFile;
import java.util.List;

/**
 * One checked package: its source, its {@link Package} (scope, objects), its {@link Info}, and
 * the front end's {@link GoPackage} it came from (null when checked from a PackageSource).
 */
public record CheckedPackage(PackageSource source, Package pkg, Info info, GoPackage goPackage) {
  public String importPath() {
    return source.importPath();
  }

  public List<SourceFile> files() {
    return source.files();
  }
}
