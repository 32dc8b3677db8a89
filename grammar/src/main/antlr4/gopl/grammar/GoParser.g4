/*
 * Parser for Go 1.15 syntax plus GoPL's txn statement. Follows the productions of the Go
 * specification, factored so that every decision needs only a few tokens of lookahead (the
 * statement forms share one simpleStmt prefix; index and slice share one suffix; parameter and
 * field groups are regrouped by the AST builder as gc does). The only semantic predicate,
 * compositeOk() in GoParserBase, implements the spec's composite-literal/block ambiguity rule.
 * Things that gc checks after parsing (":=" needs names on the left, "range" only in for
 * headers, txn argument count, ".(type)" only in type switches) are checked by the AST builder.
 */
parser grammar GoParser;

options {
  tokenVocab = GoLexer;
  superClass = GoParserBase;
}

// spec: SourceFile = PackageClause ";" { ImportDecl ";" } { TopLevelDecl ";" } .
// Imports after other declarations are accepted here and reported by the builder (gc's wording).
sourceFile
  : packageClause SEMI (topLevelDecl SEMI)* EOF
  ;

packageClause : PACKAGE IDENTIFIER ;

topLevelDecl : importDecl | declaration | functionDecl ;

importDecl : IMPORT (importSpec | L_PAREN (importSpec (SEMI importSpec)* SEMI?)? R_PAREN) ;

importSpec : (DOT | IDENTIFIER)? string_ ;

declaration : constDecl | typeDecl | varDecl ;

constDecl : CONST (constSpec | L_PAREN (constSpec (SEMI constSpec)* SEMI?)? R_PAREN) ;

constSpec : identifierList type_? (ASSIGN expressionList)? ;

typeDecl : TYPE (typeSpec | L_PAREN (typeSpec (SEMI typeSpec)* SEMI?)? R_PAREN) ;

typeSpec : IDENTIFIER ASSIGN? type_ ;

varDecl : VAR (varSpec | L_PAREN (varSpec (SEMI varSpec)* SEMI?)? R_PAREN) ;

varSpec : identifierList (type_ (ASSIGN expressionList)? | ASSIGN expressionList) ;

// spec: FunctionDecl = "func" FunctionName Signature [ FunctionBody ] .
//       MethodDecl   = "func" Receiver MethodName Signature [ FunctionBody ] .
functionDecl : FUNC receiver? IDENTIFIER signature block? ;

receiver : parameters ;

identifierList : IDENTIFIER (COMMA IDENTIFIER)* ;

expressionList : expression (COMMA expression)* ;

// ---- types ----

type_
  : typeName
  | typeLit
  | L_PAREN type_ R_PAREN
  ;

typeName : IDENTIFIER (DOT IDENTIFIER)? ;

typeLit
  : arrayType
  | structType
  | pointerType
  | functionType
  | interfaceType
  | sliceType
  | mapType
  | channelType
  ;

// [...]T is only meaningful in a composite literal; the builder/checker reject it elsewhere.
arrayType : L_BRACKET (expression | ELLIPSIS) R_BRACKET type_ ;

sliceType : L_BRACKET R_BRACKET type_ ;

pointerType : STAR type_ ;

mapType : MAP L_BRACKET type_ R_BRACKET type_ ;

// spec: "The <- operator associates with the leftmost chan possible" (first alternative wins).
channelType
  : CHAN RECEIVE type_
  | CHAN type_
  | RECEIVE CHAN type_
  ;

functionType : FUNC signature ;

signature : parameters result? ;

// A result starting with "(" is always a parameter list, never a parenthesized type.
result : parameters | typeName | typeLit ;

parameters : L_PAREN (parameterDecl (COMMA parameterDecl)* COMMA?)? R_PAREN ;

// One entry of a parameter list: "name Type", "name ...Type", "Type" or "...Type"; the builder
// regroups "a, b int" (gc: names without types take the type that follows).
parameterDecl
  : IDENTIFIER ELLIPSIS? type_
  | ELLIPSIS? type_
  ;

structType : STRUCT L_CURLY (fieldDecl (SEMI fieldDecl)* SEMI?)? R_CURLY ;

fieldDecl : (identifierList type_ | embeddedField) string_? ;

embeddedField : STAR? typeName ;

interfaceType : INTERFACE L_CURLY (methodSpec (SEMI methodSpec)* SEMI?)? R_CURLY ;

methodSpec
  : IDENTIFIER signature
  | typeName
  ;

// ---- statements ----

block : L_CURLY statementList R_CURLY ;

statementList : statement? (SEMI statement?)* ;

statement
  : declaration
  | labeledStmt
  | txnStmt
  | simpleStmt
  | goStmt
  | returnStmt
  | breakStmt
  | continueStmt
  | gotoStmt
  | fallthroughStmt
  | block
  | ifStmt
  | switchStmt
  | selectStmt
  | forStmt
  | deferStmt
  ;

