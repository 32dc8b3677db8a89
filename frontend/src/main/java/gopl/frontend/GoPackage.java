package gopl.frontend;

import gopl.frontend.ast.SourceFile;
import java.util.List;

/**
 * One loaded package: its import path (for a program given as files or outside a module,
 * {@code command-line-arguments}, as the go command names it), package name, directory (a file
 * system path, or {@code gopl/std/<path>} for standard packages read from the class path), its
 * parsed files sorted by file name, and whether it is a standard-library package.
 */
public record GoPackage(String importPath, String name, String dir, List<SourceFile> files, boolean std) {
  @Override
  public String toString() {
    return importPath;
  }
}
