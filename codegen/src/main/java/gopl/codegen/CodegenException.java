package gopl.codegen;

import gopl.frontend.Pos;

/**
 * A construct the code generator cannot compile; {@link CodeGenerator} turns it into a diagnostic
 * ({@code file:line:col: not supported in GoPL: ...}), never a stack trace for the user.
 */
final class CodegenException extends RuntimeException {
  final Pos pos;

  CodegenException(Pos pos, String message) {
    super(message);
    this.pos = pos;
  }
}
