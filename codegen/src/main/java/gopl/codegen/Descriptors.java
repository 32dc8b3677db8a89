package gopl.codegen;

import static org.objectweb.asm.Opcodes.*;

import gopl.types.Array;
import gopl.types.Basic;
import gopl.types.Chan;
import gopl.types.Func;
import gopl.types.Interface;
import gopl.types.MapType;
import gopl.types.Named;
import gopl.types.Pointer;
import gopl.types.Signature;
import gopl.types.Slice;
import gopl.types.Struct;
import gopl.types.Type;
import gopl.types.Var;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;

/**
 * The run-time type descriptors ({@code gopl.runtime.RType}) of the program: one static field of
 * class {@code go/Types} per Go type that the code needs at run time (interface conversions, type
 * assertions and switches, fmt), built in the class initialiser — named types first, then
 * composite types in dependency order, then the named types' underlying types and method tables.
 * Identical Go types share one field (keys are structural; named types are keyed by identity).
 */
final class Descriptors {
  static final String RTYPE = "gopl/runtime/RType";
  static final String RTYPE_DESC = "L" + RTYPE + ";";

  private final CodeGenerator gen;
  private final Map<String, Integer> byKey = new HashMap<>();
  private final List<Type> types = new ArrayList<>();
  private final Map<Named, Integer> localUniq = new IdentityHashMap<>();
  private final Map<Named, List<Func>> methodSets = new LinkedHashMap<>();

  Descriptors(CodeGenerator gen) {
    this.gen = gen;
  }

  /** Emits code pushing the RType of t. */
  void push(MethodVisitor mv, Type t) {
    String predeclared = predeclared(t);
    if (predeclared != null) {
      mv.visitFieldInsn(GETSTATIC, RTYPE, predeclared, RTYPE_DESC);
      return;
    }
    int i = register(t);
    mv.visitFieldInsn(GETSTATIC, Names.TYPES_CLASS, "T" + i, RTYPE_DESC);
  }

  private static String predeclared(Type t) {
    if (t instanceof Basic b) {
      return switch (b.kind()) {
        case BOOL, UNTYPED_BOOL -> "BOOL";
        case INT, UNTYPED_INT -> "INT";
        case INT8 -> "INT8";
        case INT16 -> "INT16";
        case INT32, UNTYPED_RUNE -> "INT32";
        case INT64 -> "INT64";
        case UINT -> "UINT";
        case UINT8 -> "UINT8";
        case UINT16 -> "UINT16";
        case UINT32 -> "UINT32";
        case UINT64 -> "UINT64";
        case UINTPTR -> "UINTPTR";
        case FLOAT32 -> "FLOAT32";
        case FLOAT64, UNTYPED_FLOAT -> "FLOAT64";
        case STRING, UNTYPED_STRING -> "STRING";
        case UNSAFE_POINTER -> "UNSAFE_POINTER";
        default -> null;
      };
    }
    if (t instanceof Named n && n.obj().pkg() == null && n.obj().name().equals("error")) return "ERROR";
    return null;
  }

  /** A structural key: identical types have equal keys. */
  String key(Type t) {
    return switch (t) {
      case Basic b -> "B" + gopl.types.Typ.of(b.kind()).name();
      case Named n -> "N" + n.obj().name() + "@" + System.identityHashCode(n);
      case Pointer p -> "*" + key(p.elem());
      case Slice s -> "[]" + key(s.elem());
      case Array a -> "[" + a.len() + "]" + key(a.elem());
      case MapType m -> "map[" + key(m.key()) + "]" + key(m.elem());
      case Chan c -> "chan" + c.dir() + " " + key(c.elem());
      case Struct s -> {
        StringBuilder sb = new StringBuilder("struct{");
        for (Var f : s.fields()) {
          sb.append(f.embedded() ? "!" : "").append(f.name()).append(' ').append(key(f.type())).append(';');
        }
        yield sb.append('}').toString();
      }
      case Signature sig -> {
        StringBuilder sb = new StringBuilder("func(");
        for (Var p : sig.params().vars()) sb.append(key(p.type())).append(',');
        sb.append(sig.variadic() ? "...)" : ")");
        for (Var r : sig.results().vars()) sb.append(key(r.type())).append(',');
        yield sb.toString();
      }
      case Interface i -> {
        StringBuilder sb = new StringBuilder("iface{");
        for (Func m : i.allMethods()) sb.append(m.name()).append(key(m.type())).append(';');
        yield sb.append('}').toString();
      }
      case gopl.types.Tuple tu -> "tuple";
    };
  }

