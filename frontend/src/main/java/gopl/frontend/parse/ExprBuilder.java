package gopl.frontend.parse;

import gopl.frontend.Diagnostic;
import gopl.frontend.Pos;
import gopl.frontend.ast.Expr;
import gopl.frontend.ast.ExprString;
import gopl.frontend.ast.Field;
import gopl.frontend.ast.Op;
import gopl.frontend.ast.Stmt;
import gopl.grammar.GoParser;
import gopl.grammar.GoParser.*;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Builds expressions and type expressions from the parse tree (one method per grammar rule).
 * Types and values share one syntax, as in go/ast. Checks that gc's parser makes while building
 * (3-index slices, channel direction re-association, {@code .(type)} placement) are made here.
 */
abstract class ExprBuilder extends BuilderBase {
  /** True while building the guard of a type switch, where {@code x.(type)} is allowed. */
  private boolean inTypeSwitchGuard;

  ExprBuilder(SourceMap map, List<Diagnostic> diagnostics, TokenStream tokens) {
    super(map, diagnostics, tokens);
  }

  abstract Stmt.Block block(BlockContext c);

  /** Builds a type switch guard expression, where {@code x.(type)} is legal. */
  Expr guardExpression(ExpressionContext c) {
    boolean saved = inTypeSwitchGuard;
    inTypeSwitchGuard = true;
    try {
      return expression(c);
    } finally {
      inTypeSwitchGuard = saved;
    }
  }

  List<Expr> expressionList(ExpressionListContext c) {
    if (c == null) return List.of();
    List<Expr> out = new ArrayList<>(c.expression().size());
    for (ExpressionContext e : c.expression()) out.add(expression(e));
    return List.copyOf(out);
  }

  Expr expression(ExpressionContext c) {
    if (c == null) return new Expr.Bad(Pos.NONE);
    if (c instanceof UnaryExpressionContext u) return unaryExpr(u.unaryExpr());
    if (c instanceof BinaryExpressionContext) {
      boolean saved = inTypeSwitchGuard;
      inTypeSwitchGuard = false;
      try {
        return binaryChain(c);
      } finally {
        inTypeSwitchGuard = saved;
      }
    }
    return new Expr.Bad(pos(c));
  }

  /** Left-associative chains ({@code a + b + c + ...}) are built iteratively: they can be long. */
  private Expr binaryChain(ExpressionContext c) {
    java.util.ArrayDeque<BinaryExpressionContext> spine = new java.util.ArrayDeque<>();
    ExpressionContext cur = c;
    while (cur instanceof BinaryExpressionContext b && b.expression().size() == 2) {
      spine.push(b);
      cur = b.expression(0);
    }
    Expr x = expression(cur);
    while (!spine.isEmpty()) {
      BinaryExpressionContext b = spine.pop();
      Expr y = expression(b.expression(1));
      x = new Expr.Binary(x.pos(), x, binaryOp(b.op), y, pos(b.op));
    }
    return x;
  }

  static Op binaryOp(Token t) {
    return switch (t.getType()) {
      case GoParser.STAR -> Op.MUL;
      case GoParser.DIV -> Op.QUO;
      case GoParser.MOD -> Op.REM;
      case GoParser.LSHIFT -> Op.SHL;
      case GoParser.RSHIFT -> Op.SHR;
      case GoParser.AMPERSAND -> Op.AND;
      case GoParser.BIT_CLEAR -> Op.AND_NOT;
      case GoParser.PLUS -> Op.ADD;
      case GoParser.MINUS -> Op.SUB;
      case GoParser.OR -> Op.OR;
      case GoParser.CARET -> Op.XOR;
      case GoParser.EQUALS -> Op.EQL;
      case GoParser.NOT_EQUALS -> Op.NEQ;
      case GoParser.LESS -> Op.LSS;
      case GoParser.LESS_OR_EQUALS -> Op.LEQ;
      case GoParser.GREATER -> Op.GTR;
      case GoParser.GREATER_OR_EQUALS -> Op.GEQ;
      case GoParser.LOGICAL_AND -> Op.LAND;
      case GoParser.LOGICAL_OR -> Op.LOR;
      default -> throw new IllegalStateException("not a binary operator: " + t.getText());
    };
  }

