package gopl.repl;

import gopl.grammar.GoLexer;
import java.util.regex.Pattern;
import org.antlr.v4.runtime.Token;
import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * Colours GoPL input as it is typed, from GoPL's own lexer: keywords bold blue, string and rune
 * literals green, numbers cyan, comments faint; REPL commands bold. JLine drops the colours on
 * terminals that have none (dumb terminals).
 */
final class GoplHighlighter implements Highlighter {
  static final AttributedStyle KEYWORD = AttributedStyle.BOLD.foreground(AttributedStyle.BLUE);
  static final AttributedStyle STRING = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
  static final AttributedStyle NUMBER = AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
  static final AttributedStyle COMMENT = AttributedStyle.DEFAULT.faint();

  @Override
  public AttributedString highlight(LineReader reader, String buffer) {
    AttributedStringBuilder sb = new AttributedStringBuilder();
    if (buffer.stripLeading().startsWith(":")) return sb.styled(AttributedStyle.BOLD, buffer).toAttributedString();
    int at = 0;
    for (Token t : new Lexed(buffer).tokens) {
      int start = t.getStartIndex();
      int stop = t.getStopIndex() + 1;
      if (start < at || stop > buffer.length() || stop <= start) continue;
      AttributedStyle style = style(t);
      if (style == null) continue;
      sb.append(buffer, at, start);
      sb.styled(style, buffer.substring(start, stop));
      at = stop;
    }
    sb.append(buffer.substring(at));
    return sb.toAttributedString();
  }

  static AttributedStyle style(Token t) {
    int type = t.getType();
    if (type >= GoLexer.TXN && type <= GoLexer.VAR) return KEYWORD;
    return switch (type) {
      case GoLexer.INTERPRETED_STRING_LIT, GoLexer.RAW_STRING_LIT, GoLexer.RUNE_LIT, GoLexer.UNTERMINATED_STRING,
          GoLexer.UNTERMINATED_RAW, GoLexer.UNTERMINATED_RUNE -> STRING;
      case GoLexer.INT_LIT, GoLexer.FLOAT_LIT, GoLexer.IMAGINARY_LIT -> NUMBER;
      case GoLexer.LINE_COMMENT, GoLexer.BLOCK_COMMENT, GoLexer.UNTERMINATED_COMMENT -> COMMENT;
      default -> null;
    };
  }

  @Override
  public void setErrorPattern(Pattern errorPattern) {}

  @Override
  public void setErrorIndex(int errorIndex) {}
}