labeledStmt : IDENTIFIER COLON statement? ;

// GoPL: TxnStmt = "txn" "(" [ Expression ] ")" Block . (TXN is the contextual word txn, see
// GoLexerBase; the builder checks that at most one argument is given.)
txnStmt : TXN arguments block ;

// spec: SimpleStmt = EmptyStmt | ExpressionStmt | SendStmt | IncDecStmt | Assignment | ShortVarDecl .
simpleStmt
  : expressionList
    ( ASSIGN_OP expressionList
    | (ASSIGN | DECLARE_ASSIGN) expressionList
    | PLUS_PLUS
    | MINUS_MINUS
    | RECEIVE expression
    )?
  ;

goStmt : GO expression ;

deferStmt : DEFER expression ;

returnStmt : RETURN expressionList? ;

breakStmt : BREAK IDENTIFIER? ;

continueStmt : CONTINUE IDENTIFIER? ;

gotoStmt : GOTO IDENTIFIER ;

fallthroughStmt : FALLTHROUGH ;

ifStmt : IF header? block (ELSE (ifStmt | block))? ;

// Header of if and switch: [ init ";" ] [ cond ]; the builder decides which part is which.
header
  : simpleStmt (SEMI simpleStmt?)?
  | SEMI simpleStmt?
  ;

switchStmt : SWITCH header? L_CURLY caseClause* R_CURLY ;

caseClause : (CASE expressionList | DEFAULT) COLON statementList ;

selectStmt : SELECT L_CURLY commClause* R_CURLY ;

commClause : (CASE simpleStmt | DEFAULT) COLON statementList ;

forStmt : FOR forHeader? block ;

// spec: RangeClause = [ ExpressionList "=" | IdentifierList ":=" ] "range" Expression .
forHeader
  : RANGE expression
  | expressionList (ASSIGN | DECLARE_ASSIGN) RANGE expression
  | simpleStmt (SEMI expression? SEMI simpleStmt?)?
  | SEMI expression? SEMI simpleStmt?
  ;

// ---- expressions ----

expression
  : unaryExpr                                                                                    # unaryExpression
  | expression op = (STAR | DIV | MOD | LSHIFT | RSHIFT | AMPERSAND | BIT_CLEAR) expression      # binaryExpression
  | expression op = (PLUS | MINUS | OR | CARET) expression                                       # binaryExpression
  | expression op = (EQUALS | NOT_EQUALS | LESS | LESS_OR_EQUALS | GREATER | GREATER_OR_EQUALS) expression # binaryExpression
  | expression op = LOGICAL_AND expression                                                       # binaryExpression
  | expression op = LOGICAL_OR expression                                                        # binaryExpression
  ;

unaryExpr
  : primaryExpr
  | op = (PLUS | MINUS | EXCLAMATION | CARET | STAR | AMPERSAND | RECEIVE) unaryExpr
  ;

primaryExpr
  : operand                                                                           # operandExpr
  | primaryExpr DOT IDENTIFIER ({compositeOk()}? literalValue)?                       # selectorExpr
  | primaryExpr DOT L_PAREN (type_ | TYPE) R_PAREN                                    # typeAssertExpr
  | primaryExpr L_BRACKET expression? (COLON expression? (COLON expression?)?)? R_BRACKET # indexExpr
  | primaryExpr arguments                                                             # callExpr
  ;

// Types are operands too (conversions, make/new arguments, type switch cases), as in gc. As in
// gc, "{" after a name or selector starts a composite literal unless compositeOk() says no.
// spec: "A parsing ambiguity arises when a composite literal using the TypeName form of the
// LiteralType appears as an operand between the keyword and the opening brace of the block of an
// "if", "for", or "switch" statement" -- compositeOk() says whether we are in such a place.
operand
  : basicLit                            # literalOperand
  | (IDENTIFIER | TXN) ({compositeOk()}? literalValue)?  # nameOperand
  | L_PAREN expression R_PAREN          # parenOperand
  | literalType literalValue?           # typeLitOperand
  | FUNC signature block?               # funcOperand
  | CHAN RECEIVE? type_                 # chanOperand
  | interfaceType                       # interfaceOperand
  ;

literalType : arrayType | sliceType | mapType | structType ;

literalValue : L_CURLY (keyedElement (COMMA keyedElement)* COMMA?)? R_CURLY ;

keyedElement : element (COLON element)? ;

element : expression | literalValue ;

arguments : L_PAREN (expressionList ELLIPSIS? COMMA?)? R_PAREN ;

basicLit
  : INT_LIT
  | FLOAT_LIT
  | IMAGINARY_LIT
  | RUNE_LIT
  | string_
  ;

string_ : INTERPRETED_STRING_LIT | RAW_STRING_LIT ;