  private int register(Type t) {
    String k = key(t);
    Integer i = byKey.get(k);
    if (i != null) return i;
    // components first so that the class initialiser can build in list order
    switch (t) {
      case Named n -> {}
      case Pointer p -> pushDep(p.elem());
      case Slice s -> pushDep(s.elem());
      case Array a -> pushDep(a.elem());
      case MapType m -> {
        pushDep(m.key());
        pushDep(m.elem());
      }
      case Chan c -> pushDep(c.elem());
      case Struct s -> s.fields().forEach(f -> pushDep(f.type()));
      case Signature sig -> {
        sig.params().vars().forEach(v -> pushDep(v.type()));
        sig.results().vars().forEach(v -> pushDep(v.type()));
      }
      default -> {}
    }
    i = byKey.get(k);
    if (i != null) return i;
    i = types.size();
    types.add(t);
    byKey.put(k, i);
    if (t instanceof Named n) {
      if (n.obj().parent() != null && n.obj().pkg() != null && n.obj().parent() != n.obj().pkg().scope()) {
        localUniq.put(n, localUniq.size() + 1);
      }
      pushDep(n.underlying());
      methodSets.put(n, n.methods());
      if (!n.methods().isEmpty()) register(new Pointer(n));
    }
    return i;
  }

  private void pushDep(Type t) {
    if (predeclared(t) == null) register(t);
  }

