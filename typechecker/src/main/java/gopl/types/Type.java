package gopl.types;

/**
 * A Go type, as in go/types. Types are compared with {@link Predicates#identical}, never with
 * {@code equals} (which is object identity: two {@code []int} built at different places are
 * identical Go types but different objects). {@link #toString()} spells the type as gc does,
 * qualifying named types with their package name ({@code main.T}); diagnostics use
 * {@link TypeString#of(Type, Package)} instead, which leaves the current package's types
 * unqualified ({@code T}) exactly as gc's messages do.
 */
public sealed interface Type
    permits Basic, Named, Pointer, Slice, Array, MapType, Chan, Struct, Signature, Interface, Tuple {

  /** The underlying type: itself for every type but {@link Named}. */
  default Type underlying() {
    return this;
  }
}
