package gopl.frontend;

import gopl.frontend.ast.SourceFile;
import gopl.frontend.ast.Spec;
import gopl.frontend.load.StdLibrary;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The parses of standard-library files for one load, each done once, by whichever thread asks
 * first: the loader's thread (in import order) or one helper thread that {@link #parseAhead}
 * starts, which walks the same std import graph from the other end (last import first, last file
 * first). Parsing the std packages is most of {@code gopl check}'s time (a program importing fmt
 * parses some 20 std files), and ANTLR parsers share their DFA cache safely, so on two or more
 * cores the two threads meet about half way.
 *
 * <p>Guarantees: {@link #file} returns the same result as parsing the resource on the calling
 * thread (null for a missing resource), waiting if the helper is parsing it; the helper is a daemon
 * thread, never reports anything itself, and stops at the first failure (the loader's own parse of
 * that file then reports it).
 */
final class StdParses {
  private final StdLibrary std;
  private final ConcurrentHashMap<String, FutureTask<ParseResult>> tasks = new ConcurrentHashMap<>();
  private boolean started;

  StdParses(StdLibrary std) {
    this.std = std;
  }

  /** The parse of std file {@code file} of package {@code path}, or null if its resource is missing. */
  ParseResult file(String path, String file) {
    FutureTask<ParseResult> t = task(path, file);
    t.run(); // parses here unless another thread has started (then waits below)
    try {
      return t.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return parse(path, file);
    } catch (ExecutionException e) {
      throw new IllegalStateException("parsing std " + path + "/" + file, e.getCause());
    }
  }

  private FutureTask<ParseResult> task(String path, String file) {
    return tasks.computeIfAbsent(path + "/" + file, k -> new FutureTask<>(() -> parse(path, file)));
  }

  private ParseResult parse(String path, String file) {
    String src = std.source(path, file);
    return src == null ? null : Parser.parse(StdLibrary.ROOT + path + "/" + file, src);
  }

  /** Starts the helper thread on the std packages {@code roots} import (once per load; one core: not at all). */
  void parseAhead(List<String> roots) {
    if (started || roots.isEmpty() || Runtime.getRuntime().availableProcessors() < 2) return;
    started = true;
    List<String> order = new ArrayList<>(roots);
    java.util.Collections.reverse(order);
    Thread t = new Thread(() -> walk(order, new HashSet<>()), "gopl-std-parse");
    t.setDaemon(true);
    t.start();
  }

  private void walk(List<String> paths, Set<String> seen) {
    for (String p : paths) {
      if (!seen.add(p) || !std.has(p)) continue;
      List<String> files = new ArrayList<>(std.files(p));
      java.util.Collections.reverse(files);
      List<String> imports = new ArrayList<>();
      for (String f : files) {
        FutureTask<ParseResult> t = task(p, f);
        t.run();
        ParseResult r;
        try {
          r = t.get();
        } catch (InterruptedException | ExecutionException e) {
          return;
        }
        if (r == null || r.file() == null) continue;
        for (Spec.Import imp : r.file().imports()) imports.add(Loader.unquote(imp.path().value()));
      }
      java.util.Collections.reverse(imports);
      walk(imports, seen);
    }
  }
}
