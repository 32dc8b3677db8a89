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

  /** Most defer statements a function may have and still get open-coded defers (Go's limit). */
  static final int MAX_OPEN_DEFERS = 8;

  /**
   * Whether body's defers can be open-coded (Go 1.14's scheme, docs/codegen.md "Panics, defer"):
   * each defer statement runs at most once per call — none inside a for/range loop, no goto
   * that could jump back over one, none inside a txn block — and there are at most
   * {@link #MAX_OPEN_DEFERS} of them. Function literals are separate functions and not counted.
   */
  static boolean openCodable(Node body) {
    int[] defers = {0};
    boolean[] blocked = {false};
    walk(body, n -> {
      switch (n) {
        case Stmt.Defer d -> defers[0]++;
        case Stmt.For f -> blocked[0] |= hasDefer(f.body());
        case Stmt.Range r -> blocked[0] |= hasDefer(r.body());
        case Stmt.Txn t -> blocked[0] |= hasDefer(t.body());
        case Stmt.Branch b -> blocked[0] |= b.tok() == gopl.frontend.ast.Op.GOTO;
        default -> {}
      }
    }, true);
    return !blocked[0] && defers[0] <= MAX_OPEN_DEFERS;
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
