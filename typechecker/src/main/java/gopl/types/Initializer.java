package gopl.types;

import gopl.frontend.ast.Expr;
import java.util.List;

/**
 * One step of package initialisation: assign rhs to lhs (several lhs for {@code var a, b = f()}).
 * {@link Info#initOrder()} lists them in the order the spec prescribes.
 */
public record Initializer(List<Var> lhs, Expr rhs) {}
