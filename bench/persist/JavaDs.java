import gopl.runtime.pmem.Heap;
import gopl.runtime.pmem.HeapOptions;
import gopl.runtime.pmem.Txn;
import gopl.runtime.pmem.TypeDesc;
import gopl.runtime.pmem.TypeDesc.Field;
import gopl.runtime.pmem.TypeDesc.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The hand-written Java peer of ds.gop (bench/persist/persist-bench.sh, issue 7): the same
 * linked-list insert and hash-map insert/lookup, one undo transaction per operation, written
 * directly against the persistent heap's API (raw offsets, Txn stores). Usage: JavaDs HEAP N.
 * Prints "name ns_per_op"; each workload runs twice and the second (warm) run is reported.
 */
public final class JavaDs {
  public static void main(String[] args) throws Exception {
    Path p = Path.of(args[0]);
    int n = Integer.parseInt(args[1]);
    Files.deleteIfExists(p);
    try (Heap h = Heap.create(p, HeapOptions.defaults())) {
      int node = h.registerType(new TypeDesc("jnode", 16, 8, List.of(new Field("val", "int", 0, 8, Kind.SCALAR), new Field("next", "*jnode", 8, 8, Kind.POINTER))));
      int entry = h.registerType(new TypeDesc("jentry", 24, 8, List.of(new Field("key", "int", 0, 8, Kind.SCALAR), new Field("val", "int", 8, 8, Kind.SCALAR),
          new Field("next", "*jentry", 16, 8, Kind.POINTER))));
      int word = h.registerType(new TypeDesc("jword", 8, 8, List.of(new Field("", "*jentry", 0, 8, Kind.POINTER))));
      TypeDesc rootT = new TypeDesc("jroot", 16, 8, List.of(new Field("head", "*jnode", 0, 8, Kind.POINTER), new Field("tab", "*jword", 8, 8, Kind.POINTER)));
      long root = h.roots().make("root", rootT);
      int size = 1 << 16;
      for (int round = 0; round < 2; round++) {
        long t0 = System.nanoTime();
        Txn tx = h.begin(Txn.Mode.UNDO);
        tx.putLong(root, 0);
        tx.commit();
        for (int i = 0; i < n; i++) {
          tx = h.begin(Txn.Mode.UNDO);
          long x = h.alloc(node, 1);
          tx.putLong(x, i);
          tx.putLong(x + 8, h.getLong(root));
          tx.putLong(root, x);
          tx.commit();
        }
        long t1 = System.nanoTime();
        tx = h.begin(Txn.Mode.UNDO);
        long tab = h.alloc(word, size);
        tx.putLong(root + 8, tab);
        tx.commit();
        for (int i = 0; i < n; i++) {
          long k = i * 7919L;
          tx = h.begin(Txn.Mode.UNDO);
          long b = tab + (k & (size - 1)) * 8;
          long e = h.getLong(b);
          while (e != 0 && h.getLong(e) != k) e = h.getLong(e + 16);
          if (e != 0) {
            tx.putLong(e + 8, i);
          } else {
            e = h.alloc(entry, 1);
            tx.putLong(e, k);
            tx.putLong(e + 8, i);
            tx.putLong(e + 16, h.getLong(b));
            tx.putLong(b, e);
          }
          tx.commit();
        }
        long t2 = System.nanoTime();
        long s = 0;
        for (int i = 0; i < n; i++) {
          long k = i * 7919L;
          long e = h.getLong(tab + (k & (size - 1)) * 8);
          while (e != 0 && h.getLong(e) != k) e = h.getLong(e + 16);
          s += e == 0 ? -1 : h.getLong(e + 8);
        }
        long t3 = System.nanoTime();
        if (round == 1) {
          System.out.println("list_insert " + (t1 - t0) / n);
          System.out.println("map_insert " + (t2 - t1) / n);
          System.out.println("map_lookup " + (t3 - t2) / n);
          if (s != (long) n * (n - 1) / 2) System.out.println("bad sum " + s);
        }
      }
    }
    Files.deleteIfExists(p);
  }
}
