package gopl.types;

import gopl.frontend.Pos;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Package variable initialisation order (spec "Package initialization"; types2 initorder.go):
 * builds the dependency graph of package-level constants, variables and functions, removes the
 * functions (their callers inherit their dependencies), then repeatedly emits the variable with
 * the fewest outstanding dependencies that is earliest in declaration order. A variable still
 * depending on something when emitted is part of a cycle, reported as gc does.
 */
final class InitOrder {
  private InitOrder() {}

  private static final class Node {
    final Obj obj;
    final int order;
    final Set<Node> pred = new LinkedHashSet<>();
    final Set<Node> succ = new LinkedHashSet<>();
    int ndeps;

    Node(Obj obj, int order) {
      this.obj = obj;
      this.order = order;
    }
  }

  static List<Initializer> compute(Map<Obj, DeclInfo> objMap, BiConsumer<Pos, String> err) {
    Map<Obj, Node> M = new IdentityHashMap<>();
    int order = 0;
    List<Node> all = new ArrayList<>();
    for (Obj o : objMap.keySet()) {
      if (o instanceof Const || o instanceof Var || o instanceof Func) {
        Node n = new Node(o, order);
        M.put(o, n);
        all.add(n);
      }
      order++;
    }
    for (Node n : all) {
      for (Obj d : objMap.get(n.obj).deps) {
        Node dn = M.get(d);
        if (dn != null) {
          n.succ.add(dn);
          dn.pred.add(n);
        }
      }
    }
    List<Node> G = new ArrayList<>(), funcG = new ArrayList<>();
    for (Node n : all) (n.obj instanceof Func ? funcG : G).add(n);
    funcG.sort((a, b) -> Integer.compare(a.pred.size() * a.succ.size(), b.pred.size() * b.succ.size()));
    for (Node n : funcG) {
      for (Node p : new ArrayList<>(n.pred)) {
        if (p != n) {
          for (Node s : n.succ) {
            if (s != n) {
              p.succ.add(s);
              s.pred.add(p);
            }
          }
          p.succ.remove(n);
        }
      }
      for (Node s : n.succ) s.pred.remove(n);
    }
    for (Node n : G) n.ndeps = n.succ.size();

    List<Initializer> out = new ArrayList<>();
    Set<DeclInfo> emitted = new HashSet<>();
    List<Node> pq = new ArrayList<>(G);
    while (!pq.isEmpty()) {
      Node n = pq.get(0);
      for (Node m : pq) {
        if (m.ndeps < n.ndeps || (m.ndeps == n.ndeps && m.order < n.order)) n = m;
      }
      pq.remove(n);
      if (n.ndeps > 0) {
        List<Obj> cycle = findPath(objMap, n.obj, n.obj, new HashSet<>());
        if (cycle != null) reportCycle(cycle, err);
      }
      for (Node p : n.pred) p.ndeps--;
      if (!(n.obj instanceof Var v)) continue;
      DeclInfo info = objMap.get(v);
      if (info.init == null || !emitted.add(info)) continue;
      out.add(new Initializer(info.lhs != null ? info.lhs : List.of(v), info.init));
    }
    return out;
  }

  private static List<Obj> findPath(Map<Obj, DeclInfo> objMap, Obj from, Obj to, Set<Obj> seen) {
    if (!seen.add(from)) return null;
    DeclInfo d = objMap.get(from);
    if (d == null) return null;
    for (Obj dep : d.deps) {
      if (dep == to) return new ArrayList<>(List.of(dep));
      List<Obj> p = findPath(objMap, dep, to, seen);
      if (p != null) {
        p.add(dep);
        return p;
      }
    }
    return null;
  }

  private static void reportCycle(List<Obj> cycle, BiConsumer<Pos, String> err) {
    Obj obj = cycle.get(0);
    Pos pos = obj.pos();
    StringBuilder sb = new StringBuilder("initialization loop for " + obj.name());
    for (int i = cycle.size() - 1; i >= 0; i--) {
      sb.append("\n\t").append(obj.pos()).append(": ").append(obj.name()).append(" refers to");
      obj = cycle.get(i);
    }
    sb.append("\n\t").append(obj.pos()).append(": ").append(obj.name());
    err.accept(pos, sb.toString());
  }
}
