package gopl.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gopl.frontend.ast.AstPrinter;
import gopl.frontend.ast.Decl;
import gopl.frontend.ast.Expr;
import gopl.frontend.ast.SourceFile;
import gopl.frontend.ast.Spec;
import gopl.frontend.ast.Stmt;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Golden tests of the AST built for snippets, printed as S-expressions by {@link AstPrinter}. */
class ParserAstTest {
  static SourceFile parseOk(String src) {
    ParseResult r = Parser.parse("t.gop", src);
    assertEquals(List.of(), r.diagnostics(), "unexpected diagnostics");
    return r.file();
  }

  /** The statements of main's body, printed. */
  static String body(String stmts) {
    SourceFile f = parseOk("package main\nfunc main() {\n" + stmts + "\n}\n");
    return AstPrinter.print(((Decl.Func) f.decls().get(0)).body().stmts());
  }

  static String expr(String e) {
    SourceFile f = parseOk("package main\nvar _ = " + e + "\n");
    return AstPrinter.print(((Spec.Value) ((Decl.Gen) f.decls().get(0)).specs().get(0)).values().get(0));
  }

  static String decl(String d) {
    return AstPrinter.print(parseOk("package p\n" + d + "\n").decls().get(0));
  }

  @Test
  void testExpr_precedence() {
    assertEquals("(Binary (Ident a) || (Binary (Binary (Ident b) + (Binary (Ident c) * (Ident d))) == (Ident e)))",
        expr("a || b + c*d == e"));
    assertEquals("(Binary (Binary (Ident a) - (Ident b)) - (Ident c))", expr("a - b - c"));
    assertEquals("(Binary (Unary - (Ident x)) &^ (Star (Ident p)))", expr("-x &^ *p"));
    assertEquals("(Unary <- (Unary <- (Ident c)))", expr("<-<-c"));
  }

  @Test
  void testExpr_literals() {
    assertEquals("[(BasicLit INT 0x1F) (BasicLit FLOAT 1.5e3) (BasicLit IMAG 2i) (BasicLit CHAR '\\n') (BasicLit STRING `raw`) (BasicLit INT 1_000)]",
        AstPrinter.print(((Stmt.Assign) ((Decl.Func) parseOk("package p\nfunc f() { _, _, _, _, _, _ = 0x1F, 1.5e3, 2i, '\\n', `raw`, 1_000 }").decls().get(0)).body().stmts().get(0)).rhs()));
  }

  @Test
  void testExpr_compositeLiterals() {
    assertEquals("(CompositeLit (Ident T) [(KeyValue (Ident a) (BasicLit INT 1)) (CompositeLit nil [(BasicLit INT 2)])])", expr("T{a: 1, {2}}"));
    assertEquals("(CompositeLit (ArrayType (Ellipsis nil) (Ident int)) [(BasicLit INT 1)])", expr("[...]int{1}"));
    assertEquals("(CompositeLit (MapType (Ident string) (ArrayType nil (Ident int))) [(KeyValue (BasicLit STRING \"a\") (CompositeLit nil []))])",
        expr("map[string][]int{\"a\": {}}"));
    assertEquals("(CompositeLit (Selector (Ident pkg) (Ident T)) [])", expr("pkg.T{}"));
    assertEquals("(CompositeLit (StructType [(Field [(Ident x)] (Ident int) nil)]) [(BasicLit INT 1)])", expr("struct{ x int }{1}"));
  }

  @Test
  void testExpr_primarySuffixes() {
    assertEquals("(Call (Selector (Ident fmt) (Ident Println)) [(Ident a) (Ident b)] true)", expr("fmt.Println(a, b...)"));
    assertEquals("(Slice (Ident s) nil (Ident n) nil false)", expr("s[:n]"));
    assertEquals("(Slice (Ident s) (BasicLit INT 1) (BasicLit INT 2) (BasicLit INT 3) true)", expr("s[1:2:3]"));
    assertEquals("(Index (Ident m) (BasicLit STRING \"k\"))", expr("m[\"k\"]"));
    assertEquals("(TypeAssert (Ident x) (Star (Ident T)))", expr("x.(*T)"));
    assertEquals("(Call (Paren (Star (Ident T))) [(Ident p)] false)", expr("(*T)(p)"));
    assertEquals("(Selector (Paren (Star (Ident T))) (Ident M))", expr("(*T).M"));
    assertEquals("(Call (ArrayType nil (Ident byte)) [(Ident s)] false)", expr("[]byte(s)"));
  }

