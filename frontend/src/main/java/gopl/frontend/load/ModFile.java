package gopl.frontend.load;

import gopl.frontend.Diagnostic;
import gopl.frontend.Pos;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A parsed {@code gop.mod} file (go.mod syntax): the module path and the {@code go} version.
 * Directives of go.mod that a GoPL module does not need ({@code require}, {@code replace},
 * {@code exclude}, {@code retract}, single or in parenthesized blocks) are accepted and ignored;
 * anything else is reported with the go command's wording, e.g.
 * {@code gop.mod:4:1: unknown directive: foo}.
 */
public record ModFile(String modulePath, String goVersion, List<Diagnostic> diagnostics) {
  private static final Pattern GO_VERSION = Pattern.compile("1(\\.(0|[1-9][0-9]*)){1,2}");

  public static ModFile parse(String path, String text) {
    List<Diagnostic> diags = new ArrayList<>();
    String module = null;
    String go = null;
    String block = null;
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = stripComment(lines[i]).trim();
      if (line.isEmpty()) continue;
      Pos pos = new Pos(path, i + 1, 1);
      if (block != null) {
        if (line.equals(")")) block = null;
        continue;
      }
      String[] f = line.split("\\s+");
      switch (f[0]) {
        case "module" -> {
          if (f.length != 2 || unquote(f[1]).isEmpty()) diags.add(Diagnostic.error(pos, "usage: module module/path"));
          else if (module != null) diags.add(Diagnostic.error(pos, "repeated module statement"));
          else module = unquote(f[1]);
        }
        case "go" -> {
          if (f.length != 2) diags.add(Diagnostic.error(pos, "usage: go 1.23"));
          else if (!GO_VERSION.matcher(f[1]).matches()) diags.add(Diagnostic.error(pos, "invalid go version '" + f[1] + "': must match format 1.23"));
          else if (go != null) diags.add(Diagnostic.error(pos, "repeated go statement"));
          else go = f[1];
        }
        case "require", "replace", "exclude", "retract" -> {
          if (f.length == 2 && f[1].equals("(")) block = f[0];
        }
        default -> diags.add(Diagnostic.error(pos, "unknown directive: " + f[0]));
      }
    }
    if (module == null && diags.isEmpty()) {
      diags.add(Diagnostic.error(new Pos(path, 1, 1), "no module declaration in gop.mod"));
    }
    return new ModFile(module, go, List.copyOf(diags));
  }

  private static String stripComment(String line) {
    int i = line.indexOf("//");
    return i < 0 ? line : line.substring(0, i);
  }

  private static String unquote(String s) {
    if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("`") && s.endsWith("`"))) {
      return s.substring(1, s.length() - 1);
    }
    return s;
  }
}
