package gopl.frontend;

import gopl.frontend.ast.SourceFile;
import java.util.List;

/**
 * The AST of one file and the diagnostics found while reading it (lexical and syntax errors,
 * sorted by position). The file is always non-null: after syntax errors it holds what could be
 * built, with {@code Bad} nodes where the parser gave up.
 */
public record ParseResult(SourceFile file, List<Diagnostic> diagnostics) {
  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }
}
