package gopl.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.junit.jupiter.api.Test;

/**
 * Automatic semicolons (spec: "Semicolons") as the parser sees them: explicit ";" prints as
 * {@code ;}, an inserted one as {@code ⏎} (newline) or {@code $} (end of input).
 */
class SemicolonInsertionTest {
  static String tokens(String src) {
    GoLexer lexer = new GoLexer(CharStreams.fromString(src));
    lexer.removeErrorListeners();
    List<String> out = new ArrayList<>();
    for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
      if (t.getChannel() != Token.DEFAULT_CHANNEL) continue;
      if (t.getType() == GoLexer.SEMI) out.add(switch (t.getText()) {
        case "newline" -> "⏎";
        case "EOF" -> "$";
        default -> ";";
      });
      else out.add(t.getText());
    }
    return String.join(" ", out);
  }

  @Test
  void testAfterIdentifierAndLiterals() {
    assertEquals("x ⏎ 1 ⏎ 1.5 ⏎ 2i ⏎ 'a' ⏎ \"s\" ⏎ `r` $", tokens("x\n1\n1.5\n2i\n'a'\n\"s\"\n`r`"));
  }

  @Test
  void testAfterKeywordsThatEndStatements() {
    assertEquals("break ⏎ continue ⏎ fallthrough ⏎ return ⏎", tokens("break\ncontinue\nfallthrough\nreturn\n"));
  }

  @Test
  void testAfterClosingBracketsAndIncDec() {
    assertEquals("x ++ ⏎ y -- ⏎ f ( ) ⏎ a [ 0 ] ⏎ { } ⏎", tokens("x++\ny--\nf()\na[0]\n{}\n"));
  }

  @Test
  void testNotAfterOperatorsOrOpeningTokens() {
    assertEquals("x := a + b ⏎", tokens("x := a +\n b\n"));
    assertEquals("f ( a , b , ) ⏎", tokens("f(a,\nb,\n)\n"));
    assertEquals("if x { } $", tokens("if x {\n\n}"));
    assertEquals("func f ( )", tokens("func\nf\n(\n)").replace(" ⏎", "").replace(" $", ""));
    assertEquals("return x ⏎ return ⏎ x ⏎", tokens("return x\nreturn\nx\n"));
    assertEquals("var", tokens("var\n"));
  }

  @Test
  void testCommentsActLikeNewlinesOnlyWhenMultiLine() {
    assertEquals("x ⏎ y ⏎", tokens("x // comment\ny\n"));
    assertEquals("x y ⏎", tokens("x /* same line */ y\n"));
    assertEquals("x ⏎ y ⏎", tokens("x /* spans\nlines */ y\n"));
    assertEquals("x $", tokens("x // at end"));
  }

  @Test
  void testExplicitSemicolonsAndEof() {
    assertEquals("a ; b ; c $", tokens("a; b; c"));
    assertEquals("a ;", tokens("a;"));
    assertEquals("", tokens(""));
  }

  @Test
  void testTxnIsContextual() {
    GoLexer lexer = new GoLexer(CharStreams.fromString("txn(\"undo\") {\n}\nx = txn(1)\ntxn := 1\n{ txn (x) }"));
    List<Integer> types = new ArrayList<>();
    for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
      if (t.getText().equals("txn")) types.add(t.getType());
    }
    assertEquals(List.of(GoLexer.TXN, GoLexer.IDENTIFIER, GoLexer.IDENTIFIER, GoLexer.TXN), types);
  }
}
