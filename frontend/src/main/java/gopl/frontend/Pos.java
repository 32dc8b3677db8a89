package gopl.frontend;

/**
 * A source position: file path as given to the loader, 1-based line, 1-based column counted in
 * bytes of the UTF-8 source (as Go's gc counts columns). {@link #toString()} gives Go's
 * {@code file:line:col} form used in every diagnostic.
 */
public record Pos(String file, int line, int column) implements Comparable<Pos> {
  /** A position for synthesized nodes (universe objects, generated code). */
  public static final Pos NONE = new Pos("<none>", 0, 0);

  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }

  @Override
  public int compareTo(Pos o) {
    int c = file.compareTo(o.file);
    if (c != 0) return c;
    c = Integer.compare(line, o.line);
    return c != 0 ? c : Integer.compare(column, o.column);
  }
}
