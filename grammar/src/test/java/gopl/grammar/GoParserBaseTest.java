package gopl.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.junit.jupiter.api.Test;

/** The grammar's predicates and fixed-lookahead decisions, seen through whole-file parses. */
class GoParserBaseTest {
  /** Parses with the fast configuration; returns null on success, else the failure. */
  static String parse(String src) {
    GoLexer lexer = new GoLexer(CharStreams.fromString(src));
    lexer.removeErrorListeners();
    GoParser p = GoParserBase.create(new CommonTokenStream(lexer));
    p.removeErrorListeners();
    p.setErrorHandler(new BailErrorStrategy());
    p.getInterpreter().setPredictionMode(PredictionMode.SLL);
    try {
      p.sourceFile();
      return null;
    } catch (ParseCancellationException e) {
      return String.valueOf(e.getCause());
    }
  }

  @Test
  void testAllGcDecisionsFound() {
    GoParser p = GoParserBase.create(new CommonTokenStream(new GoLexer(CharStreams.fromString(""))));
    assertEquals(5, p.braceDecisionCount(), "grammar shape changed: update GcDecisions");
  }

  @Test
  void testCompositeLiteralsWhereGoAllowsThem() {
    assertNull(parse("package p\nfunc f() {\n\tx := T{1}\n\tfor _, v := range []T{{1}} {}\n\tif f(T{}) {}\n\tif x == (T{}) {}\n"
        + "\tswitch s := (T{}); s {}\n\tfor i := 0; i < len([]int{1}); i++ {}\n\tif v := m[T{}]; v {}\n\tg(func() { _ = T{} })\n}\n"));
  }

  @Test
  void testBareTypeNameLiteralInHeaderIsABlock() {
    // spec: `if x == T {} {` parses T as an operand and {} as the if block; the second { is an error.
    assertTrue(parse("package p\nfunc f() {\n\tif x == T{} {\n\t}\n}\n") != null);
    assertNull(parse("package p\nfunc f() {\n\tif x == T {\n\t}\n\tfor x {\n\t}\n\tswitch x.y {\n\t}\n}\n"));
  }

  @Test
  void testTrailingCommaInArgumentsOnly() {
    assertNull(parse("package p\nfunc f() {\n\tg(a,\n\t\tb,\n\t)\n}\n"));
    assertTrue(parse("package p\nfunc f() {\n\treturn a,\n}\n") != null);
  }
}
