package gopl.types;

import java.util.ArrayList;
import java.util.List;

/** A checked (or being checked) package: import path, name, package scope and its imports. */
public final class Package {
  private final String path;
  private final String name;
  private final Scope scope;
  private final List<Package> imports = new ArrayList<>();
  private final boolean std;

  public Package(String path, String name, boolean std) {
    this.path = path;
    this.name = name;
    this.std = std;
    this.scope = new Scope(Universe.scope(), gopl.frontend.Pos.NONE, "package " + name, false);
  }

  public String path() {
    return path;
  }

  public String name() {
    return name;
  }

  public Scope scope() {
    return scope;
  }

  /** The packages this package imports directly (each once, in first-import order). */
  public List<Package> imports() {
    return imports;
  }

  /** A standard-library package (shipped as GoPL source by the stdlib module). */
  public boolean std() {
    return std;
  }

  @Override
  public String toString() {
    return "package " + name + " (\"" + path + "\")";
  }
}
