package gopl.frontend.ast;

import gopl.frontend.Pos;
import java.util.List;

/**
 * A field of a struct, a parameter or result group, or an interface method. names is empty for
 * embedded fields, anonymous parameters and embedded interfaces; tag is null when absent.
 */
public record Field(Pos pos, List<Expr.Ident> names, Expr type, Expr.BasicLit tag) implements Node {}
