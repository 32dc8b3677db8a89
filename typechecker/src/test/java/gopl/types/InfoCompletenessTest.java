package gopl.types;

import static org.junit.jupiter.api.Assertions.assertEquals;

import gopl.frontend.ast.Expr;
import gopl.frontend.ast.Node;
import gopl.frontend.ast.SourceFile;
import gopl.frontend.ast.Spec;
import gopl.frontend.ast.Stmt;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The code generator's guarantee: in a well-typed program every expression has a recorded type
 * (or, for identifiers, a defined or used object), so nothing has to be re-derived.
 */
class InfoCompletenessTest {

  @Test
  void testEveryExpressionOfCleanProgram_hasTypeOrObject() throws Exception {
    checkComplete("ok_program.gop");
  }

  @Test
  void testEveryExpressionOfCleanTypesProgram_hasTypeOrObject() throws Exception {
    checkComplete("ok_types.gop");
  }

  private void checkComplete(String name) throws Exception {
    String src = TestPrograms.resource("gopl/types/testdata/" + name);
    CheckResult r = TestPrograms.check(name, src, 0);
    assertEquals(List.of(), r.diagnostics());
    Info info = r.main().info();
    SourceFile file = r.main().files().get(0);
    Set<Node> exempt = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Expr> exprs = new ArrayList<>();
    walk(file, exprs, exempt);
    List<String> missing = new ArrayList<>();
    for (Expr e : exprs) {
      if (exempt.contains(e)) continue;
      boolean ok = info.types.containsKey(e)
          || (e instanceof Expr.Ident id && (info.defs.containsKey(id) || info.uses.containsKey(id)));
      if (!ok) missing.add(e.pos() + " " + e.getClass().getSimpleName() + " " + ExprString.of(e));
    }
    assertEquals(List.of(), missing);
  }

  /** Collects every Expr under n; marks nodes that are not expressions in the Go sense. */
  private static void walk(Object n, List<Expr> out, Set<Node> exempt) throws Exception {
    if (n == null) return;
    if (n instanceof List<?> l) {
      for (Object o : l) walk(o, out, exempt);
      return;
    }
    if (!(n instanceof Node node) || !n.getClass().isRecord()) return;
    switch (node) {
      case SourceFile f -> exempt.add(f.packageName());
      case Spec.Import i -> {
        exempt.add(i.path());
        if (i.name() != null) exempt.add(i.name());
      }
      case Stmt.Labeled l -> exempt.add(l.label());
      case Stmt.Branch b -> {
        if (b.label() != null) exempt.add(b.label());
      }
      case Expr.KeyValue kv -> exempt.add(kv); // the key and value are checked
      case Expr.ArrayType at when at.len() instanceof Expr.Ellipsis el -> exempt.add(el); // [...]T
      case Expr.TypeAssert ta when ta.type() == null -> exempt.add(ta); // x.(type) of a type switch
      case gopl.frontend.ast.Field f -> {
        if (f.tag() != null) exempt.add(f.tag());
      }
      default -> {}
    }
    if (n instanceof Expr e) out.add(e);
    for (RecordComponent c : n.getClass().getRecordComponents()) {
      walk(c.getAccessor().invoke(n), out, exempt);
    }
  }
}
