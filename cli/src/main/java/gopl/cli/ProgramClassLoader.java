package gopl.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The class loader of one compiled program: it defines the program's classes from memory and,
 * child-first, its own copy of every runtime and standard-library class (packages
 * {@code gopl.runtime} and {@code gopl.stdlib} by default), so that each program has its own
 * statics ({@code Sys.out}, {@code Sys.exitHandler}, package variables of std packages) even when
 * many programs run in one JVM (COMMON.md contract 5). Everything else (the JDK) comes from the
 * parent. The bytes of the child-first classes are read once from the parent's resources and
 * shared by all loaders; each loader defines its own classes from them.
 */
public final class ProgramClassLoader extends ClassLoader {
  static {
    registerAsParallelCapable();
  }

  /** Packages (binary-name prefixes) that every program loads for itself. */
  public static final List<String> RUNTIME_PACKAGES = List.of("gopl.runtime.", "gopl.stdlib.");

  private static final Map<String, byte[]> SHARED_BYTES = new ConcurrentHashMap<>();
  private static final byte[] ABSENT = new byte[0];

  private final Map<String, byte[]> program;
  private final List<String> childFirst;
  private final ClassLoader source;

  /**
   * @param classes program classes by internal name ({@code a/b/C}), as the code generator gives
   * @param parent the loader that can see the runtime and stdlib classes (usually the cli's own)
   */
  public ProgramClassLoader(Map<String, byte[]> classes, ClassLoader parent) {
    this(classes, parent, RUNTIME_PACKAGES);
  }

  ProgramClassLoader(Map<String, byte[]> classes, ClassLoader parent, List<String> childFirst) {
    super("gopl-program", parent);
    this.program = Map.copyOf(classes);
    this.childFirst = List.copyOf(childFirst);
    this.source = parent;
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    synchronized (getClassLoadingLock(name)) {
      Class<?> c = findLoadedClass(name);
      if (c == null) {
        byte[] bytes = program.get(name.replace('.', '/'));
        if (bytes == null && isChildFirst(name)) bytes = sharedBytes(name);
        c = bytes != null ? defineClass(name, bytes, 0, bytes.length) : super.loadClass(name, false);
      }
      if (resolve) resolveClass(c);
      return c;
    }
  }

  @Override
  public InputStream getResourceAsStream(String name) {
    if (name.endsWith(".class")) {
      byte[] bytes = program.get(name.substring(0, name.length() - ".class".length()));
      if (bytes != null) return new java.io.ByteArrayInputStream(bytes);
    }
    return super.getResourceAsStream(name);
  }

  private boolean isChildFirst(String name) {
    for (String prefix : childFirst) if (name.startsWith(prefix)) return true;
    return false;
  }

  private byte[] sharedBytes(String name) {
    byte[] bytes = SHARED_BYTES.computeIfAbsent(name, this::readFromParent);
    return bytes == ABSENT ? null : bytes;
  }

  private byte[] readFromParent(String name) {
    try (InputStream in = source.getResourceAsStream(name.replace('.', '/') + ".class")) {
      return in == null ? ABSENT : in.readAllBytes();
    } catch (IOException e) {
      return ABSENT;
    }
  }
}
