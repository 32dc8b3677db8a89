package gopl.frontend.parse;

import gopl.frontend.Pos;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.antlr.v4.runtime.Token;

/**
 * Converts ANTLR token positions (code point indexes) into Go positions: 1-based line and
 * 1-based column counted in UTF-8 bytes, as gc reports them. Pure ASCII sources (the common case)
 * map directly; otherwise columns are computed from the line's text on demand.
 */
public final class SourceMap {
  private final String path;
  private final String source;
  private final boolean ascii;
  private final boolean bmpOnly;
  /** UTF-16 index of the first char of each line (line n starts at lineStarts[n-1]). */
  private final int[] lineStarts;
  /** For sources with supplementary characters: UTF-16 index of each code point; else null. */
  private final int[] charIndexOfCodePoint;

  public SourceMap(String path, String source) {
    this.path = path;
    this.source = source;
    boolean a = true;
    boolean bmp = true;
    int lines = 1;
    for (int i = 0; i < source.length(); i++) {
      char c = source.charAt(i);
      if (c >= 0x80) a = false;
      if (Character.isSurrogate(c)) bmp = false;
      if (c == '\n') lines++;
    }
    this.ascii = a;
    this.bmpOnly = bmp;
    this.lineStarts = new int[lines];
    int n = 1;
    for (int i = 0; i < source.length(); i++) {
      if (source.charAt(i) == '\n') lineStarts[n++] = i + 1;
    }
    if (bmp) {
      charIndexOfCodePoint = null;
    } else {
      charIndexOfCodePoint = new int[source.codePointCount(0, source.length()) + 1];
      int cp = 0;
      for (int i = 0; i < source.length(); i += Character.charCount(source.codePointAt(i))) charIndexOfCodePoint[cp++] = i;
      charIndexOfCodePoint[cp] = source.length();
    }
  }

  public String path() {
    return path;
  }

  /** Position of a token's first character. */
  public Pos pos(Token t) {
    if (ascii) return new Pos(path, t.getLine(), t.getCharPositionInLine() + 1);
    return posOfIndex(t.getStartIndex());
  }

  /** Position of the code point with the given index (the end of input is allowed). */
  public Pos posOfIndex(int codePointIndex) {
    int charIndex = bmpOnly ? codePointIndex
        : charIndexOfCodePoint[Math.max(0, Math.min(codePointIndex, charIndexOfCodePoint.length - 1))];
    charIndex = Math.max(0, Math.min(charIndex, source.length()));
    int line = Arrays.binarySearch(lineStarts, charIndex);
    if (line < 0) line = -line - 2;
    int start = lineStarts[line];
    int col = ascii ? charIndex - start : source.substring(start, charIndex).getBytes(StandardCharsets.UTF_8).length;
    return new Pos(path, line + 1, col + 1);
  }
}
