package gopl.repl;

import gopl.grammar.GoLexer;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

/**
 * One input run through GoPL's own lexer (gopl.grammar.GoLexer, with Go's automatic semicolons):
 * the REPL's view of the tokens for telling complete from incomplete input, for finding where a
 * top-level statement ends, for highlighting and for completion. Nothing here re-implements Go's
 * lexical rules; it only reads the tokens the compiler's lexer produces.
 *
 * <p>Token start/stop indices are code point indices into the input, as ANTLR gives them.
 */
final class Lexed {
  /** Every token including hidden-channel comments, without the final EOF. */
  final List<Token> tokens = new ArrayList<>();
  /** Lexical error messages (gc's wording) with their code point index. */
  final List<String> errors = new ArrayList<>();

  Lexed(String text) {
    GoLexer lexer = new GoLexer(CharStreams.fromString(text));
    lexer.removeErrorListeners();
    lexer.setErrorSink((index, message) -> errors.add(message));
    for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) tokens.add(t);
  }

  /** Tokens on the default channel, without the semicolons inserted at newlines or the end. */
  List<Token> significant() {
    List<Token> out = new ArrayList<>();
    for (Token t : tokens) {
      if (t.getChannel() != Token.DEFAULT_CHANNEL) continue;
      if (t.getType() == GoLexer.SEMI && !t.getText().equals(";")) continue;
      out.add(t);
    }
    return out;
  }

  /**
   * Whether the input cannot be complete yet: an open bracket, an unterminated raw string or
   * general comment, or a last token after which Go inserts no semicolon (a binary operator, a
   * comma, a dot, an assignment operator).
   */
  boolean incomplete() {
    if (errors.contains("comment not terminated")) return true;
    for (Token t : tokens) {
      String x = t.getText();
      if (x.startsWith("`") && (x.length() == 1 || !x.endsWith("`"))) return true; // raw string goes on
      if (x.startsWith("/*") && (x.length() < 4 || !x.endsWith("*/"))) return true; // comment goes on
    }
    int depth = 0;
    for (Token t : significant()) depth += delta(t.getType());
    if (depth > 0) return true;
    List<Token> sig = significant();
    if (sig.isEmpty()) return false;
    return continues(sig.get(sig.size() - 1).getType());
  }

  static int delta(int type) {
    return switch (type) {
      case GoLexer.L_PAREN, GoLexer.L_CURLY, GoLexer.L_BRACKET -> 1;
      case GoLexer.R_PAREN, GoLexer.R_CURLY, GoLexer.R_BRACKET -> -1;
      default -> 0;
    };
  }

  /** Tokens after which a statement must go on (no semicolon is inserted at the newline). */
  private static boolean continues(int type) {
    return switch (type) {
      case GoLexer.ASSIGN, GoLexer.COMMA, GoLexer.COLON, GoLexer.DOT, GoLexer.DECLARE_ASSIGN, GoLexer.LOGICAL_OR,
          GoLexer.LOGICAL_AND, GoLexer.EQUALS, GoLexer.NOT_EQUALS, GoLexer.LESS, GoLexer.LESS_OR_EQUALS,
          GoLexer.GREATER, GoLexer.GREATER_OR_EQUALS, GoLexer.OR, GoLexer.DIV, GoLexer.MOD, GoLexer.LSHIFT,
          GoLexer.RSHIFT, GoLexer.BIT_CLEAR, GoLexer.EXCLAMATION, GoLexer.PLUS, GoLexer.MINUS, GoLexer.CARET,
          GoLexer.STAR, GoLexer.AMPERSAND, GoLexer.RECEIVE, GoLexer.ASSIGN_OP -> true;
      default -> false;
    };
  }

  /**
   * The code point index just past the last token of the statement that starts at {@code start}
   * (before the first semicolon outside brackets, explicit or inserted at a newline or the end;
   * so a trailing comment is not part of it).
   */
  int statementEnd(int start, int inputLength) {
    int depth = 0;
    int end = start;
    for (Token t : tokens) {
      if (t.getChannel() != Token.DEFAULT_CHANNEL || t.getStartIndex() < start) continue;
      if (depth == 0 && t.getType() == GoLexer.SEMI) return end;
      depth += delta(t.getType());
      end = Math.min(t.getStopIndex() + 1, inputLength);
    }
    return end;
  }

  /** The index of the first default-channel token of {@code type} at depth 0 from {@code start}, or -1. */
  int find(int start, int type) {
    int depth = 0;
    for (Token t : tokens) {
      if (t.getChannel() != Token.DEFAULT_CHANNEL || t.getStartIndex() < start) continue;
      if (depth == 0 && t.getType() == type) return t.getStartIndex();
      depth += delta(t.getType());
      if (depth < 0) return -1;
    }
    return -1;
  }
}
