package gopl.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses a subcommand's flags the way Go's flag package does: flags come before the first
 * non-flag argument; {@code -name} and {@code --name} are the same; a value flag takes
 * {@code -o value} or {@code -o=value}; {@code --} ends the flags. {@code -h}, {@code -help} and
 * {@code --help} ask for help. Anything else that starts with {@code -} is an unknown flag.
 */
final class Flags {
  final Set<String> booleans;
  final Set<String> valued;
  final Map<String, String> values = new HashMap<>();
  final List<String> rest = new ArrayList<>();
  boolean help;

  Flags(Set<String> booleans, Set<String> valued) {
    this.booleans = booleans;
    this.valued = valued;
  }

  /** Parses {@code args}; {@link #rest} gets the arguments after the flags. */
  Flags parse(List<String> args) throws UsageError {
    int i = 0;
    for (; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("--")) {
        i++;
        break;
      }
      if (!a.startsWith("-") || a.equals("-")) break;
      String name = a.substring(a.startsWith("--") ? 2 : 1);
      String value = null;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      }
      if (name.equals("h") || name.equals("help")) {
        help = true;
      } else if (booleans.contains(name) && value == null) {
        values.put(name, "true");
      } else if (valued.contains(name)) {
        if (value == null) {
          if (i + 1 >= args.size()) throw new UsageError("flag needs an argument: -" + name);
          value = args.get(++i);
        }
        values.put(name, value);
      } else {
        throw new UsageError("unknown flag " + a);
      }
    }
    rest.addAll(args.subList(i, args.size()));
    return this;
  }

  boolean bool(String name) {
    return values.containsKey(name);
  }

  String value(String name) {
    return values.get(name);
  }
}
