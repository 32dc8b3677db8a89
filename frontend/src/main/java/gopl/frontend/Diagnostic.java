package gopl.frontend;

/**
 * A compiler diagnostic as a value: where, how severe, and Go's wording of the message. Every
 * stage (parser, loader, type checker, code generator) reports problems as diagnostics collected
 * in a list, never by throwing. {@link #toString()} prints exactly what gc prints:
 * {@code path/file.gop:12:7: message} (warnings add {@code warning: } before the message).
 */
public record Diagnostic(Pos pos, Severity severity, String message) implements Comparable<Diagnostic> {
  public enum Severity {
    ERROR,
    WARNING
  }

  public static Diagnostic error(Pos pos, String message) {
    return new Diagnostic(pos, Severity.ERROR, message);
  }

  public static Diagnostic warning(Pos pos, String message) {
    return new Diagnostic(pos, Severity.WARNING, message);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  @Override
  public String toString() {
    return pos + ": " + (severity == Severity.WARNING ? "warning: " : "") + message;
  }

  @Override
  public int compareTo(Diagnostic o) {
    return pos.compareTo(o.pos);
  }
}
