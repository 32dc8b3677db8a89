import gopl.runtime.pmem.Heap;
import gopl.runtime.pmem.HeapOptions;
import gopl.runtime.pmem.Txn;
import gopl.runtime.pmem.TypeDesc;
import gopl.runtime.pmem.TypeDesc.Field;
import gopl.runtime.pmem.TypeDesc.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hand-written Java peer of ds.gop (bench/persist/persist-bench.sh, issue 7): the same
 * linked-list insert, hash-map insert/lookup, skiplist insert and B-tree insert, one undo transaction per
 * operation, written directly against the persistent heap's API (raw offsets, Txn stores).
 * Usage: JavaDs HEAP N ROUNDS. Prints "name wall_ns_per_op cpu_ns_per_op": the best round's wall time
 * and the mean CPU time (/proc/self/stat, as ds.gop measures it), the first round excluded.
 */
public final class JavaDs {
  static final int MAX_LEVEL = 16;
  static long seed = 88172645463325252L;
  static final Map<String, long[]> best = new LinkedHashMap<>();

  public static void main(String[] args) throws Exception {
    Path p = Path.of(args[0]);
    int n = Integer.parseInt(args[1]);
    int rounds = Integer.parseInt(args[2]);
    Files.deleteIfExists(p);
    try (Heap h = Heap.create(p, HeapOptions.defaults())) {
      int node = h.registerType(new TypeDesc("jnode", 16, 8, List.of(new Field("val", "int", 0, 8, Kind.SCALAR), new Field("next", "*jnode", 8, 8, Kind.POINTER))));
      int entry = h.registerType(new TypeDesc("jentry", 24, 8, List.of(new Field("key", "int", 0, 8, Kind.SCALAR), new Field("val", "int", 8, 8, Kind.SCALAR),
          new Field("next", "*jentry", 16, 8, Kind.POINTER))));
      int word = h.registerType(new TypeDesc("jword", 8, 8, List.of(new Field("", "*jentry", 0, 8, Kind.POINTER))));
      int snode = h.registerType(new TypeDesc("jsnode", 32, 8, List.of(new Field("key", "int", 0, 8, Kind.SCALAR), new Field("next", "[]*jsnode", 8, 24, Kind.SLICE))));
      int sword = h.registerType(new TypeDesc("jsword", 8, 8, List.of(new Field("", "*jsnode", 0, 8, Kind.POINTER))));
      // the skiplist object: head pointer, then the level (a scalar: the collector must not trace it)
      int slist = h.registerType(new TypeDesc("jskiplist", 16, 8, List.of(new Field("head", "*jsnode", 0, 8, Kind.POINTER),
          new Field("level", "int", 8, 8, Kind.SCALAR))));
      List<Field> bf = new java.util.ArrayList<>(List.of(new Field("n", "int", 0, 8, Kind.SCALAR), new Field("leaf", "bool", 8, 1, Kind.SCALAR),
          new Field("keys", "[15]int", B_KEYS, 8 * (2 * BT - 1), Kind.SCALAR)));
      for (int i = 0; i < 2 * BT; i++) bf.add(new Field("kids[" + i + "]", "*jbnode", B_KIDS + 8L * i, 8, Kind.POINTER));
      int bnode = h.registerType(new TypeDesc("jbnode", B_SIZE, 8, bf));
      TypeDesc rootT = new TypeDesc("jroot", 32, 8, List.of(new Field("head", "*jnode", 0, 8, Kind.POINTER), new Field("tab", "*jword", 8, 8, Kind.POINTER),
          new Field("sl", "*jsnode", 16, 8, Kind.POINTER), new Field("bt", "*jsword", 24, 8, Kind.POINTER)));
      long root = h.roots().make("root", rootT);
      int size = 1 << 16;
      for (int round = 0; round < rounds; round++) {
        long[] t0 = now();
        listInsert(h, root, node, n);
        long[] t1 = now();
        long tab = mapInsert(h, root, entry, word, size, n);
        long[] t2 = now();
        long s = mapLookup(h, tab, size, n);
        long[] t3 = now();
        skiplistInsert(h, root, snode, sword, slist, n);
        long[] t4 = now();
        btreeInsert(h, root, bnode, sword, n);
        long[] t5 = now();
        long[] lo = {-1};
        if (btCheck(h, h.getLong(h.getLong(root + 24)), lo) != n) System.out.println("bad btree");
        record(round, "list_insert", t0, t1, n);
        record(round, "map_insert", t1, t2, n);
        record(round, "map_lookup", t2, t3, n);
        record(round, "skiplist_insert", t3, t4, n);
        record(round, "btree_insert", t4, t5, n);
        if (s != (long) n * (n - 1) / 2) System.out.println("bad sum " + s);
      }
      for (var e : best.entrySet()) System.out.println(e.getKey() + " " + e.getValue()[0] + " " + e.getValue()[1] / ((long) n * (rounds - 1)));
    }
    Files.deleteIfExists(p);
  }

