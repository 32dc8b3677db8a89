package gopl.types;

import java.util.List;

/**
 * A struct type. fields are Vars with {@link Var#isField()}; an embedded field has
 * {@link Var#embedded()} set and is named after its type. tags has one entry per field (null if
 * none).
 */
public final class Struct implements Type {
  private final List<Var> fields;
  private final List<String> tags;

  public Struct(List<Var> fields, List<String> tags) {
    this.fields = List.copyOf(fields);
    this.tags = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(tags));
  }

  public List<Var> fields() {
    return fields;
  }

  public int numFields() {
    return fields.size();
  }

  public Var field(int i) {
    return fields.get(i);
  }

  public String tag(int i) {
    return i < tags.size() ? tags.get(i) : null;
  }

  @Override
  public String toString() {
    return TypeString.of(this, null);
  }
}
