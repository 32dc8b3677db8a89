package gopl.frontend.ast;

/** Operators and the assignment/branch tokens that AST nodes record, spelled as in Go. */
public enum Op {
  ADD("+"), SUB("-"), MUL("*"), QUO("/"), REM("%"),
  AND("&"), OR("|"), XOR("^"), SHL("<<"), SHR(">>"), AND_NOT("&^"),
  LAND("&&"), LOR("||"), ARROW("<-"), NOT("!"),
  EQL("=="), NEQ("!="), LSS("<"), LEQ("<="), GTR(">"), GEQ(">="),
  INC("++"), DEC("--"),
  ASSIGN("="), DEFINE(":="),
  ADD_ASSIGN("+="), SUB_ASSIGN("-="), MUL_ASSIGN("*="), QUO_ASSIGN("/="), REM_ASSIGN("%="),
  AND_ASSIGN("&="), OR_ASSIGN("|="), XOR_ASSIGN("^="), SHL_ASSIGN("<<="), SHR_ASSIGN(">>="),
  AND_NOT_ASSIGN("&^="),
  BREAK("break"), CONTINUE("continue"), GOTO("goto"), FALLTHROUGH("fallthrough");

  public final String text;

  Op(String text) {
    this.text = text;
  }

  /** For an op-assignment ({@code +=}), the binary operator it applies ({@code +}); else null. */
  public Op binaryOfAssign() {
    return switch (this) {
      case ADD_ASSIGN -> ADD;
      case SUB_ASSIGN -> SUB;
      case MUL_ASSIGN -> MUL;
      case QUO_ASSIGN -> QUO;
      case REM_ASSIGN -> REM;
      case AND_ASSIGN -> AND;
      case OR_ASSIGN -> OR;
      case XOR_ASSIGN -> XOR;
      case SHL_ASSIGN -> SHL;
      case SHR_ASSIGN -> SHR;
      case AND_NOT_ASSIGN -> AND_NOT;
      default -> null;
    };
  }

  @Override
  public String toString() {
    return text;
  }
}
