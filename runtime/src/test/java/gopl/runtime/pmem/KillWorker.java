package gopl.runtime.pmem;

import java.nio.file.Path;
import java.util.List;

/**
 * The child JVM of {@link KillTest}: opens (and so recovers) the heap, then commits transactions
 * forever, printing {@code C <count>} after each commit, until it is killed with SIGKILL.
 */
public final class KillWorker {
  static final TypeDesc STATE = new TypeDesc("main.State", 24 + 8 * 64, 8, fields());
  static final TypeDesc NODE = TestHeaps.NODE;

  private static List<TypeDesc.Field> fields() {
    List<TypeDesc.Field> f = new java.util.ArrayList<>(List.of(
        new TypeDesc.Field("head", "*main.Node", 0, 8, TypeDesc.Kind.POINTER),
        new TypeDesc.Field("count", "int", 8, 8, TypeDesc.Kind.SCALAR),
        new TypeDesc.Field("sum", "int", 16, 8, TypeDesc.Kind.SCALAR)));
    for (int i = 0; i < 64; i++) f.add(new TypeDesc.Field("slots[" + i + "]", "int", 24 + 8 * i, 8, TypeDesc.Kind.SCALAR));
    return f;
  }

  public static void main(String[] args) {
    Path file = Path.of(args[0]);
    try (Heap h = Heap.open(file, HeapOptions.defaults().withDomain(args[1]))) {
      long st = h.roots().make("state", STATE);
      int node = h.registerType(NODE);
      System.out.println("C " + h.getLong(st + 8));
      System.out.flush();
      for (;;) {
        long c = h.getLong(st + 8);
        Txn.Mode mode = c % 3 == 2 ? Txn.Mode.REDO : Txn.Mode.UNDO;
        h.txn(mode, () -> {
          Txn tx = h.current();
          long n = h.alloc(node, 1);
          tx.putLong(n + 16, c);
          tx.putLong(n, tx.getLong(st));
          tx.putLong(st, n);
          for (int i = 0; i < 64; i++) tx.putLong(st + 24 + 8L * i, c); // every slot names the count
          tx.putLong(st + 16, tx.getLong(st + 16) + c);
          tx.putLong(st + 8, c + 1);
        });
        System.out.println("C " + (c + 1));
        System.out.flush();
      }
    }
  }
}
