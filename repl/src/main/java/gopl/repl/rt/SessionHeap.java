package gopl.repl.rt;

import gopl.repl.HeapControl;
import gopl.runtime.persist.PRt;
import gopl.runtime.pmem.Heap;
import gopl.runtime.pmem.HeapOptions;
import gopl.runtime.pmem.Layout;
import gopl.runtime.pmem.RootTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The persistent heap of one REPL session, living in the session's runtime (this class is defined
 * by the session's {@code RuntimeLoader}, child-first, so {@link PRt} here is the session's).
 * The heap is handed to {@link PRt#use}, as a test harness does: compiled code allocates in it,
 * {@code pmem.Init} adopts it instead of opening a file, and {@code pmem.Close} leaves it open;
 * {@link #close} closes it when the session ends.
 */
public final class SessionHeap implements HeapControl {
  private Heap heap;
  private Path file;

  @Override
  public String open(String name) {
    Path p = Path.of(name);
    boolean fresh;
    try {
      fresh = !Files.exists(p) || Files.size(p) == 0;
      heap = fresh ? Heap.create(p, HeapOptions.defaults()) : Heap.open(p, HeapOptions.defaults());
    } catch (RuntimeException | IOException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    file = p;
    PRt.use(heap);
    int roots = heap.roots().list().size();
    return "persistent heap " + name + ": " + (fresh ? "created" : "opened") + ", " + roots + (roots == 1 ? " root" : " roots");
  }

  @Override
  public String info() {
    Heap h = heap;
    if (h == null) return "persistent heap: none";
    long[] free = h.freeSpace();
    long used = h.size() - free[0] * Layout.PAGE_SIZE - free[2];
    StringBuilder sb = new StringBuilder();
    sb.append("persistent heap: ").append(file).append('\n');
    sb.append("  domain: ").append(h.domain().name()).append('\n');
    sb.append("  size:   ").append(h.size()).append(" bytes (").append(h.arenaCount()).append(h.arenaCount() == 1 ? " arena)" : " arenas)").append('\n');
    sb.append("  used:   ").append(used).append(" bytes (metadata included)\n");
    sb.append("  types:  ").append(h.types().size()).append('\n');
    sb.append("  roots:  ").append(h.roots().list().size()).append('\n');
    for (RootTable.Root r : h.roots().list()) {
      String type = r.typeId() >= Layout.FIRST_USER_TYPE ? h.typeDesc(r.typeId()).name() : "system";
      sb.append("    ").append(r.name()).append(' ').append(r.count() == 1 ? "*" : "[" + r.count() + "]").append(type).append('\n');
    }
    return sb.toString();
  }

  @Override
  public void close() {
    Heap h = heap;
    heap = null;
    if (h == null) return;
    PRt.use(null);
    h.close();
  }
}