  @Test
  void testExpr_funcLitAndTypes() {
    assertEquals("(FuncLit (FuncType [(Field [(Ident x)] (Ident int) nil)] [(Field [] (Ident bool) nil)]) (Block [(Return [(Ident true)])]))",
        expr("func(x int) bool { return true }"));
    assertEquals("(Call (Ident make) [(ChanType RECV (Ident int)) (BasicLit INT 1)] false)", expr("make(<-chan int, 1)"));
    assertEquals("(Call (Ident make) [(ChanType SEND (ChanType BOTH (Ident int)))] false)", expr("make(chan<- chan int)"));
    assertEquals("(ChanType RECV (ChanType RECV (Ident int)))", expr("(<-chan <-chan int)(nil)").replaceAll("^\\(Call \\(Paren (.*)\\) \\[\\(Ident nil\\)\\] false\\)$", "$1"));
    assertEquals("(Call (InterfaceType []) [(Ident x)] false)", expr("interface{}(x)"));
  }

  @Test
  void testDecl_funcWithReceiverAndGroupedParams() {
    assertEquals("(Func (Field [(Ident t)] (Star (Ident T)) nil) (Ident M) (FuncType [(Field [(Ident a) (Ident b)] (Ident int) nil) "
        + "(Field [(Ident rest)] (Ellipsis (Ident string)) nil)] [(Field [(Ident n)] (Ident int) nil) (Field [(Ident err)] (Ident error) nil)]) "
        + "(Block []) nil)", decl("func (t *T) M(a, b int, rest ...string) (n int, err error) {}"));
    assertEquals("(Func nil (Ident f) (FuncType [(Field [] (Ident int) nil) (Field [] (Selector (Ident io) (Ident Reader)) nil)] []) nil nil)",
        decl("func f(int, io.Reader)"));
  }

  @Test
  void testDecl_typesAndTags() {
    assertEquals("(Gen TYPE [(Type (Ident S) false (StructType [(Field [(Ident a) (Ident b)] (Ident int) (BasicLit STRING `json:\"a\"`)) "
        + "(Field [] (Star (Selector (Ident pkg) (Ident E))) nil)]))])", decl("type S struct {\n\ta, b int `json:\"a\"`\n\t*pkg.E\n}"));
    assertEquals("(Gen TYPE [(Type (Ident A) true (Ident int)) (Type (Ident I) false (InterfaceType [(Field [(Ident M)] (FuncType [] [(Field [] (Ident int) nil)]) nil) (Field [] (Ident Stringer) nil)]))])",
        decl("type (\n\tA = int\n\tI interface { M() int; Stringer }\n)"));
  }

  @Test
  void testDecl_constIota() {
    SourceFile f = parseOk("package p\nconst (\n\tA = iota\n\tB\n\tC, D = 1, 2\n)\n");
    List<Spec> specs = ((Decl.Gen) f.decls().get(0)).specs();
    assertEquals(List.of(0, 1, 2), specs.stream().map(s -> ((Spec.Value) s).iota()).toList());
    assertEquals("(Value [(Ident B)] nil [] 1)", AstPrinter.print(specs.get(1)));
  }

  @Test
  void testDecl_docComment() {
    SourceFile f = parseOk("package p\n\n// unrelated\n\n// Sum adds.\n//   Indented.\nfunc Sum() {}\n\nfunc NoDoc() {}\n/* block */\nfunc Block() {}\n");
    assertEquals("Sum adds.\n  Indented.", ((Decl.Func) f.decls().get(0)).doc());
    assertNull(((Decl.Func) f.decls().get(1)).doc());
    assertNull(((Decl.Func) f.decls().get(2)).doc());
  }

  @Test
  void testStmt_simpleForms() {
    assertEquals("[(Assign [(Ident a) (Ident b)] := [(BasicLit INT 1) (BasicLit INT 2)]) (Assign [(Ident a)] += [(BasicLit INT 1)]) "
        + "(IncDec (Ident a) ++) (Send (Ident ch) (Ident v)) (ExprStmt (Unary <- (Ident ch)))]", body("a, b := 1, 2\na += 1\na++\nch <- v\n<-ch"));
  }

  @Test
  void testStmt_controlFlow() {
    assertEquals("[(If (Assign [(Ident x)] := [(Call (Ident f) [] false)]) (Binary (Ident x) > (BasicLit INT 0)) (Block []) "
        + "(If nil (Ident y) (Block []) (Block [])))]", body("if x := f(); x > 0 {\n} else if y {\n} else {\n}"));
    assertEquals("[(For (Assign [(Ident i)] := [(BasicLit INT 0)]) (Binary (Ident i) < (Ident n)) (IncDec (Ident i) ++) (Block [])) "
        + "(For nil nil nil (Block [(Branch break nil)])) (Range (Ident k) (Ident v) := (Ident m) (Block [])) (Range nil nil nil (Ident ch) (Block []))]",
        body("for i := 0; i < n; i++ {}\nfor { break }\nfor k, v := range m {}\nfor range ch {}"));
    assertEquals("[(Labeled (Ident L) (For nil (Ident c) nil (Block [(Branch continue (Ident L)) (Branch goto (Ident L))])))]",
        body("L:\n\tfor c {\n\t\tcontinue L\n\t\tgoto L\n\t}"));
  }