  Expr unaryExpr(UnaryExprContext c) {
    if (c.primaryExpr() != null) return primaryExpr(c.primaryExpr());
    if (c.unaryExpr() == null) return new Expr.Bad(pos(c));
    boolean saved = inTypeSwitchGuard;
    inTypeSwitchGuard = false;
    Expr x;
    try {
      x = unaryExpr(c.unaryExpr());
    } finally {
      inTypeSwitchGuard = saved;
    }
    Pos p = pos(c.op);
    return switch (c.op.getType()) {
      case GoParser.STAR -> new Expr.Star(p, x);
      case GoParser.RECEIVE -> receive(p, x);
      case GoParser.PLUS -> new Expr.Unary(p, Op.ADD, x);
      case GoParser.MINUS -> new Expr.Unary(p, Op.SUB, x);
      case GoParser.EXCLAMATION -> new Expr.Unary(p, Op.NOT, x);
      case GoParser.CARET -> new Expr.Unary(p, Op.XOR, x);
      default -> new Expr.Unary(p, Op.AND, x);
    };
  }

  /**
   * {@code <-x}: a receive, or, when x is a channel type, the type {@code <-chan T}. As in gc the
   * arrow re-associates with the leftmost chan: {@code <-chan<- chan int} is {@code <-chan (<-chan int)}.
   */
  private Expr receive(Pos p, Expr x) {
    if (!(x instanceof Expr.ChanType)) return new Expr.Unary(p, Op.ARROW, x);
    return new Expr.ChanType(p, Expr.ChanDir.RECV, reassociate(p, (Expr.ChanType) x));
  }

  private Expr reassociate(Pos p, Expr.ChanType c) {
    if (c.dir() == Expr.ChanDir.RECV) {
      error(c.pos(), "syntax error: unexpected <-, expecting chan");
      return c.value();
    }
    if (c.dir() == Expr.ChanDir.BOTH) return c.value();
    // c is chan<- E: E must itself be a channel, which becomes receive-only.
    if (c.value() instanceof Expr.ChanType inner) {
      return new Expr.ChanType(inner.pos(), Expr.ChanDir.RECV, reassociate(inner.pos(), inner));
    }
    error(c.value().pos(), "syntax error: unexpected " + ExprString.of(c.value()) + ", expecting chan");
    return c.value();
  }

  Expr primaryExpr(PrimaryExprContext c) {
    if (c instanceof OperandExprContext o) return operand(o.operand());
    if (c instanceof SelectorExprContext s) {
      Expr x = primaryExpr(s.primaryExpr());
      Expr sel = new Expr.Selector(x.pos(), x, ident(s.IDENTIFIER()));
      return s.literalValue() == null ? sel : compositeLit(sel, s.literalValue());
    }
    if (c instanceof TypeAssertExprContext t) {
      Expr x = primaryExpr(t.primaryExpr());
      if (t.TYPE() != null) {
        if (!inTypeSwitchGuard) error(x.pos(), "invalid AST: use of .(type) outside type switch");
        return new Expr.TypeAssert(x.pos(), x, null);
      }
      return new Expr.TypeAssert(x.pos(), x, type(t.type_()));
    }
    if (c instanceof IndexExprContext i) return indexOrSlice(i);
    if (c instanceof CallExprContext call) {
      Expr fun = primaryExpr(call.primaryExpr());
      ArgumentsContext a = call.arguments();
      return new Expr.Call(fun.pos(), fun, expressionList(a.expressionList()), a.ELLIPSIS() != null,
          pos(a.L_PAREN()), a.R_PAREN() == null ? pos(a.getStop()) : pos(a.R_PAREN()));
    }
    return new Expr.Bad(pos(c));
  }

  /** x[i], x[lo:hi], x[lo:hi:max]: the parts are read in order between the brackets. */
  private Expr indexOrSlice(IndexExprContext c) {
    Expr x = primaryExpr(c.primaryExpr());
    Expr[] parts = new Expr[3];
    Token[] colons = new Token[2];
    int colon = 0;
    for (int k = 2; k < c.getChildCount(); k++) {
      ParseTree ch = c.getChild(k);
      if (ch instanceof ExpressionContext e) parts[colon] = expression(e);
      else if (ch instanceof TerminalNode t && t.getSymbol().getType() == GoParser.COLON && colon < 2) colons[colon++] = t.getSymbol();
    }
    Pos lbrack = pos(c.L_BRACKET());
    if (colon == 0) {
      if (parts[0] == null) {
        error(pos(c.R_BRACKET() != null ? c.R_BRACKET().getSymbol() : c.getStop()), "syntax error: unexpected ], expecting expression");
        parts[0] = new Expr.Bad(lbrack);
      }
      return new Expr.Index(x.pos(), x, parts[0], lbrack);
    }
    if (colon == 2) {
      if (parts[1] == null) error(pos(colons[1]), "middle index required in 3-index slice");
      if (parts[2] == null) error(pos(c.R_BRACKET() != null ? c.R_BRACKET().getSymbol() : c.getStop()), "final index required in 3-index slice");
    }
    return new Expr.Slice(x.pos(), x, parts[0], parts[1], parts[2], colon == 2, lbrack);
  }

