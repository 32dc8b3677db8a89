package gopl.codegen;

import gopl.frontend.ast.Expr;
import gopl.frontend.ast.Node;
import gopl.frontend.ast.Stmt;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.function.Consumer;

/**
 * Generic walks over the AST records (every node is a record; lists of nodes are walked too):
 * finding defer statements of a function body and visiting all nodes of a subtree.
 */
final class DeferScan {
  private DeferScan() {}

  /** True if body contains a defer statement outside nested function literals. */
  static boolean hasDefer(Node body) {
    boolean[] found = {false};
    walk(body, n -> {
      if (n instanceof Stmt.Defer) found[0] = true;
    }, true);
    return found[0];
  }

  /** Visits n and every node below it; skipFuncLits stops at function literals (not visiting their bodies). */
  static void walk(Object n, Consumer<Node> visit, boolean skipFuncLits) {
    if (n == null) return;
    if (n instanceof List<?> list) {
      for (Object o : list) walk(o, visit, skipFuncLits);
      return;
    }
    if (!(n instanceof Node node)) return;
    visit.accept(node);
    if (skipFuncLits && node instanceof Expr.FuncLit) return;
    if (!n.getClass().isRecord()) return;
    for (RecordComponent rc : n.getClass().getRecordComponents()) {
      Class<?> t = rc.getType();
      if (t.isPrimitive() || t == String.class || t.isEnum() || t == gopl.frontend.Pos.class) continue;
      try {
        walk(rc.getAccessor().invoke(n), visit, skipFuncLits);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
