package gopl.frontend;

import gopl.frontend.ast.Expr;
import gopl.frontend.ast.SourceFile;
import gopl.frontend.parse.AstBuilder;
import gopl.frontend.parse.GoErrorStrategy;
import gopl.frontend.parse.SourceMap;
import gopl.grammar.GoLexer;
import gopl.grammar.GoParser;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Entry point of the front end for one file: lexes and parses GoPL source and builds the AST.
 *
 * <p>Parsing is two-stage, the standard ANTLR recipe for speed: first with SLL prediction and an
 * error strategy that bails out at the first problem (fast, and exact for every correct file of
 * this grammar), then, only if that failed, again with full LL prediction and gc-style error
 * reporting and recovery. Problems in the source are returned as diagnostics in gc's wording; no
 * exception escapes for any input.
 */
public final class Parser {
  private Parser() {}

  public static ParseResult parse(String path, String source) {
    try {
      return parseOrFail(path, source);
    } catch (StackOverflowError e) {
      Diagnostic d = Diagnostic.error(new Pos(path, 1, 1), "program too complex: nesting too deep to parse");
      return new ParseResult(new SourceFile(new Pos(path, 1, 1), path, new Expr.Ident(new Pos(path, 1, 1), "_"), List.of(), List.of()), List.of(d));
    }
  }

  private static ParseResult parseOrFail(String path, String source) {
    SourceMap map = new SourceMap(path, source);
    List<Diagnostic> diagnostics = new ArrayList<>();
    GoLexer lexer = new GoLexer(CharStreams.fromString(source, path));
    lexer.removeErrorListeners();
    lexer.setErrorSink((index, message) -> diagnostics.add(Diagnostic.error(map.posOfIndex(index), message)));
    CommonTokenStream tokens = new CommonTokenStream(lexer);
    GoParser parser = gopl.grammar.GoParserBase.create(tokens);
    parser.removeErrorListeners();
    parser.setErrorHandler(new BailErrorStrategy());
    parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
    GoParser.SourceFileContext tree;
    try {
      tree = parser.sourceFile();
    } catch (ParseCancellationException e) {
      tokens.seek(0);
      parser.reset();
      GoErrorStrategy strategy = new GoErrorStrategy(map, diagnostics);
      parser.setErrorHandler(strategy);
      parser.getInterpreter().setPredictionMode(PredictionMode.LL);
      tree = parser.sourceFile();
    }
    SourceFile file;
    List<Diagnostic> built = new ArrayList<>();
    try {
      file = new AstBuilder(map, built, tokens, !diagnostics.isEmpty()).sourceFile(tree);
    } catch (RuntimeException e) {
      if (diagnostics.isEmpty()) {
        diagnostics.add(Diagnostic.error(map.posOfIndex(0), "internal error: cannot build syntax tree: " + e));
      }
      file = new SourceFile(map.posOfIndex(0), path, new Expr.Ident(map.posOfIndex(0), "_"), List.of(), List.of());
    }
    // The parser's own syntax error wins on a line: a builder check on a repaired line would
    // only describe ANTLR's repair (gc reports what its parser saw first).
    java.util.Set<Integer> lines = new java.util.HashSet<>();
    for (Diagnostic d : diagnostics) lines.add(d.pos().line());
    for (Diagnostic d : built) {
      if (!(d.message().startsWith("syntax error") && lines.contains(d.pos().line()))) diagnostics.add(d);
    }
    diagnostics.sort(null);
    return new ParseResult(file, List.copyOf(GoErrorStrategy.gcFilter(diagnostics)));
  }
}
