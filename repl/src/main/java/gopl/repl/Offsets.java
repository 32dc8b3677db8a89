package gopl.repl;

import gopl.frontend.Pos;

/** Maps a (line, column) position of a text to an index into it (1-based lines and columns). */
final class Offsets {
  private final String text;
  private final int[] lineStarts;

  Offsets(String text) {
    this.text = text;
    int n = 1;
    for (int i = 0; i < text.length(); i++) if (text.charAt(i) == '\n') n++;
    lineStarts = new int[n];
    int k = 1;
    for (int i = 0; i < text.length(); i++) if (text.charAt(i) == '\n') lineStarts[k++] = i + 1;
  }

  int of(Pos p) {
    return of(p.line(), p.column());
  }

  /** The index of (line, column); columns count bytes of UTF-8 as Go's do. */
  int of(int line, int column) {
    if (line < 1) return 0;
    if (line > lineStarts.length) return text.length();
    int i = lineStarts[line - 1];
    int bytes = 1;
    while (i < text.length() && bytes < column && text.charAt(i) != '\n') {
      bytes += utf8Length(text.charAt(i));
      if (Character.isHighSurrogate(text.charAt(i))) i++;
      i++;
    }
    return i;
  }

  private static int utf8Length(char c) {
    if (c < 0x80) return 1;
    if (c < 0x800) return 2;
    if (Character.isHighSurrogate(c)) return 4;
    return 3;
  }
}
