package gopl.grammar;

import java.util.function.BiConsumer;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Interval;

/**
 * Semantics behind {@code GoLexer.g4}: Go's automatic semicolon insertion and lexical errors.
 *
 * <p>spec: "When the input is broken into tokens, a semicolon is automatically inserted into the
 * token stream immediately after a line's final token if that token is an identifier, an integer,
 * floating-point, imaginary, rune, or string literal, one of the keywords break, continue,
 * fallthrough, or return, one of the operators and punctuation ++, --, ), ], or }". As in gc's
 * scanner, one flag ({@link #insertSemi}) remembers whether the last token allows it; a newline,
 * a general comment spanning lines, or the end of input then becomes a {@code SEMI} token whose
 * text is {@code "newline"} or {@code "EOF"} (an explicit semicolon has text {@code ";"}), so
 * error messages can say "unexpected newline" exactly as gc does. Newline tokens are never
 * passed on to the parser; comments go to the hidden channel.
 *
 * <p>Lexical errors (unterminated literals and comments, invalid characters, bad escapes and
 * digits) are reported through {@link #setErrorSink} as (code point index, gc message); the bad
 * token is still returned (as a literal of its kind) so that parsing continues.
 */
public abstract class GoLexerBase extends Lexer {
  private BiConsumer<Integer, String> errorSink = (index, message) -> {};
  /** True when the last token passed to the parser allows semicolon insertion. */
  private boolean insertSemi;
  /** A token held back while a synthesized SEMI is returned before it; null when none. */
  private Token pending;
  /** Type of the last default-channel token returned (SEMI at the start of input). */
  private int lastType = GoLexer.SEMI;

  protected GoLexerBase(CharStream input) {
    super(input);
  }

  /** Where lexical errors go: (code point index in the input, message in gc's wording). */
  public void setErrorSink(BiConsumer<Integer, String> sink) {
    this.errorSink = sink;
  }

  @Override
  public void reset() {
    super.reset();
    insertSemi = false;
    pending = null;
    lastType = GoLexer.SEMI;
  }

  @Override
  public Token nextToken() {
    Token t = next();
    if (t.getChannel() == Token.DEFAULT_CHANNEL) lastType = t.getType();
    return t;
  }

  private Token next() {
    if (pending != null) {
      Token t = pending;
      pending = null;
      return t;
    }
    while (true) {
      Token t = super.nextToken();
      switch (t.getType()) {
        case GoLexer.NEWLINE -> {
          if (insertSemi) return semicolon(t, "newline", null);
        }
        case GoLexer.BLOCK_COMMENT -> {
          if (insertSemi && t.getText().indexOf('\n') >= 0) return semicolon(t, "newline", t);
          return t;
        }
        case GoLexer.LINE_COMMENT -> {
          return t;
        }
        case GoLexer.UNTERMINATED_COMMENT -> {
          error(t.getStartIndex(), "comment not terminated");
        }
        case GoLexer.ERROR_CHAR -> {
          int cp = t.getText().codePointAt(0);
          error(t.getStartIndex(), cp == 0 ? "invalid NUL character" : "invalid character " + GoLiterals.unicodeName(cp));
        }
        case Token.EOF -> {
          if (insertSemi) return semicolon(t, "EOF", t);
          return t;
        }
        case GoLexer.IDENTIFIER -> {
          insertSemi = true;
          return isTxnStatement(t) ? retype(t, GoLexer.TXN) : t;
        }
        default -> {
          Token checked = checkLiteral(t);
          insertSemi = triggersSemicolon(checked.getType());
          return checked;
        }
      }
    }
  }

  /**
   * GoPL's contextual txn: the identifier {@code txn} at the start of a statement (after a
   * semicolon, "{" or ":") and followed by "(" on the same line.
   */
  private boolean isTxnStatement(Token t) {
    if (!t.getText().equals("txn")) return false;
    if (lastType != GoLexer.SEMI && lastType != GoLexer.L_CURLY && lastType != GoLexer.COLON) return false;
    for (int i = 1; ; i++) {
      int c = _input.LA(i);
      if (c == ' ' || c == '\t') continue;
      return c == '(';
    }
  }

