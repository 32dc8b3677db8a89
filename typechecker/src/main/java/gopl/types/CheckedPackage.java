package gopl.types;

import gopl.frontend.ast.SourceFile;
import java.util.List;

/** One checked package: its source, its {@link Package} (scope, objects) and its {@link Info}. */
public record CheckedPackage(PackageSource source, Package pkg, Info info) {
  public String importPath() {
    return source.importPath();
  }

  public List<SourceFile> files() {
    return source.files();
  }
}
