package gopl.repl;

import java.util.Arrays;
import java.util.Map;

/**
 * The class loader of one cell (one compiled input). A cell's program contains every class of the
 * session's program (std packages, struct classes, func interfaces, the main package); a class
 * whose bytes equal those of a class an earlier cell defined is not defined again but taken from
 * the session's {@link Registry} (also when they differ only incidentally, see {@link #sticky}), so values made by earlier cells (struct objects, func values)
 * keep their classes and can be handed to later cells. New or changed classes are defined here,
 * instrumented for Ctrl-C ({@link CellInstrumenter}), and become the registry's entry.
 */
final class CellLoader extends ClassLoader {
  static {
    registerAsParallelCapable();
  }

  /** A class defined by some cell, with the bytes it was generated from. */
  record Defined(byte[] bytes, Class<?> cls) {}

  /**
   * Classes defined so far in a session, by internal name (the newest definition), and the cell
   * loader that first generated each class not defined yet (a cell whose code generator reused a
   * std package's classes has no bytes for them; docs/repl.md).
   */
  static final class Registry {
    private final Map<String, Defined> byName = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, CellLoader> generatedBy = new java.util.concurrent.ConcurrentHashMap<>();

    /** Whether a class of this internal name was defined by some cell. */
    boolean defined(String internal) {
      return byName.containsKey(internal);
    }
  }

  private final Map<String, byte[]> classes;
  private final Registry registry;

  private final String mainPkg;

  CellLoader(Map<String, byte[]> classes, ClassLoader parent, Registry registry, int cell, String mainPkgClass) {
    super("gopl-cell-" + cell, parent);
    this.mainPkg = mainPkgClass.replace('.', '/');
    this.classes = classes;
    this.registry = registry;
    for (String internal : classes.keySet()) registry.generatedBy.putIfAbsent(internal, this);
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    synchronized (getClassLoadingLock(name)) {
      Class<?> c = findLoadedClass(name);
      if (c == null) {
        String internal = name.replace('.', '/');
        byte[] bytes = classes.get(internal);
        Defined d = registry.byName.get(internal);
        if (bytes == null) {
          // a class of a package this cell reused (not generated again): an earlier definition,
          // or defined by the loader of the cell that generated it, in that cell's world
          if (d != null) return d.cls();
          CellLoader owner = registry.generatedBy.get(internal);
          if (owner != null && owner != this) return owner.loadClass(name, resolve);
          return super.loadClass(name, resolve);
        }
        // the main package's classes are always this cell's own: an earlier Pkg$F1 would link to the earlier Pkg
        if (d != null && !isMainPackage(internal) && (Arrays.equals(d.bytes(), bytes) || sticky(internal))) return d.cls();
        byte[] code = CellInstrumenter.instrument(bytes);
        c = defineClass(name, code, 0, code.length);
        registry.byName.put(internal, new Defined(bytes, c));
      }
      if (resolve) resolveClass(c);
      return c;
    }
  }

  /**
   * Whether an earlier definition of the class is kept even though this cell's bytes differ.
   * Generated classes differ between programs in incidental ways (the numbering of the type
   * descriptors they refer to in {@code go/Types}); an earlier class with its own loader is a
   * consistent world, and defining a second class of the same name would make values of the two
   * incompatible (and break loader constraints). So every class is kept once defined, except the
   * ones that must change: the type descriptors, the main package class and its per-file
   * function classes (new functions, new cell) and anonymous struct classes (numbered per program, so the name does not fix the type).
   * A redefined named type gets a new main package path, so its classes have new names.
   */
  private boolean sticky(String internal) {
    return !internal.equals("go/Types") && !isMainPackage(internal) && !internal.startsWith("go/anon/");
  }

  /** The main package class or one of its per-file function classes ({@code Pkg$F1}, ...). */
  private boolean isMainPackage(String internal) {
    return internal.equals(mainPkg) || internal.startsWith(mainPkg + "$F");
  }

  /** Whether the class was defined by this cell (not reused from an earlier one). */
  boolean definedHere(Class<?> c) {
    return c.getClassLoader() == this;
  }
}
