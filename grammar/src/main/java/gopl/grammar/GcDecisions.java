package gopl.grammar;

import java.util.HashMap;
import java.util.Map;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.atn.ATN;
import org.antlr.v4.runtime.atn.ATNState;
import org.antlr.v4.runtime.atn.DecisionState;
import org.antlr.v4.runtime.atn.ParserATNSimulator;
import org.antlr.v4.runtime.atn.PredicateTransition;
import org.antlr.v4.runtime.atn.PredictionContextCache;
import org.antlr.v4.runtime.atn.RuleTransition;
import org.antlr.v4.runtime.atn.Transition;
import org.antlr.v4.runtime.dfa.DFA;

/**
 * Decisions that gc's recursive-descent parser makes with fixed lookahead, answered the same way
 * here instead of by ANTLR's unbounded ALL(*) lookahead (which is slow for them and, when the
 * text after the decision has a syntax error, picks the other alternative and reports the error
 * in the wrong place):
 *
 * <ul>
 *   <li>"{" after an operand: after a name or selector it starts a composite literal unless the
 *       operand is in a statement header (compositeOk()); after an array, slice, map or struct
 *       type it always does; after a func signature it always starts the body.
 *   <li>"," in an expression list: it continues the list unless ")" follows (a trailing comma in
 *       an argument list), so that {@code return 1,} reports "expecting expression" as gc does.
 * </ul>
 * Every other decision is left to ANTLR.
 */
final class GcDecisions extends ParserATNSimulator {
  /** decision number -> [alternative that enters the literal/body, 1 if guarded by compositeOk()]. */
  private final Map<Integer, int[]> decisions = new HashMap<>();
  private final GoParserBase parser;
  /** The loop decision of expressionList and the alternative that takes another element; -1 if absent. */
  private int listDecision = -1;
  private int listEnterAlt;

  GcDecisions(GoParserBase parser, ATN atn, DFA[] dfa, PredictionContextCache cache) {
    super(parser, atn, dfa, cache);
    this.parser = parser;
    for (DecisionState d : atn.decisionToState) {
      if (d.ruleIndex == GoParser.RULE_expressionList && d.getNumberOfTransitions() == 2) {
        for (int alt = 1; alt <= 2; alt++) {
          if (atn.nextTokens(d.transition(alt - 1).target).contains(GoLexer.COMMA)) {
            listDecision = d.decision;
            listEnterAlt = alt;
          }
        }
      }
      if (d.ruleIndex != GoParser.RULE_operand && d.ruleIndex != GoParser.RULE_primaryExpr) continue;
      if (d.getNumberOfTransitions() != 2) continue;
      for (int alt = 1; alt <= 2; alt++) {
        int guarded = entersBraced(d.transition(alt - 1).target, 0);
        if (guarded >= 0) decisions.put(d.decision, new int[] {alt, guarded});
      }
    }
  }

  /** -1 if no path of epsilon/predicate steps reaches literalValue or block; else 1 if via a predicate, 0 if not. */
  private static int entersBraced(ATNState s, int depth) {
    if (depth > 4) return -1;
    for (Transition t : s.getTransitions()) {
      if (t instanceof RuleTransition r) {
        if (r.ruleIndex == GoParser.RULE_literalValue || r.ruleIndex == GoParser.RULE_block) return 0;
      } else if (t instanceof PredicateTransition) {
        int inner = entersBraced(t.target, depth + 1);
        if (inner >= 0) return 1;
      } else if (t.isEpsilon()) {
        int inner = entersBraced(t.target, depth + 1);
        if (inner >= 0) return inner;
      }
    }
    return -1;
  }

  @Override
  public int adaptivePredict(TokenStream input, int decision, ParserRuleContext outerContext) {
    int[] d = decisions.get(decision);
    if (d != null && input.LA(1) == GoLexer.L_CURLY) {
      boolean enter = d[1] == 0 || parser.compositeOk();
      return enter ? d[0] : 3 - d[0];
    }
    if (decision == listDecision && input.LA(1) == GoLexer.COMMA) {
      return input.LA(2) == GoLexer.R_PAREN ? 3 - listEnterAlt : listEnterAlt;
    }
    return super.adaptivePredict(input, decision, outerContext);
  }

  /** Number of decisions answered here (for tests: the grammar shape this relies on). */
  int size() {
    return decisions.size() + (listDecision >= 0 ? 1 : 0);
  }
}