  /** A SEMI at t's position with the given text; {@code next}, if non-null, is returned after it. */
  private Token semicolon(Token t, String text, Token next) {
    insertSemi = false;
    pending = next;
    CommonToken semi = new CommonToken(t);
    semi.setType(GoLexer.SEMI);
    semi.setText(text);
    semi.setChannel(Token.DEFAULT_CHANNEL);
    semi.setStopIndex(semi.getStartIndex() - 1);
    return semi;
  }

  private static boolean triggersSemicolon(int type) {
    return switch (type) {
      case GoLexer.IDENTIFIER, GoLexer.INT_LIT, GoLexer.FLOAT_LIT, GoLexer.IMAGINARY_LIT, GoLexer.RUNE_LIT,
          GoLexer.INTERPRETED_STRING_LIT, GoLexer.RAW_STRING_LIT, GoLexer.BREAK, GoLexer.CONTINUE,
          GoLexer.FALLTHROUGH, GoLexer.RETURN, GoLexer.PLUS_PLUS, GoLexer.MINUS_MINUS, GoLexer.R_PAREN,
          GoLexer.R_BRACKET, GoLexer.R_CURLY -> true;
      default -> false;
    };
  }

  /** Validates literal tokens, reporting errors; unterminated literals come back as literals. */
  private Token checkLiteral(Token t) {
    int start = t.getStartIndex();
    String text = t.getText();
    switch (t.getType()) {
      case GoLexer.INT_LIT, GoLexer.FLOAT_LIT, GoLexer.IMAGINARY_LIT -> GoLiterals.checkNumber(text, (i, m) -> error(start + i, m));
      case GoLexer.RUNE_LIT -> GoLiterals.checkRune(text, true, (i, m) -> error(start + i, m));
      case GoLexer.INTERPRETED_STRING_LIT -> GoLiterals.checkString(text, (i, m) -> error(start + i, m));
      case GoLexer.UNTERMINATED_RUNE -> {
        GoLiterals.checkRune(text, false, (i, m) -> error(start + i, m));
        int end = t.getStopIndex() + 1;
        if (danglingBackslash(text) && atNewline(end)) error(end, "unknown escape");
        if (atNewline(end)) error(end, "newline in rune literal");
        else error(start, "rune literal not terminated");
        return retype(t, GoLexer.RUNE_LIT);
      }
      case GoLexer.UNTERMINATED_STRING -> {
        GoLiterals.checkString(text, (i, m) -> error(start + i, m));
        int end = t.getStopIndex() + 1;
        if (danglingBackslash(text) && atNewline(end)) error(end, "unknown escape");
        if (atNewline(end)) error(end, "newline in string");
        else error(start, "string not terminated");
        return retype(t, GoLexer.INTERPRETED_STRING_LIT);
      }
      case GoLexer.UNTERMINATED_RAW -> {
        error(start, "string not terminated");
        return retype(t, GoLexer.RAW_STRING_LIT);
      }
      default -> {}
    }
    return t;
  }

  /** Does the text end in a backslash that starts an escape (an odd run of backslashes)? */
  private static boolean danglingBackslash(String text) {
    int n = 0;
    for (int i = text.length() - 1; i > 0 && text.charAt(i) == '\\'; i--) n++;
    return n % 2 == 1;
  }

  private boolean atNewline(int index) {
    return index < _input.size() && _input.getText(Interval.of(index, index)).equals("\n");
  }

  private static Token retype(Token t, int type) {
    CommonToken c = new CommonToken(t);
    c.setType(type);
    return c;
  }

  private void error(int index, String message) {
    errorSink.accept(index, message);
  }
}