  /** Emits go/Types. Call after all other classes are generated (they register types). */
  void emit() {
    ClassWriter cw = gen.newClassWriter();
    cw.visit(V21, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, Names.TYPES_CLASS, null, "java/lang/Object", null);
    MethodVisitor mv = cw.visitMethod(ACC_STATIC, "<clinit>", "()V", null, null);
    mv.visitCode();
    // Underlying types of named types may register more types while emitting; loop to a fixpoint.
    int emitted = 0;
    List<Named> namedDone = new ArrayList<>();
    while (emitted < types.size()) {
      int end = types.size();
      for (int i = emitted; i < end; i++) {
        if (types.get(i) instanceof Named n) emitNamed(mv, i, n);
      }
      for (int i = emitted; i < end; i++) {
        Type t = types.get(i);
        if (!(t instanceof Named)) {
          emitComposite(mv, t);
          mv.visitFieldInsn(PUTSTATIC, Names.TYPES_CLASS, "T" + i, RTYPE_DESC);
        } else {
          namedDone.add((Named) t);
        }
      }
      emitted = end;
    }
    for (Named n : namedDone) {
      push(mv, n);
      push(mv, n.underlying());
      mv.visitMethodInsn(INVOKEVIRTUAL, RTYPE, "setUnderlying", "(" + RTYPE_DESC + ")" + RTYPE_DESC, false);
      mv.visitInsn(POP);
    }
    for (Named n : namedDone) gen.methodTables.emitRegistration(mv, n);
    for (Named n : namedDone) gen.methodTables.emitPromoted(mv, cw, n);
    mv.visitInsn(RETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
    for (int i = 0; i < types.size(); i++) {
      cw.visitField(ACC_PUBLIC | ACC_STATIC, "T" + i, RTYPE_DESC, null, null).visitEnd();
    }
    cw.visitEnd();
    gen.addClass(Names.TYPES_CLASS, cw.toByteArray());
  }

  private void emitNamed(MethodVisitor mv, int i, Named n) {
    String pkgPath = n.obj().pkg() == null ? "" : n.obj().pkg().path();
    String pkgName = n.obj().pkg() == null ? "" : n.obj().pkg().name() + ".";
    mv.visitLdcInsn(pkgPath);
    mv.visitLdcInsn(pkgName + n.obj().name());
    Bytecode.iconst(mv, localUniq.getOrDefault(n, 0));
    mv.visitMethodInsn(INVOKESTATIC, RTYPE, "named", "(Ljava/lang/String;Ljava/lang/String;I)" + RTYPE_DESC, false);
    mv.visitFieldInsn(PUTSTATIC, Names.TYPES_CLASS, "T" + i, RTYPE_DESC);
  }

  private void emitComposite(MethodVisitor mv, Type t) {
    switch (t) {
      case Pointer p -> {
        push(mv, p.elem());
        mv.visitMethodInsn(INVOKESTATIC, RTYPE, "pointer", "(" + RTYPE_DESC + ")" + RTYPE_DESC, false);
      }
      case Slice s -> {
        push(mv, s.elem());
        mv.visitMethodInsn(INVOKESTATIC, RTYPE, "slice", "(" + RTYPE_DESC + ")" + RTYPE_DESC, false);
      }
      case Array a -> {
        mv.visitLdcInsn(a.len());
        push(mv, a.elem());
        mv.visitMethodInsn(INVOKESTATIC, RTYPE, "array", "(J" + RTYPE_DESC + ")" + RTYPE_DESC, false);
      }
      case MapType m -> {
        push(mv, m.key());
        push(mv, m.elem());
        mv.visitMethodInsn(INVOKESTATIC, RTYPE, "map", "(" + RTYPE_DESC + RTYPE_DESC + ")" + RTYPE_DESC, false);
      }
      case Chan c -> {
        Bytecode.iconst(mv, switch (c.dir()) {
          case SEND_RECV -> 0;
          case SEND_ONLY -> 1;
          case RECV_ONLY -> 2;
        });
        push(mv, c.elem());
        mv.visitMethodInsn(INVOKESTATIC, RTYPE, "chan", "(I" + RTYPE_DESC + ")" + RTYPE_DESC, false);
      }
      case Struct s -> {
        int n = s.numFields();
        Bytecode.iconst(mv, n);
        mv.visitTypeInsn(ANEWARRAY, "java/lang/String");
        for (int i = 0; i < n; i++) {
          mv.visitInsn(DUP);
          Bytecode.iconst(mv, i);
          mv.visitLdcInsn(s.field(i).name());
          mv.visitInsn(AASTORE);
        }
        Bytecode.iconst(mv, n);
        mv.visitTypeInsn(ANEWARRAY, RTYPE);
        for (int i = 0; i < n; i++) {
          mv.visitInsn(DUP);
          Bytecode.iconst(mv, i);
          push(mv, s.field(i).type());
          mv.visitInsn(AASTORE);
        }
        Bytecode.iconst(mv, n);
        mv.visitIntInsn(NEWARRAY, T_BOOLEAN);
        for (int i = 0; i < n; i++) {
          mv.visitInsn(DUP);
          Bytecode.iconst(mv, i);
          Bytecode.iconst(mv, s.field(i).embedded() ? 1 : 0);
          mv.visitInsn(BASTORE);
        }
        mv.visitMethodInsn(INVOKESTATIC, RTYPE, "struct", "([Ljava/lang/String;[" + RTYPE_DESC + "[Z)" + RTYPE_DESC, false);
      }
      case Signature sig -> {
        pushTypeArray(mv, sig.params().vars());
        pushTypeArray(mv, sig.results().vars());
        Bytecode.iconst(mv, sig.variadic() ? 1 : 0);
        mv.visitMethodInsn(INVOKESTATIC, RTYPE, "func", "([" + RTYPE_DESC + "[" + RTYPE_DESC + "Z)" + RTYPE_DESC, false);
      }
      case Interface i -> {
        List<Func> ms = i.allMethods();
        Bytecode.iconst(mv, ms.size());
        mv.visitTypeInsn(ANEWARRAY, "java/lang/String");
        for (int k = 0; k < ms.size(); k++) {
          mv.visitInsn(DUP);
          Bytecode.iconst(mv, k);
          mv.visitLdcInsn(ms.get(k).name() + ReflectString.of(ms.get(k).type()).substring(4));
          mv.visitInsn(AASTORE);
        }
        mv.visitMethodInsn(INVOKESTATIC, RTYPE, "iface", "([Ljava/lang/String;)" + RTYPE_DESC, false);
      }
      default -> throw new IllegalStateException("no descriptor for " + t);
    }
  }

  private void pushTypeArray(MethodVisitor mv, List<Var> vars) {
    Bytecode.iconst(mv, vars.size());
    mv.visitTypeInsn(ANEWARRAY, RTYPE);
    for (int k = 0; k < vars.size(); k++) {
      mv.visitInsn(DUP);
      Bytecode.iconst(mv, k);
      push(mv, vars.get(k).type());
      mv.visitInsn(AASTORE);
    }
  }

  static Handle unused() {
    return null;
  }
}
