package gopl.codegen;

import static org.objectweb.asm.Opcodes.*;

import gopl.types.Named;
import gopl.types.Signature;
import gopl.types.Tuple;
import gopl.types.Type;
import gopl.types.Var;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassWriter;

/**
 * Func values: one generated functional interface per JVM method descriptor ({@code go/fn/F...}
 * with the single method {@code call}); Go func types with the same JVM erasure share it. Values
 * are made by LambdaMetafactory over static methods (functions, closures with their captured
 * boxes first, method values with their receiver first) and called with invokeinterface.
 */
final class FuncTypes {
  static final String METHOD = "call";

  private final CodeGenerator gen;
  private final Map<String, String> byDesc = new LinkedHashMap<>();

  FuncTypes(CodeGenerator gen) {
    this.gen = gen;
  }

  /** The JVM descriptor of a Go signature, receiver first when withRecv. */
  String desc(Signature sig, boolean withRecv) {
    StringBuilder sb = new StringBuilder("(");
    if (withRecv && sig.recv() != null) sb.append(gen.layout.desc(sig.recv().type()));
    for (Var p : sig.params().vars()) sb.append(partDesc(p.type()));
    sb.append(')').append(returnDesc(sig));
    return sb.toString();
  }

  String returnDesc(Signature sig) {
    return switch (sig.results().size()) {
      case 0 -> "V";
      case 1 -> partDesc(sig.results().at(0).type());
      default -> "[Ljava/lang/Object;";
    };
  }

  /**
   * The descriptor of a parameter or result of a signature: its type's, except that a named func
   * type whose signature mentions itself through func-typed parameters or results ({@code type F
   * func(F) F}) is erased to Object there, so the descriptor is finite. The value is still an
   * instance of the type's functional interface; the JVM verifier lets an Object flow where an
   * interface type is expected, and invokeinterface checks it.
   */
  private String partDesc(Type t) {
    return t instanceof Named n && isRecursiveFunc(n) ? "Ljava/lang/Object;" : gen.layout.desc(t);
  }

  private final Map<Named, Boolean> recursive = new HashMap<>();

  /** Whether named func type n reaches itself through func-typed parameters and results. */
  boolean isRecursiveFunc(Named n) {
    if (!(n.underlying() instanceof Signature)) return false;
    Boolean r = recursive.get(n);
    if (r == null) {
      r = reaches((Signature) n.underlying(), n, new HashSet<>());
      recursive.put(n, r);
    }
    return r;
  }

  private static boolean reaches(Signature sig, Named target, Set<Signature> seen) {
    if (!seen.add(sig)) return false;
    for (Tuple tu : List.of(sig.params(), sig.results())) {
      for (Var v : tu.vars()) {
        Type t = v.type();
        if (t == target) return true;
        if (t.underlying() instanceof Signature s && reaches(s, target, seen)) return true;
      }
    }
    return false;
  }

  /** The functional interface for values of func type sig. */
  String interfaceName(Signature sig) {
    String d = desc(sig, false);
    if (d.equals("()V")) return RUNNABLE;
    return byDesc.computeIfAbsent(d, k -> "go/fn/F" + mangle(k));
  }

  /** {@code func()} values are Runnables (so runtime APIs such as sync.Once.Do take them directly). */
  static final String RUNNABLE = "java/lang/Runnable";

  /** The single abstract method of a func interface. */
  static String method(String iface) {
    return iface.equals(RUNNABLE) ? "run" : METHOD;
  }

  private static String mangle(String d) {
    StringBuilder sb = new StringBuilder();
    for (char c : d.toCharArray()) {
      switch (c) {
        case '(' -> sb.append("_");
        case ')' -> sb.append("__");
        case ';' -> sb.append("_");
        case '/' -> sb.append("$");
        case '[' -> sb.append("A");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  void emitAll() {
    for (var e : byDesc.entrySet()) {
      ClassWriter cw = gen.newClassWriter();
      cw.visit(V21, ACC_PUBLIC | ACC_ABSTRACT | ACC_INTERFACE, e.getValue(), null, "java/lang/Object", null);
      cw.visitMethod(ACC_PUBLIC | ACC_ABSTRACT, METHOD, e.getKey(), null, null).visitEnd();
      cw.visitEnd();
      gen.addClass(e.getValue(), cw.toByteArray());
    }
  }
}