  static void listInsert(Heap h, long root, int node, int n) {
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
  }

  static long mapInsert(Heap h, long root, int entry, int word, int size, int n) {
    Txn tx = h.begin(Txn.Mode.UNDO);
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
    return tab;
  }

  static long mapLookup(Heap h, long tab, int size, int n) {
    long s = 0;
    for (int i = 0; i < n; i++) {
      long k = i * 7919L;
      long e = h.getLong(tab + (k & (size - 1)) * 8);
      while (e != 0 && h.getLong(e) != k) e = h.getLong(e + 16);
      s += e == 0 ? -1 : h.getLong(e + 8);
    }
    return s;
  }

  /** A node is (key, next slice header); the list object is two words (head, level). */
  static void skiplistInsert(Heap h, long root, int snode, int sword, int slist, int n) {
    Txn tx = h.begin(Txn.Mode.UNDO);
    long head = newSnode(h, tx, snode, sword, -1, MAX_LEVEL);
    long sl = h.alloc(slist, 1);
    tx.putLong(sl, head);
    tx.putLong(sl + 8, 1);
    tx.putLong(root + 16, sl);
    tx.commit();
    long[] update = new long[MAX_LEVEL];
    for (int i = 0; i < n; i++) {
      long k = (i * 7919L) % 1000003;
      tx = h.begin(Txn.Mode.UNDO);
      long x = h.getLong(sl);
      int level = (int) h.getLong(sl + 8);
      for (int l = level - 1; l >= 0; l--) {
        for (long y; (y = h.getLong(h.getLong(x + 8) + l * 8L)) != 0 && h.getLong(y) < k; ) x = y;
        update[l] = x;
      }
      int lvl = randomLevel();
      if (lvl > level) {
        for (int l = level; l < lvl; l++) update[l] = head;
        tx.putLong(sl + 8, lvl);
      }
      long nn = newSnode(h, tx, snode, sword, k, lvl);
      long nnext = h.getLong(nn + 8);
      for (int l = 0; l < lvl; l++) {
        long at = h.getLong(update[l] + 8) + l * 8L;
        tx.putLong(nnext + l * 8L, h.getLong(at));
        tx.putLong(at, nn);
      }
      tx.commit();
    }
  }

  static long newSnode(Heap h, Txn tx, int snode, int sword, long k, int lvl) {
    long x = h.alloc(snode, 1);
    long next = h.alloc(sword, lvl);
    tx.putLong(x, k);
    tx.putLong(x + 8, next);
    tx.putLong(x + 16, lvl);
    tx.putLong(x + 24, lvl);
    return x;
  }

  // B-tree node: n at 0, leaf at 8, keys [2*BT-1]int at 16, kids [2*BT]*node after (Go's layout of ds.gop's bnode)
  static final int BT = 8;
  static final long B_KEYS = 16, B_KIDS = B_KEYS + 8 * (2 * BT - 1), B_SIZE = B_KIDS + 8 * 2 * BT;

  static long newBnode(Heap h, Txn tx, int bnode, boolean leaf) {
    long x = h.alloc(bnode, 1);
    if (leaf) tx.putByte(x + 8, (byte) 1);
    return x;
  }

