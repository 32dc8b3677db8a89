package gopl.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gopl.frontend.Parser;
import gopl.frontend.ast.Decl;
import gopl.frontend.ast.Expr;
import gopl.frontend.ast.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every Java intrinsic of the shipped std library that takes a byte slice is classified as a
 * writer or a reader of it (PersistNatives), so codegen syncs persistent {@code []byte} arguments
 * exactly after the natives that write them.
 */
class PersistNativesTest {
  private static final Path STD = Path.of("../stdlib/src/main/resources/gopl/std");

  @Test
  void everyIntrinsicWithAByteSliceParameterIsClassified() throws Exception {
    TreeSet<String> found = new TreeSet<>();
    List<Path> files;
    try (Stream<Path> s = Files.walk(STD)) {
      files = s.filter(p -> p.toString().endsWith(".gop")).toList();
    }
    for (Path f : files) {
      var r = Parser.parse(f.toString(), Files.readString(f));
      String pkg = STD.relativize(f.getParent()).toString().replace('\\', '/');
      for (Decl d : r.file().decls()) {
        if (!(d instanceof Decl.Func fn) || fn.body() != null || fn.recv() != null) continue;
        List<Expr> params = new ArrayList<>();
        for (Field p : fn.type().params()) for (int i = 0; i < Math.max(1, p.names().size()); i++) params.add(p.type());
        for (int i = 0; i < params.size(); i++) {
          if (params.get(i) instanceof Expr.ArrayType a && a.len() == null && a.elem() instanceof Expr.Ident id
              && (id.name().equals("byte") || id.name().equals("uint8"))) {
            String key = pkg + "." + fn.name().name();
            found.add(key);
            assertTrue(PersistNatives.WRITES.containsKey(key) != PersistNatives.READS.contains(key),
                key + " takes a []byte (parameter " + i + "): classify it in PersistNatives.WRITES or READS");
          }
        }
      }
    }
    assertTrue(found.containsAll(PersistNatives.WRITES.keySet()), "stale WRITES entries: " + PersistNatives.WRITES.keySet());
    assertTrue(found.containsAll(PersistNatives.READS), "stale READS entries: " + PersistNatives.READS + " vs " + found);
    assertEquals(PersistNatives.WRITES.size() + PersistNatives.READS.size(), found.size(), found.toString());
  }

  @Test
  void onlyWritersAreSynced() {
    assertTrue(PersistNatives.writes("internal/osfile", "Read", 1));
    assertFalse(PersistNatives.writes("internal/osfile", "Write", 1));
    assertFalse(PersistNatives.writes("net", "writeTCP", 1));
    assertTrue(PersistNatives.writes("example/unknown", "Fill", 0)); // unclassified: synced, never loses a write
  }
}
