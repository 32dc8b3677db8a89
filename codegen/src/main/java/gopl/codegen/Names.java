package gopl.codegen;

import gopl.types.Func;
import gopl.types.Named;
import gopl.types.Signature;
import gopl.types.Type;

/**
 * JVM names of generated things. One class per Go package: {@code go/<import path>/Pkg}
 * (characters outside [A-Za-z0-9_/] become '_'); functions are static methods of the same name;
 * methods are static methods {@code RecvType$Name} taking the receiver first; the {@code init}
 * functions of a package are {@code init$0}, {@code init$1}, ...; package initialisation is
 * {@code $init()V}. Std intrinsics live in {@code gopl/stdlib/<path>/Natives}.
 */
final class Names {
  private Names() {}

  static final String TYPES_CLASS = "go/Types";

  static String sanitize(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      sb.append(Character.isLetterOrDigit(c) && c < 128 || c == '_' || c == '/' ? c : '_');
    }
    return sb.toString();
  }

  /** The class holding the functions of the package's file number i (0-based): Pkg, Pkg$F1, ... */
  static String fileClass(String importPath, int i) {
    return i == 0 ? packageClass(importPath) : packageClass(importPath) + "$F" + i;
  }

  static String packageClass(String importPath) {
    return "go/" + sanitize(importPath) + "/Pkg";
  }

  static String nativesClass(String importPath) {
    return "gopl/stdlib/" + importPath.replace('/', '.').replace('.', '/') + "/Natives";
  }

  /** The static method implementing a method (receiver first). */
  static String methodName(Func m) {
    Signature s = m.signature();
    Type r = s.recv().type();
    if (r instanceof gopl.types.Pointer p) r = p.elem();
    String base = r instanceof Named n ? n.obj().name() : "T";
    return base + "$" + m.name();
  }
}