  Expr operand(OperandContext c) {
    if (c instanceof LiteralOperandContext l) return basicLit(l.basicLit());
    if (c instanceof NameOperandContext n) {
      Expr.Ident id = new Expr.Ident(pos(n), n.getStart().getText());
      return n.literalValue() == null ? id : compositeLit(id, n.literalValue());
    }
    if (c instanceof ParenOperandContext p) return new Expr.Paren(pos(p), expression(p.expression()));
    if (c instanceof TypeLitOperandContext t) {
      Expr type = literalType(t.literalType());
      return t.literalValue() == null ? type : compositeLit(type, t.literalValue());
    }
    if (c instanceof FuncOperandContext f) {
      Expr.FuncType type = signature(pos(f.FUNC()), f.signature());
      return f.block() == null ? type : new Expr.FuncLit(type.pos(), type, block(f.block()));
    }
    if (c instanceof ChanOperandContext ch) {
      return new Expr.ChanType(pos(ch), ch.RECEIVE() != null ? Expr.ChanDir.SEND : Expr.ChanDir.BOTH, type(ch.type_()));
    }
    if (c instanceof InterfaceOperandContext i) return interfaceType(i.interfaceType());
    return new Expr.Bad(pos(c));
  }

  Expr.BasicLit basicLit(BasicLitContext c) {
    Token t = c.getStart();
    Expr.LitKind kind = switch (t.getType()) {
      case GoParser.INT_LIT -> Expr.LitKind.INT;
      case GoParser.FLOAT_LIT -> Expr.LitKind.FLOAT;
      case GoParser.IMAGINARY_LIT -> Expr.LitKind.IMAG;
      case GoParser.RUNE_LIT -> Expr.LitKind.CHAR;
      default -> Expr.LitKind.STRING;
    };
    return new Expr.BasicLit(pos(t), kind, t.getText());
  }

  Expr.BasicLit string(String_Context c) {
    return new Expr.BasicLit(pos(c), Expr.LitKind.STRING, c.getStart().getText());
  }

  /** {@code type{elts}}; type is null for an elided inner literal. */
  Expr.CompositeLit compositeLit(Expr type, LiteralValueContext v) {
    List<Expr> elts = new ArrayList<>();
    for (KeyedElementContext k : v.keyedElement()) {
      Expr first = element(k.element(0));
      if (k.COLON() != null && k.element().size() > 1) elts.add(new Expr.KeyValue(first.pos(), first, element(k.element(1))));
      else elts.add(first);
    }
    Pos rbrace = v.R_CURLY() == null ? pos(v.getStop()) : pos(v.R_CURLY());
    return new Expr.CompositeLit(type == null ? pos(v) : type.pos(), type, List.copyOf(elts), rbrace);
  }

  private Expr element(ElementContext c) {
    if (c == null) return new Expr.Bad(Pos.NONE);
    if (c.literalValue() != null) return compositeLit(null, c.literalValue());
    return expression(c.expression());
  }

  // ---- types ----

  Expr type(Type_Context c) {
    if (c == null) return new Expr.Bad(Pos.NONE);
    if (c.typeName() != null) return typeName(c.typeName());
    if (c.typeLit() != null) return typeLit(c.typeLit());
    return new Expr.Paren(pos(c), type(c.type_()));
  }

  Expr typeName(TypeNameContext c) {
    Expr.Ident first = ident(c.IDENTIFIER(0));
    if (c.IDENTIFIER().size() < 2) return first;
    return new Expr.Selector(first.pos(), first, ident(c.IDENTIFIER(1)));
  }

  Expr typeLit(TypeLitContext c) {
    if (c.arrayType() != null) return arrayType(c.arrayType());
    if (c.sliceType() != null) return new Expr.ArrayType(pos(c), null, type(c.sliceType().type_()));
    if (c.pointerType() != null) return new Expr.Star(pos(c), type(c.pointerType().type_()));
    if (c.functionType() != null) return signature(pos(c), c.functionType().signature());
    if (c.interfaceType() != null) return interfaceType(c.interfaceType());
    if (c.mapType() != null) return mapType(c.mapType());
    if (c.channelType() != null) return channelType(c.channelType());
    return structType(c.structType());
  }

  Expr literalType(LiteralTypeContext c) {
    if (c.arrayType() != null) return arrayType(c.arrayType());
    if (c.sliceType() != null) return new Expr.ArrayType(pos(c), null, type(c.sliceType().type_()));
    if (c.mapType() != null) return mapType(c.mapType());
    return structType(c.structType());
  }

  private Expr arrayType(ArrayTypeContext c) {
    Expr len = c.ELLIPSIS() != null ? new Expr.Ellipsis(pos(c.ELLIPSIS()), null) : expression(c.expression());
    return new Expr.ArrayType(pos(c), len, type(c.type_()));
  }

