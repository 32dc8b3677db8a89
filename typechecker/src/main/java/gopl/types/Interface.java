package gopl.types;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * An interface type. methods are the explicitly declared methods, embeddeds the embedded
 * interface types; {@link #allMethods()} is the complete method set (declared plus embedded),
 * sorted by name (Go's method-set order, which is also the order gc prints), computed by
 * {@link #complete()} once the embedded types are known.
 */
public final class Interface implements Type {
  private final List<Func> methods;
  private final List<Type> embeddeds;
  private List<Func> all;

  public Interface(List<Func> methods, List<Type> embeddeds) {
    this.methods = new ArrayList<>(methods);
    this.embeddeds = new ArrayList<>(embeddeds);
  }

  /** The empty interface {@code interface{}}. */
  public static Interface empty() {
    Interface i = new Interface(List.of(), List.of());
    i.complete();
    return i;
  }

  public List<Func> explicitMethods() {
    return methods;
  }

  public List<Type> embeddeds() {
    return embeddeds;
  }

  /** The complete method set sorted by name. */
  public List<Func> allMethods() {
    if (all != null) return all;
    return complete().all != null ? all : computing;
  }

  /** Embeds a non-interface type: its type set is not a method set (usable only as a constraint). */
  private boolean embedsNonInterface;

  void markEmbedsNonInterface() {
    embedsNonInterface = true;
  }

  /**
   * Whether this interface (or one it embeds) embeds a non-interface type, so that its type set
   * is not a method set: Go allows it only as a type constraint, which GoPL has no use for.
   */
  public boolean isConstraint() {
    return isConstraint(0);
  }

  private boolean isConstraint(int depth) {
    if (embedsNonInterface) return true;
    if (depth > 100) return false; // invalid recursive interfaces are reported elsewhere
    for (Type t : embeddeds) {
      if (t.underlying() instanceof Interface i && i.isConstraint(depth + 1)) return true;
    }
    return false;
  }

  public boolean isEmpty() {
    return allMethods().isEmpty();
  }

  private List<Func> computing = List.of();
  private boolean busy;

  /**
   * Computes the complete method set (idempotent; duplicates from embedding are merged). The
   * result is cached only once every embedded type is resolved.
   */
  public Interface complete() {
    if (all != null || busy) return this;
    busy = true;
    try {
      List<Func> list = new ArrayList<>(methods);
      boolean resolved = true;
      for (Type e : embeddeds) {
        Type u = e.underlying();
        if (u == null) {
          resolved = false;
          continue;
        }
        if (u instanceof Interface ei) {
          for (Func m : ei.allMethods()) {
            if (list.stream().noneMatch(x -> x.name().equals(m.name()))) list.add(m);
          }
        }
      }
      list.sort(Comparator.comparing(Func::name));
      computing = List.copyOf(list);
      if (resolved) all = computing;
    } finally {
      busy = false;
    }
    return this;
  }

  /** Resets the method set so that {@link #complete()} recomputes it (used while declaring). */
  void invalidate() {
    all = null;
  }

  void addMethod(Func f) {
    methods.add(f);
    all = null;
  }

  void addEmbedded(Type t) {
    embeddeds.add(t);
    all = null;
  }

  @Override
  public String toString() {
    return TypeString.of(this, null);
  }
}
