package gopl.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the command scripts of {@code src/test/resources/scripts/*.txt} against redis-in-gopl and
 * against the reference redis-server: the same expectations must hold on both, so every expected
 * reply (errors included) is Redis 7's own.
 *
 * <p>Script format: {@code > CMD arg "quoted \x00 arg"} sends a command; the next non-comment line
 * is its expected reply in {@link Resp#render} form ({@code +OK}, {@code -ERR ...}, {@code :1},
 * {@code "bulk"}, {@code (nil)}, {@code [a, b]}), or {@code ~regex} (the rendering must match),
 * or {@code sorted [..]} (an array compared after sorting its elements). {@code !sleep MS}
 * pauses. Each script starts on an empty database.
 */
class ScriptTest {
  static Path scriptDir() {
    return ServerProcess.sourceDir().resolve("src/test/resources/scripts");
  }

  @TestFactory
  Stream<DynamicTest> scripts() throws IOException, InterruptedException {
    List<DynamicTest> tests = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> s = Files.list(scriptDir())) {
      files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
    }
    for (ServerProcess server : Servers.all()) {
      for (Path f : files) {
        tests.add(DynamicTest.dynamicTest(server.kind + ": " + f.getFileName(), f.toUri(), () -> run(server, f)));
      }
    }
    return tests.stream();
  }

  static void run(ServerProcess server, Path script) throws Exception {
    List<String> lines = Files.readAllLines(script, StandardCharsets.UTF_8);
    try (Resp r = new Resp(server.port)) {
      assertEquals("+OK", Resp.render(r.call("FLUSHALL")));
      String[] pending = null;
      int pendingLine = 0;
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i).stripLeading();
        if (line.isBlank()) continue;
        if (line.isEmpty() || line.startsWith("#")) continue;
        String where = script.getFileName() + ":" + (i + 1);
        if (line.startsWith("> ")) {
          if (pending != null) fail(script.getFileName() + ":" + pendingLine + ": command without an expected reply");
          pending = tokenize(line.substring(2).strip());
          pendingLine = i + 1;
        } else if (line.startsWith("!sleep ")) {
          Thread.sleep(Long.parseLong(line.substring(7).strip()));
        } else if (line.startsWith("sorted ") || line.startsWith("~")) {
          if (pending == null) fail(where + ": expected reply without a command");
          check(where + " (" + String.join(" ", pending) + ") on " + server.kind, line.strip(), Resp.render(r.call(pending)));
          pending = null;
        } else {
          if (pending == null) fail(where + ": expected reply without a command");
          String got = Resp.render(r.call(pending));
          check(where + " (" + String.join(" ", pending) + ") on " + server.kind, line, got);
          pending = null;
        }
      }
      if (pending != null) fail(script.getFileName() + ":" + pendingLine + ": command without an expected reply");
    }
  }

  static void check(String where, String expected, String got) {
    if (expected.startsWith("~")) {
      assertTrue(got.matches(expected.substring(1)), where + ": " + got + " does not match " + expected);
    } else if (expected.startsWith("sorted ")) {
      assertEquals(sortArray(expected.substring(7)), sortArray(got), where);
    } else {
      assertEquals(expected, got, where);
    }
  }

  /** Sorts the elements of a rendered flat array "[a, b]". */
  static String sortArray(String rendered) {
    if (!rendered.startsWith("[") || rendered.length() < 2) return rendered;
    String inner = rendered.substring(1, rendered.length() - 1);
    if (inner.isEmpty()) return "[]";
    List<String> parts = new ArrayList<>(List.of(inner.split(", ")));
    parts.sort(null);
    return "[" + String.join(", ", parts) + "]";
  }

  /** Splits a command line: spaces separate, "double quotes" group with \" \\ \r \n \t \xHH. */
  static String[] tokenize(String s) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      while (i < s.length() && s.charAt(i) == ' ') i++;
      if (i >= s.length()) break;
      StringBuilder b = new StringBuilder();
      if (s.charAt(i) == '"') {
        i++;
        while (s.charAt(i) != '"') {
          char c = s.charAt(i);
          if (c == '\\') {
            char n = s.charAt(++i);
            switch (n) {
              case 'r' -> b.append('\r');
              case 'n' -> b.append('\n');
              case 't' -> b.append('\t');
              case 'x' -> {
                b.append((char) Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
              }
              default -> b.append(n);
            }
          } else {
            b.append(c);
          }
          i++;
        }
        i++;
      } else {
        while (i < s.length() && s.charAt(i) != ' ') b.append(s.charAt(i++));
      }
      out.add(b.toString());
    }
    return out.toArray(new String[0]);
  }
}
