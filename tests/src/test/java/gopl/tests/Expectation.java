package gopl.tests;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a conformance program expects, read from the comment trailer at the end of its file (Go's
 * example convention; tests/check-against-go.sh reads the same trailer):
 *
 * <pre>
 * // Exit: 3          optional: the exit status (0 when absent)
 * // Stderr:          optional: the first lines of stderr (Go's "panic: ..." line)
 * // panic: ...
 * // Output:          the rest of the file: expected stdout, one "// " line per line ("//" = empty)
 * </pre>
 *
 * or {@code // Error:} followed by one {@code name.gop:LINE:COL: message} line per expected
 * compile error (path relative to the program's directory; only a diagnostic's first line).
 * Output is compared after {@link #normalize}: trailing spaces of each line and leading/trailing
 * empty lines are ignored. A line {@code //gopl:serial} anywhere makes the program run alone
 * (for programs that touch shared files).
 *
 * @param output expected stdout lines, or null when the program must not compile
 * @param errors expected diagnostics, or null when the program must compile
 * @param stderrStart the lines stderr must start with (empty: not checked)
 */
public record Expectation(List<String> output, int exitCode, List<String> errors, List<String> stderrStart, boolean serial) {
  private static final Pattern MARKER = Pattern.compile("// (Exit: (-?\\d+)|Output:|Error:|Stderr:)\\s*");

  /** Parses the trailer of {@code source}; throws IllegalArgumentException if there is none. */
  public static Expectation parse(String source) {
    List<String> lines = List.of(source.split("\r?\n", -1));
    int end = lines.size();
    while (end > 0 && lines.get(end - 1).isBlank()) end--;
    int start = end;
    for (int i = end - 1; i >= 0 && lines.get(i).startsWith("//"); i--) {
      if (MARKER.matcher(lines.get(i)).matches()) start = i;
    }
    int exit = 0;
    List<String> output = null;
    List<String> errors = null;
    List<String> stderr = List.of();
    for (int i = start; i < end; ) {
      Matcher m = MARKER.matcher(lines.get(i));
      if (!m.matches()) throw new IllegalArgumentException("unexpected trailer line: " + lines.get(i));
      i++;
      if (m.group(2) != null) {
        exit = Integer.parseInt(m.group(2));
        continue;
      }
      List<String> block = new ArrayList<>();
      for (; i < end && !MARKER.matcher(lines.get(i)).matches(); i++) block.add(uncomment(lines.get(i)));
      switch (m.group(1)) {
        case "Output:" -> output = block;
        case "Error:" -> errors = block;
        default -> stderr = List.copyOf(block);
      }
    }
    if (output == null && errors == null) {
      throw new IllegalArgumentException("no // Output: or // Error: block at the end of the file");
    }
    boolean serial = lines.stream().anyMatch(l -> l.strip().equals("//gopl:serial"));
    return new Expectation(output, exit, errors, stderr, serial);
  }

  public boolean mustFailToCompile() {
    return errors != null;
  }

  /** The expected stdout, normalized. */
  public String expectedOutput() {
    return normalize(String.join("\n", output));
  }

  /** Whether {@code stderr} starts with the expected lines (trailing spaces ignored). */
  public boolean stderrMatches(String stderr) {
    List<String> got = normalize(stderr).lines().toList();
    if (got.size() < stderrStart.size()) return false;
    for (int i = 0; i < stderrStart.size(); i++) {
      if (!got.get(i).equals(stderrStart.get(i).stripTrailing())) return false;
    }
    return true;
  }

  /** Ignores trailing spaces of each line and leading/trailing empty lines. */
  public static String normalize(String text) {
    List<String> lines = new ArrayList<>();
    for (String l : text.split("\n", -1)) lines.add(l.stripTrailing());
    int s = 0;
    int e = lines.size();
    while (s < e && lines.get(s).isEmpty()) s++;
    while (e > s && lines.get(e - 1).isEmpty()) e--;
    return String.join("\n", lines.subList(s, e));
  }

  private static String uncomment(String line) {
    if (line.startsWith("// ")) return line.substring(3);
    if (line.startsWith("//")) return line.substring(2);
    throw new IllegalArgumentException("expected a // line in the trailer: " + line);
  }
}