  @Test
  void testStmt_switches() {
    assertEquals("[(Switch nil (Ident x) [(CaseClause [(BasicLit INT 1) (BasicLit INT 2)] false [(Branch fallthrough nil)]) (CaseClause [] true [])])]",
        body("switch x {\ncase 1, 2:\n\tfallthrough\ndefault:\n}"));
    assertEquals("[(TypeSwitch (Assign [(Ident a)] := [(Ident b)]) (Assign [(Ident v)] := [(TypeAssert (Ident a) nil)]) "
        + "[(CaseClause [(Ident int) (ArrayType nil (Ident byte)) (FuncType [] [])] false []) (CaseClause [(Ident nil)] false [])])]",
        body("switch a := b; v := a.(type) {\ncase int, []byte, func():\ncase nil:\n}"));
    assertEquals("[(Select [(CommClause (Assign [(Ident v) (Ident ok)] := [(Unary <- (Ident c))]) []) (CommClause (Send (Ident c) (BasicLit INT 1)) []) (CommClause nil [])])]",
        body("select {\ncase v, ok := <-c:\ncase c <- 1:\ndefault:\n}"));
  }

  @Test
  void testStmt_goDeferReturnDecl() {
    assertEquals("[(Go (Call (FuncLit (FuncType [] []) (Block [])) [] false)) (Defer (Call (Ident f) [] false)) (DeclStmt (Gen VAR [(Value [(Ident x)] (Ident int) [] 0)])) (Return [])]",
        body("go func() {}()\ndefer f()\nvar x int\nreturn"));
  }

  @Test
  void testStmt_txn() {
    assertEquals("[(Txn (BasicLit STRING \"undo\") (Block [(IncDec (Ident x) ++)])) (Txn nil (Block [])) (Assign [(Ident txn)] := [(BasicLit INT 1)]) (ExprStmt (Call (Ident txn) [(Ident x)] false))]",
        body("txn(\"undo\") {\n\tx++\n}\ntxn() {}\ntxn := 1\ntxn(x)"));
  }

  /** spec: the composite-literal/block ambiguity in statement headers. */
  @Test
  void testCompositeLiteralInHeaders() {
    assertEquals("[(Range (Ident _) (Ident v) := (CompositeLit (ArrayType nil (Ident int)) [(BasicLit INT 1) (BasicLit INT 2)]) (Block []))]",
        body("for _, v := range []int{1, 2} {}"));
    assertEquals("[(If nil (Binary (Ident x) == (Paren (CompositeLit (Ident T) []))) (Block []) nil)]", body("if x == (T{}) {}"));
    assertEquals("[(If nil (Call (Ident f) [(CompositeLit (Ident T) [])] false) (Block []) nil)]", body("if f(T{}) {}"));
    assertEquals("[(Switch nil (Ident x) [] )]".replace(" )", ")"), body("switch x {}"));
  }

  @Test
  void testPositions_bytesAndOperators() {
    SourceFile f = parseOk("package main\n\nfunc main() {\n\ts := \"héllo\"; t := a +\n\t\tb(c)\n}\n");
    List<Stmt> stmts = ((Decl.Func) f.decls().get(0)).body().stmts();
    Stmt.Assign second = (Stmt.Assign) stmts.get(1);
    // "héllo" has 6 bytes for 5 characters: gc columns count bytes.
    assertEquals(new Pos("t.gop", 4, 17), second.pos());
    assertEquals(new Pos("t.gop", 4, 19), second.opPos());
    Expr.Binary sum = (Expr.Binary) second.rhs().get(0);
    assertEquals(new Pos("t.gop", 4, 22), sum.pos());
    assertEquals(new Pos("t.gop", 4, 24), sum.opPos());
    Expr.Call call = (Expr.Call) sum.y();
    assertEquals(new Pos("t.gop", 5, 3), call.pos());
    assertEquals(new Pos("t.gop", 5, 4), call.lparen());
    assertEquals(new Pos("t.gop", 5, 6), call.rparen());
    assertEquals(new Pos("t.gop", 6, 1), ((Decl.Func) f.decls().get(0)).body().rbrace());
    assertTrue(AstPrinter.printWithPositions(stmts.get(0)).startsWith("(Assign [(Ident s)@4:2]"));
  }

  @Test
  void testImportsCollected() {
    SourceFile f = parseOk("package main\n\nimport (\n\t\"fmt\"\n\tstr \"strings\"\n\t. \"math\"\n\t_ \"os\"\n)\nimport \"io\"\n");
    assertEquals("[(Import nil (BasicLit STRING \"fmt\")) (Import (Ident str) (BasicLit STRING \"strings\")) (Import (Ident .) (BasicLit STRING \"math\")) "
        + "(Import (Ident _) (BasicLit STRING \"os\")) (Import nil (BasicLit STRING \"io\"))]", AstPrinter.print(f.imports()));
    assertEquals("main", f.packageName().name());
  }
}
