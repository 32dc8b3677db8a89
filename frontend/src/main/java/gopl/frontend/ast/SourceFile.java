package gopl.frontend.ast;

import gopl.frontend.Pos;
import java.util.List;

/**
 * One parsed {@code .gop} file: its path (as shown in diagnostics), package clause, imports (also
 * present among decls as Gen IMPORT declarations) and top-level declarations in source order.
 */
public record SourceFile(Pos pos, String path, Expr.Ident packageName, List<Spec.Import> imports, List<Decl> decls)
    implements Node {}
