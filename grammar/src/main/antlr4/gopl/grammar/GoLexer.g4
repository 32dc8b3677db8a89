/*
 * Lexer for Go 1.15 source (GoPL's .gop files). Semicolon insertion and the bookkeeping for
 * lexical errors live in GoLexerBase (no logic here): rules below only classify characters.
 * Literal rules are deliberately lenient (e.g. any digits after 0x) so that malformed literals
 * become one token that GoLexerBase validates with gc's wording, instead of a cascade of
 * confusing token errors.
 */
lexer grammar GoLexer;

options {
  superClass = GoLexerBase;
}

// GoPL: the word txn where a statement starts and "(" follows. GoLexerBase retypes such an
// IDENTIFIER to TXN (not a keyword: the parser accepts TXN wherever a name may appear).
tokens {
  TXN
}

// ---- keywords (spec: "Keywords") ----
BREAK       : 'break';
CASE        : 'case';
CHAN        : 'chan';
CONST       : 'const';
CONTINUE    : 'continue';
DEFAULT     : 'default';
DEFER       : 'defer';
ELSE        : 'else';
FALLTHROUGH : 'fallthrough';
FOR         : 'for';
FUNC        : 'func';
GO          : 'go';
GOTO        : 'goto';
IF          : 'if';
IMPORT      : 'import';
INTERFACE   : 'interface';
MAP         : 'map';
PACKAGE     : 'package';
RANGE       : 'range';
RETURN      : 'return';
SELECT      : 'select';
STRUCT      : 'struct';
SWITCH      : 'switch';
TYPE        : 'type';
VAR         : 'var';

// spec: identifier = letter { letter | unicode_digit } .
IDENTIFIER : LETTER (LETTER | UNICODE_DIGIT)*;

// ---- operators and punctuation (spec: "Operators and punctuation") ----
L_PAREN           : '(';
R_PAREN           : ')';
L_CURLY           : '{';
R_CURLY           : '}';
L_BRACKET         : '[';
R_BRACKET         : ']';
ASSIGN            : '=';
COMMA             : ',';
SEMI              : ';';
COLON             : ':';
DOT               : '.';
PLUS_PLUS         : '++';
MINUS_MINUS       : '--';
DECLARE_ASSIGN    : ':=';
ELLIPSIS          : '...';
LOGICAL_OR        : '||';
LOGICAL_AND       : '&&';
EQUALS            : '==';
NOT_EQUALS        : '!=';
LESS              : '<';
LESS_OR_EQUALS    : '<=';
GREATER           : '>';
GREATER_OR_EQUALS : '>=';
OR                : '|';
DIV               : '/';
MOD               : '%';
LSHIFT            : '<<';
RSHIFT            : '>>';
BIT_CLEAR         : '&^';
EXCLAMATION       : '!';
PLUS              : '+';
MINUS             : '-';
CARET             : '^';
STAR              : '*';
AMPERSAND         : '&';
RECEIVE           : '<-';
ASSIGN_OP         : ('+' | '-' | '|' | '^' | '*' | '/' | '%' | '<<' | '>>' | '&' | '&^') '=';

// ---- literals (validated by GoLexerBase) ----
IMAGINARY_LIT : (INT_BODY | FLOAT_BODY) 'i';
FLOAT_LIT     : FLOAT_BODY;
INT_LIT       : INT_BODY;
RUNE_LIT      : '\'' (~['\\\n] | '\\' ~[\n])* '\'';
INTERPRETED_STRING_LIT : '"' (~["\\\n] | '\\' ~[\n])* '"';
RAW_STRING_LIT : '`' ~'`'* '`';

// Unterminated forms: they only win (longest match) when the closing quote is missing.
UNTERMINATED_RUNE   : '\'' (~['\\\n] | '\\' ~[\n])* '\\'?;
UNTERMINATED_STRING : '"' (~["\\\n] | '\\' ~[\n])* '\\'?;
UNTERMINATED_RAW    : '`' ~'`'*;

// ---- white space and comments ----
WS                   : [ \t\r]+ -> skip;
NEWLINE              : '\n';
BYTE_ORDER_MARK      : '\uFEFF' -> skip;
LINE_COMMENT         : '//' ~'\n'* -> channel(HIDDEN);
BLOCK_COMMENT        : '/*' .*? '*/' -> channel(HIDDEN);
UNTERMINATED_COMMENT : '/*' (~'*' | '*'+ ~[*/])* '*'*;
ERROR_CHAR           : .;

fragment INT_BODY
  : '0' [xX] [0-9a-fA-F_]*
  | '0' [bB] [0-9_]*
  | '0' [oO] [0-9_]*
  | [0-9] [0-9_]*
  ;

fragment FLOAT_BODY
  : [0-9] [0-9_]* '.' ([0-9] [0-9_]*)? DEC_EXPONENT?
  | [0-9] [0-9_]* DEC_EXPONENT
  | '.' [0-9] [0-9_]* DEC_EXPONENT?
  | '0' [xX] [0-9a-fA-F_]* ('.' [0-9a-fA-F_]*)? HEX_EXPONENT
  | '0' [xX] [0-9a-fA-F_]* '.' [0-9a-fA-F_]* // invalid without exponent; reported by GoLiterals
  ;

fragment DEC_EXPONENT : [eE] [+-]? [0-9_]*;
fragment HEX_EXPONENT : [pP] [+-]? [0-9_]*;
fragment LETTER        : [\p{L}] | '_';
fragment UNICODE_DIGIT : [\p{Nd}];
