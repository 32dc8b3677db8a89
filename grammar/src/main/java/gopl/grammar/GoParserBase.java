package gopl.grammar;

import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RuleContext;
import org.antlr.v4.runtime.TokenStream;

/**
 * Semantic predicates of {@code GoParser.g4}.
 *
 * <p>spec: "A parsing ambiguity arises when a composite literal using the TypeName form of the
 * LiteralType appears as an operand between the keyword and the opening brace of the block of an
 * "if", "for", or "switch" statement, and the composite literal is not enclosed in parentheses,
 * square brackets, or curly braces. In this rare case, the opening brace of the literal is
 * erroneously parsed as the one introducing the block of statements." gc implements this with a
 * nesting counter; here the parse-tree path from the operand up to the nearest enclosing bracket
 * or statement header decides, which is exact because ANTLR builds the ancestors before the
 * predicate runs.
 */
public abstract class GoParserBase extends Parser {
  protected GoParserBase(TokenStream input) {
    super(input);
  }

  /**
   * A parser for the token stream that answers a few decisions with gc's fixed lookahead (see GcDecisions). Always create parsers this way.
   */
  public static GoParser create(TokenStream tokens) {
    GoParser p = new GoParser(tokens);
    p.setInterpreter(new GcDecisions(p, p.getATN(), GoParser._decisionToDFA, GoParser._sharedContextCache));
    return p;
  }

  /** How many decisions the one-token "{" rule answers (5: "{" after name, selector, type literal, func; "," in lists). */
  public int braceDecisionCount() {
    return getInterpreter() instanceof GcDecisions b ? b.size() : 0;
  }

  /** May a composite literal {@code T{...}} with a bare type name start here? */
  protected boolean compositeOk() {
    RuleContext child = null;
    for (RuleContext c = _ctx; c != null; child = c, c = c.parent) {
      if (c instanceof GoParser.HeaderContext || c instanceof GoParser.ForHeaderContext) return false;
      if (c instanceof GoParser.ArgumentsContext
          || c instanceof GoParser.ParenOperandContext
          || c instanceof GoParser.LiteralValueContext
          || c instanceof GoParser.BlockContext
          || c instanceof GoParser.ArrayTypeContext) {
        return true;
      }
      if (c instanceof GoParser.IndexExprContext && child instanceof GoParser.ExpressionContext) return true;
    }
    return true;
  }

  /** The current rule context (for error reporting by the front end). */
  public ParserRuleContext currentContext() {
    return _ctx;
  }
}