  /** The B-tree object is one word (root); splits on the way down, as ds.gop's btInsert. */
  static void btreeInsert(Heap h, long root, int bnode, int sword, int n) {
    Txn tx = h.begin(Txn.Mode.UNDO);
    long t = h.alloc(sword, 1);
    tx.putLong(t, newBnode(h, tx, bnode, true));
    tx.putLong(root + 24, t);
    tx.commit();
    for (int i = 0; i < n; i++) {
      long k = (i * 7919L) % 1000003;
      tx = h.begin(Txn.Mode.UNDO);
      long r = h.getLong(t);
      if (h.getLong(r) == 2 * BT - 1) {
        long s = newBnode(h, tx, bnode, false);
        tx.putLong(s + B_KIDS, r);
        tx.putLong(t, s);
        splitChild(h, tx, bnode, s, 0);
        r = s;
      }
      long x = r;
      while (h.getByte(x + 8) == 0) {
        int j = (int) h.getLong(x) - 1;
        while (j >= 0 && k < h.getLong(x + B_KEYS + 8L * j)) j--;
        j++;
        if (h.getLong(h.getLong(x + B_KIDS + 8L * j)) == 2 * BT - 1) {
          splitChild(h, tx, bnode, x, j);
          if (k > h.getLong(x + B_KEYS + 8L * j)) j++;
        }
        x = h.getLong(x + B_KIDS + 8L * j);
      }
      int j = (int) h.getLong(x) - 1;
      while (j >= 0 && k < h.getLong(x + B_KEYS + 8L * j)) {
        tx.putLong(x + B_KEYS + 8L * (j + 1), h.getLong(x + B_KEYS + 8L * j));
        j--;
      }
      tx.putLong(x + B_KEYS + 8L * (j + 1), k);
      tx.putLong(x, h.getLong(x) + 1);
      tx.commit();
    }
  }

  /** The number of keys under x, or -1 if they are not in order above lo[0]. */
  static long btCheck(Heap h, long x, long[] lo) {
    long c = 0;
    int n = (int) h.getLong(x);
    boolean leaf = h.getByte(x + 8) != 0;
    for (int i = 0; i <= n; i++) {
      if (!leaf) {
        long d = btCheck(h, h.getLong(x + B_KIDS + 8L * i), lo);
        if (d < 0) return -1;
        c += d;
      }
      if (i < n) {
        long k = h.getLong(x + B_KEYS + 8L * i);
        if (k <= lo[0]) return -1;
        lo[0] = k;
        c++;
      }
    }
    return c;
  }

  static void splitChild(Heap h, Txn tx, int bnode, long x, int i) {
    long y = h.getLong(x + B_KIDS + 8L * i);
    boolean leaf = h.getByte(y + 8) != 0;
    long z = newBnode(h, tx, bnode, leaf);
    tx.putLong(z, BT - 1);
    for (int j = 0; j < BT - 1; j++) tx.putLong(z + B_KEYS + 8L * j, h.getLong(y + B_KEYS + 8L * (j + BT)));
    if (!leaf) for (int j = 0; j < BT; j++) tx.putLong(z + B_KIDS + 8L * j, h.getLong(y + B_KIDS + 8L * (j + BT)));
    tx.putLong(y, BT - 1);
    int xn = (int) h.getLong(x);
    for (int j = xn; j > i; j--) tx.putLong(x + B_KIDS + 8L * (j + 1), h.getLong(x + B_KIDS + 8L * j));
    tx.putLong(x + B_KIDS + 8L * (i + 1), z);
    for (int j = xn - 1; j >= i; j--) tx.putLong(x + B_KEYS + 8L * (j + 1), h.getLong(x + B_KEYS + 8L * j));
    tx.putLong(x + B_KEYS + 8L * i, h.getLong(y + B_KEYS + 8L * (BT - 1)));
    tx.putLong(x, xn + 1);
  }

  static int randomLevel() {
    seed ^= seed << 13;
    seed ^= seed >>> 7;
    seed ^= seed << 17;
    int lvl = 1;
    for (long x = seed; lvl < MAX_LEVEL && (x & 3) == 0; x >>>= 2) lvl++;
    return lvl;
  }

  static long[] now() {
    long cpu = 0;
    try {
      String s = Files.readString(Path.of("/proc/self/stat"));
      String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
      cpu = (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L;
    } catch (Exception e) {
      // no /proc: CPU time reads 0
    }
    return new long[] {System.nanoTime(), cpu};
  }

  static void record(int round, String name, long[] a, long[] b, int n) {
    long w = (b[0] - a[0]) / n;
    if (round == 0) {
      best.put(name, new long[] {Long.MAX_VALUE, 0});
      return;
    }
    long[] o = best.get(name);
    o[0] = Math.min(o[0], w);
    o[1] += b[1] - a[1];
  }
}
