package gopl.types;

import gopl.frontend.ast.SourceFile;
import java.util.List;
import java.util.Map;

/** Checks one package (placeholder while the checker proper is written). */
final class PackageChecker {
  final Package pkg;
  final Info info;
  final List<SourceFile> files;
  final Map<String, Package> imports;
  final Errors errors = new Errors();

  PackageChecker(Package pkg, Info info, List<SourceFile> files, Map<String, Package> imports) {
    this.pkg = pkg;
    this.info = info;
    this.files = files;
    this.imports = imports;
  }

  void checkPackage() {}
}
