package gopl.frontend.parse;

import gopl.grammar.GoLexer;
import org.antlr.v4.runtime.Token;

/** Names of tokens as gc's syntax errors spell them ("newline", "comma", "literal 1", "name"). */
public final class GcTokens {
  private GcTokens() {}

  /** The token as gc prints it after "unexpected ". */
  public static String describe(Token t) {
    return switch (t.getType()) {
      case Token.EOF -> "EOF";
      case GoLexer.SEMI -> t.getText().equals(";") ? "semicolon" : t.getText();
      case GoLexer.COMMA -> "comma";
      case GoLexer.INT_LIT, GoLexer.FLOAT_LIT, GoLexer.IMAGINARY_LIT, GoLexer.RUNE_LIT,
          GoLexer.INTERPRETED_STRING_LIT, GoLexer.RAW_STRING_LIT -> "literal " + t.getText();
      default -> t.getText();
    };
  }

  /** A token type as gc names it after "expecting " (gc's tokstring). */
  public static String expected(int type) {
    return switch (type) {
      case GoLexer.SEMI -> "semicolon or newline";
      case GoLexer.COMMA -> "comma";
      case GoLexer.IDENTIFIER -> "name";
      case Token.EOF -> "EOF";
      default -> {
        String lit = GoLexer.VOCABULARY.getLiteralName(type);
        yield lit == null ? GoLexer.VOCABULARY.getSymbolicName(type) : lit.substring(1, lit.length() - 1);
      }
    };
  }
}
