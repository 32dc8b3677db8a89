package gopl.types;

import gopl.frontend.Diagnostic;
import gopl.frontend.Pos;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects a package's diagnostics as gc does (cmd/compile/internal/base/print.go): an error equal
 * to the previous one on the same line is dropped; at the 10th error checking stops (by throwing
 * {@link Bailout}) and "too many errors" follows the sorted errors.
 */
final class Errors {
  /** Thrown to abandon checking after too many errors. */
  static final class Bailout extends RuntimeException {
    Bailout() {
      super(null, null, false, false);
    }
  }

  static final int LIMIT = 10;

  private final int limit;

  Errors(int limit) {
    this.limit = limit;
  }

  private final List<Diagnostic> list = new ArrayList<>();
  private Pos lastPos;
  private String lastMsg;
  private Pos tooMany;

  void error(Pos pos, String msg) {
    if (tooMany != null) throw new Bailout();
    if (lastPos != null && pos.file().equals(lastPos.file()) && pos.line() == lastPos.line() && msg.equals(lastMsg)) return;
    // types2: follow-on errors mentioning "invalid operand"/"invalid type" are dropped.
    if (!list.isEmpty() && (msg.indexOf("invalid operand") > 0 || msg.indexOf("invalid type") > 0)) return;
    lastPos = pos;
    lastMsg = msg;
    list.add(Diagnostic.error(pos, msg));
    if (limit > 0 && list.size() >= limit) {
      tooMany = pos;
      throw new Bailout();
    }
  }

  int count() {
    return list.size();
  }

  /** The diagnostics sorted by position (stable), plus "too many errors" if the limit was hit. */
  List<Diagnostic> diagnostics() {
    List<Diagnostic> out = new ArrayList<>(list);
    out.sort(null);
    List<Diagnostic> dedup = new ArrayList<>();
    for (Diagnostic d : out) {
      if (!dedup.isEmpty() && dedup.get(dedup.size() - 1).message().equals(d.message())
          && dedup.get(dedup.size() - 1).pos().equals(d.pos())) continue;
      dedup.add(d);
    }
    if (tooMany != null) dedup.add(Diagnostic.error(tooMany, "too many errors"));
    return dedup;
  }
}
