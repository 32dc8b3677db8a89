package gopl.repl;

import java.util.List;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;

/**
 * JLine's view of GoPL input. On Enter ({@link ParseContext#ACCEPT_LINE}) an input that GoPL's own
 * lexer finds incomplete (an open bracket, a trailing operator, an unterminated raw string or
 * comment; {@link Lexed#incomplete}) throws {@link EOFError}, so JLine shows the secondary prompt
 * and the next line continues the input (STYLE.md). REPL commands ({@code :help}) are always
 * complete. For completion the word under the cursor is the selector chain before it
 * ({@code strings.Tr}, {@code p.}), so candidates can replace it whole.
 */
final class GoplParser implements Parser {
  @Override
  public ParsedLine parse(String line, int cursor, ParseContext context) {
    if (context == ParseContext.ACCEPT_LINE && !line.stripLeading().startsWith(":")) {
      Lexed lexed = new Lexed(line);
      if (lexed.incomplete()) throw new EOFError(-1, -1, "incomplete input", "}");
    }
    int start = cursor;
    while (start > 0 && isWordChar(line.charAt(start - 1))) start--;
    String word = line.substring(start, cursor);
    return new Line(line, cursor, word, cursor - start);
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '.';
  }

  @Override
  public boolean isEscapeChar(char ch) {
    return false;
  }

  /** The input with the selector chain before the cursor as its only word. */
  private record Line(String line, int cursor, String word, int wordCursor) implements CompletingParsedLine {
    @Override
    public int wordIndex() {
      return 0;
    }

    @Override
    public List<String> words() {
      return List.of(word);
    }

    @Override
    public CharSequence escape(CharSequence candidate, boolean complete) {
      return candidate;
    }

    @Override
    public int rawWordCursor() {
      return wordCursor;
    }

    @Override
    public int rawWordLength() {
      return word.length();
    }
  }
}
