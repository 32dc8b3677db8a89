package gopl.codegen;

import gopl.frontend.Diagnostic;
import gopl.types.CheckResult;
import java.util.List;

/**
 * The persistence diagnostics of a checked program for {@code gopl check} (issue 7): the persistence
 * tag of every load and store of a persistable struct's field ({@code -tags}) and the warnings
 * go-pmem did not have (volatile pointer stored into a persistent object, unflushed store to a new
 * persistent object outside a txn, go or a channel operation inside a txn), without generating code.
 */
public final class PersistCheck {
  private PersistCheck() {}

  /** Tag lines ({@code file:line:col: load|store x.f: volatile|persistent|unknown}) and warnings. */
  public record Result(List<String> tags, List<Diagnostic> warnings) {}

  public static Result run(CheckResult program) {
    CodeGenerator gen = new CodeGenerator(program);
    gen.persist.types.scan();
    PersistTags t = gen.persist.tags;
    t.analyze();
    return new Result(t.report(), List.copyOf(t.warnings));
  }
}