  private Expr mapType(MapTypeContext c) {
    return new Expr.MapType(pos(c), type(c.type_(0)), type(c.type_(1)));
  }

  private Expr channelType(ChannelTypeContext c) {
    Expr.ChanDir dir;
    if (c.getStart().getType() == GoParser.RECEIVE) dir = Expr.ChanDir.RECV;
    else if (c.RECEIVE() != null) dir = Expr.ChanDir.SEND;
    else dir = Expr.ChanDir.BOTH;
    return new Expr.ChanType(pos(c), dir, type(c.type_()));
  }

  Expr.StructType structType(StructTypeContext c) {
    List<Field> fields = new ArrayList<>();
    for (FieldDeclContext f : c.fieldDecl()) {
      Expr.BasicLit tag = f.string_() == null ? null : string(f.string_());
      if (f.embeddedField() != null) {
        EmbeddedFieldContext e = f.embeddedField();
        Expr t = typeName(e.typeName());
        if (e.STAR() != null) t = new Expr.Star(pos(e.STAR()), t);
        fields.add(new Field(pos(f), List.of(), t, tag));
      } else {
        fields.add(new Field(pos(f), identList(f.identifierList()), type(f.type_()), tag));
      }
    }
    return new Expr.StructType(pos(c), List.copyOf(fields));
  }

  Expr.InterfaceType interfaceType(InterfaceTypeContext c) {
    List<Field> methods = new ArrayList<>();
    for (MethodSpecContext m : c.methodSpec()) {
      if (m.signature() != null) {
        Expr.Ident name = ident(m.IDENTIFIER());
        methods.add(new Field(name.pos(), List.of(name), signature(name.pos(), m.signature()), null));
      } else {
        methods.add(new Field(pos(m), List.of(), typeName(m.typeName()), null));
      }
    }
    return new Expr.InterfaceType(pos(c), List.copyOf(methods));
  }

  List<Expr.Ident> identList(IdentifierListContext c) {
    List<Expr.Ident> out = new ArrayList<>();
    for (TerminalNode n : c.IDENTIFIER()) out.add(ident(n));
    return List.copyOf(out);
  }

  Expr.FuncType signature(Pos p, SignatureContext c) {
    if (c == null) return new Expr.FuncType(p, List.of(), List.of());
    List<Field> params = parameters(c.parameters());
    List<Field> results = List.of();
    ResultContext r = c.result();
    if (r != null) {
      if (r.parameters() != null) results = parameters(r.parameters());
      else {
        Expr t = r.typeName() != null ? typeName(r.typeName()) : typeLit(r.typeLit());
        results = List.of(new Field(t.pos(), List.of(), t, null));
      }
    }
    return new Expr.FuncType(p, params, results);
  }

  /**
   * A parameter list, regrouped as gc does: if some entry has both a name and a type, every
   * entry is named and bare names take the type that follows them ({@code a, b int}); otherwise
   * every entry is a type.
   */
  List<Field> parameters(ParametersContext c) {
    if (c == null) return List.of();
    List<ParameterDeclContext> decls = c.parameterDecl();
    boolean named = false;
    for (ParameterDeclContext d : decls) named |= d.IDENTIFIER() != null;
    List<Field> out = new ArrayList<>();
    if (!named) {
      for (ParameterDeclContext d : decls) out.add(new Field(pos(d), List.of(), paramType(d), null));
      return List.copyOf(out);
    }
    List<Expr.Ident> pending = new ArrayList<>();
    Pos groupPos = null;
    for (ParameterDeclContext d : decls) {
      if (groupPos == null) groupPos = pos(d);
      if (d.IDENTIFIER() != null) {
        pending.add(ident(d.IDENTIFIER()));
        out.add(new Field(groupPos, List.copyOf(pending), paramType(d), null));
        pending.clear();
        groupPos = null;
      } else if (d.ELLIPSIS() == null && d.type_().typeName() != null && d.type_().typeName().DOT() == null) {
        pending.add(ident(d.type_().typeName().IDENTIFIER(0)));
      } else {
        error(pos(d), "syntax error: mixed named and unnamed parameters");
        out.add(new Field(groupPos, List.of(new Expr.Ident(pos(d), "_")), paramType(d), null));
        groupPos = null;
      }
    }
    if (!pending.isEmpty()) {
      error(pending.get(pending.size() - 1).pos(), "syntax error: mixed named and unnamed parameters");
      out.add(new Field(groupPos, List.copyOf(pending), new Expr.Bad(pending.get(0).pos()), null));
    }
    return List.copyOf(out);
  }

  private Expr paramType(ParameterDeclContext d) {
    Expr t = type(d.type_());
    return d.ELLIPSIS() == null ? t : new Expr.Ellipsis(pos(d.ELLIPSIS()), t);
  }
}
