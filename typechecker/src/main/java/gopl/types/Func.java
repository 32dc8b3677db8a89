package gopl.types;

import gopl.frontend.Pos;
import gopl.frontend.ast.Decl;

/**
 * A declared function, method (its signature has a receiver) or interface method. decl is the
 * source declaration (null for interface methods); {@link #hasBody()} is false for a std function
 * declared without body, which the code generator maps to a Java intrinsic.
 */
public final class Func extends Obj {
  private Decl.Func decl;

  public Func(Pos pos, Package pkg, String name, Signature sig) {
    super(pos, pkg, name, sig);
  }

  public Signature signature() {
    return (Signature) type();
  }

  public Decl.Func decl() {
    return decl;
  }

  void setDecl(Decl.Func d) {
    decl = d;
  }

  public boolean hasBody() {
    return decl != null && decl.body() != null;
  }

  /** For a method, the qualified receiver spelling gc uses: {@code (*T).M} or {@code T.M}. */
  public String fullName() {
    Signature s = signature();
    if (s != null && s.recv() != null) {
      Type r = s.recv().type();
      return "(" + TypeString.of(r, null) + ")." + name();
    }
    return (pkg() == null ? "" : pkg().name() + ".") + name();
  }
}
