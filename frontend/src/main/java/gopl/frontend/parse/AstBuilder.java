package gopl.frontend.parse;

import gopl.frontend.Diagnostic;
import gopl.frontend.Pos;
import gopl.frontend.ast.Decl;
import gopl.frontend.ast.Expr;
import gopl.frontend.ast.Field;
import gopl.frontend.ast.SourceFile;
import gopl.frontend.ast.Spec;
import gopl.grammar.GoLexer;
import gopl.grammar.GoParser.*;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;

/**
 * Builds the immutable AST of one file from its parse tree: the file and its declarations here,
 * statements and expressions in the superclasses. Every node gets the position of its first
 * token. A declaration whose parse tree is too broken to build (after a reported syntax error)
 * becomes {@link Decl.Bad}, so the builder never throws on erroneous input.
 */
public final class AstBuilder extends StmtBuilder {
  /** True when the parse tree was repaired after syntax errors (then broken parts become Bad nodes). */
  private final boolean repairedTree;

  public AstBuilder(SourceMap map, List<Diagnostic> diagnostics, TokenStream tokens, boolean repairedTree) {
    super(map, diagnostics, tokens);
    this.repairedTree = repairedTree;
  }

  public SourceFile sourceFile(SourceFileContext c) {
    PackageClauseContext pc = c.packageClause();
    Expr.Ident pkg = pc == null ? new Expr.Ident(Pos.NONE, "_") : ident(pc.IDENTIFIER());
    List<Decl> decls = new ArrayList<>();
    List<Spec.Import> imports = new ArrayList<>();
    boolean seenOther = false;
    for (TopLevelDeclContext d : c.topLevelDecl()) {
      Decl decl = topLevelDecl(d);
      decls.add(decl);
      if (d.importDecl() != null) {
        if (seenOther) error(pos(d), "syntax error: non-declaration statement outside function body");
        for (Spec s : ((Decl.Gen) decl).specs()) imports.add((Spec.Import) s);
      } else {
        seenOther = true;
      }
    }
    Pos filePos = pc == null ? map.posOfIndex(0) : pos(pc);
    return new SourceFile(filePos, map.path(), pkg, List.copyOf(imports), List.copyOf(decls));
  }

  private Decl topLevelDecl(TopLevelDeclContext d) {
    try {
      if (d.importDecl() != null) return importDecl(d.importDecl());
      if (d.declaration() != null) return declaration(d.declaration());
      return functionDecl(d.functionDecl());
    } catch (RuntimeException e) {
      // Only reachable for trees ANTLR repaired after a syntax error that was already reported.
      if (!repairedTree) throw e;
      return d.importDecl() != null ? new Decl.Gen(pos(d), Decl.Kind.IMPORT, List.of()) : new Decl.Bad(pos(d));
    }
  }

  private Decl.Gen importDecl(ImportDeclContext c) {
    List<Spec> specs = new ArrayList<>();
    for (ImportSpecContext s : c.importSpec()) {
      Expr.Ident name = s.IDENTIFIER() != null ? ident(s.IDENTIFIER())
          : s.DOT() != null ? new Expr.Ident(pos(s.DOT()), ".") : null;
      specs.add(new Spec.Import(pos(s), name, string(s.string_())));
    }
    return new Decl.Gen(pos(c), Decl.Kind.IMPORT, List.copyOf(specs));
  }

  @Override
  Decl.Gen declaration(DeclarationContext c) {
    if (c.constDecl() != null) {
      List<Spec> specs = new ArrayList<>();
      int iota = 0;
      for (ConstSpecContext s : c.constDecl().constSpec()) {
        Expr type = s.type_() == null ? null : type(s.type_());
        specs.add(new Spec.Value(pos(s), identList(s.identifierList()), type, expressionList(s.expressionList()), iota++));
      }
      return new Decl.Gen(pos(c), Decl.Kind.CONST, List.copyOf(specs));
    }
    if (c.varDecl() != null) {
      List<Spec> specs = new ArrayList<>();
      int index = 0;
      for (VarSpecContext s : c.varDecl().varSpec()) {
        Expr type = s.type_() == null ? null : type(s.type_());
        specs.add(new Spec.Value(pos(s), identList(s.identifierList()), type, expressionList(s.expressionList()), index++));
      }
      return new Decl.Gen(pos(c), Decl.Kind.VAR, List.copyOf(specs));
    }
    List<Spec> specs = new ArrayList<>();
    for (TypeSpecContext s : c.typeDecl().typeSpec()) {
      specs.add(new Spec.Type(pos(s), ident(s.IDENTIFIER()), s.ASSIGN() != null, type(s.type_())));
    }
    return new Decl.Gen(pos(c), Decl.Kind.TYPE, List.copyOf(specs));
  }

  private Decl.Func functionDecl(FunctionDeclContext c) {
    Field recv = null;
    if (c.receiver() != null) {
      List<Field> r = parameters(c.receiver().parameters());
      int n = 0;
      for (Field f : r) n += Math.max(1, f.names().size());
      if (n == 0) error(pos(tokenAfter(c.receiver())), "method has no receiver");
      else if (n > 1) error(pos(tokenAfter(c.receiver())), "method has multiple receivers");
      if (!r.isEmpty()) recv = r.get(0);
    }
    Expr.FuncType type = signature(pos(c.FUNC()), c.signature());
    return new Decl.Func(pos(c), recv, ident(c.IDENTIFIER()), type, c.block() == null ? null : block(c.block()), doc(c));
  }

  /**
   * The doc comment of a declaration: the {@code //} comment lines directly above it (no blank
   * line between), without the slashes and one following space, joined by newlines; null if none.
   */
  private String doc(ParserRuleContext c) {
    Token first = c.getStart();
    List<Token> hidden = ((org.antlr.v4.runtime.BufferedTokenStream) tokens).getHiddenTokensToLeft(first.getTokenIndex());
    if (hidden == null) return null;
    List<String> lines = new ArrayList<>();
    int expected = first.getLine() - 1;
    for (int i = hidden.size() - 1; i >= 0; i--) {
      Token t = hidden.get(i);
      if (t.getType() != GoLexer.LINE_COMMENT || t.getLine() != expected) break;
      String text = t.getText().substring(2);
      if (text.startsWith(" ")) text = text.substring(1);
      lines.add(0, text.endsWith("\r") ? text.substring(0, text.length() - 1) : text);
      expected--;
    }
    return lines.isEmpty() ? null : String.join("\n", lines);
  }
}
