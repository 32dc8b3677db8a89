package gopl.codegen;

import static org.objectweb.asm.Opcodes.*;

import gopl.frontend.ast.Expr;
import gopl.types.Array;
import gopl.types.Builtin;
import gopl.types.MapType;
import gopl.types.Pointer;
import gopl.types.Signature;
import gopl.types.Slice;
import gopl.types.Type;
import java.util.List;
import org.objectweb.asm.MethodVisitor;

/**
 * Calls of the predeclared functions (spec "Built-in functions"): len, cap, append (Go 1.19's
 * growth), copy, delete, make, new, panic, recover, print, println; GoPL's pnew/pmake allocate in
 * the persistent heap through {@link PersistGen}.
 */
final class Builtins {
  private final ExprGen x;
  private final MethodVisitor mv;

  Builtins(ExprGen x) {
    this.x = x;
    this.mv = x.mv;
  }

  String call(Expr.Call c, Builtin.Id id, Signature sig) {
    List<Expr> args = c.args();
    x.f.line(c.pos());
    switch (id) {
      case LEN, CAP -> {
        Expr a = args.get(0);
        Type t = x.typeOf(a).underlying();
        if (t instanceof Pointer p) t = p.elem().underlying();
        FuncGen.Local parts = SliceLocals.of(x.f, a);
        if (parts != null) {
          SliceLocals.lenOrCap(mv, parts, id == Builtin.Id.CAP);
          mv.visitInsn(I2L);
          return "J";
        }
        x.gen(a);
        if (TypeLayout.isString(t)) {
          mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/String", "length", "()I", false);
        } else if (t instanceof Slice s) {
          String sc = TypeLayout.storage(s.elem()).sliceClass();
          mv.visitMethodInsn(INVOKESTATIC, sc, id == Builtin.Id.LEN ? "len" : "cap", "(L" + sc + ";)I", false);
        } else if (t instanceof MapType) {
          mv.visitMethodInsn(INVOKESTATIC, "gopl/runtime/GoMap", "len", "(Lgopl/runtime/GoMap;)I", false);
        } else if (t instanceof gopl.types.Chan) {
          mv.visitMethodInsn(INVOKESTATIC, "gopl/runtime/conc/Chan", id == Builtin.Id.LEN ? "len" : "cap", "(Lgopl/runtime/conc/Chan;)I", false);
        } else if (t instanceof Array arr) {
          mv.visitInsn(POP);
          Bytecode.iconst(mv, (int) arr.len());
        } else {
          throw new CodegenException(c.pos(), "not supported in GoPL code generator yet: len of " + t);
        }
        mv.visitInsn(I2L);
        return "J";
      }
      case APPEND -> {
        return append(c, sig);
      }
      case COPY -> {
        Type dt = x.typeOf(args.get(0));
        Type elem = ((Slice) dt.underlying()).elem();
        TypeLayout.Storage st = TypeLayout.storage(elem);
        x.gen(args.get(0));
        x.gen(args.get(1));
        String owner = PersistLValue.applies(x.gen, dt.underlying()) ? PersistGen.PSLICES : st.sliceClass(); // persistence hook
        if (TypeLayout.isString(x.typeOf(args.get(1)))) {
          mv.visitMethodInsn(INVOKESTATIC, owner, "copyString", "(L" + st.sliceClass() + ";Ljava/lang/String;)J", false);
          return "J";
        }
        String sd = "L" + st.sliceClass() + ";";
        if (st == TypeLayout.Storage.OBJECT) {
          x.gen.values.pushElem(mv, elem);
          mv.visitMethodInsn(INVOKESTATIC, owner, "copy", "(" + sd + sd + "Lgopl/runtime/Elem;)J", false);
        } else {
          mv.visitMethodInsn(INVOKESTATIC, owner, "copy", "(" + sd + sd + ")J", false);
        }
        return "J";
      }
      case DELETE -> {
        MapType m = (MapType) x.typeOf(args.get(0)).underlying();
        x.gen(args.get(0));
        new Collections(x).mapKey(args.get(1), m);
        mv.visitMethodInsn(INVOKESTATIC, "gopl/runtime/GoMap", "delete", "(Lgopl/runtime/GoMap;Ljava/lang/Object;)V", false);
        return "V";
      }
      case PMAKE -> { // persistence hook (docs/persistence.md): allocate in the persistent heap
        Type t = x.typeOf(args.get(0));
        return x.gen.persist.pmake(mv, (Slice) t.underlying(), c.pos(), () -> {
          x.genIndex(args.get(1));
          if (args.size() > 2) x.genIndex(args.get(2));
          else mv.visitInsn(DUP2);
        });
      }
      case PNEW -> { // persistence hook
        return x.gen.persist.pnew(mv, x.typeOf(args.get(0)), c.pos());
      }
      case MAKE -> {
        Type t = x.typeOf(args.get(0));
        return new Collections(x).make(t, args.subList(1, args.size()));
      }
      case NEW -> {
        Type t = x.typeOf(args.get(0));
        newValue(t);
        return x.gen.layout.desc(new Pointer(t));
      }
      case PANIC -> {
        x.genValue(args.get(0), gopl.types.Universe.any());
        mv.visitMethodInsn(INVOKESTATIC, "gopl/runtime/Panics", "panic", "(Ljava/lang/Object;)Lgopl/runtime/GoPanic;", false);
        mv.visitInsn(ATHROW);
        return "V";
      }
      case CLOSE -> {
        x.gen(args.get(0));
        mv.visitMethodInsn(INVOKESTATIC, "gopl/runtime/conc/Chan", "close", "(Lgopl/runtime/conc/Chan;)V", false);
        return "V";
      }
      case RECOVER -> {
        mv.visitMethodInsn(INVOKESTATIC, "gopl/runtime/Defers", "recover", "()Ljava/lang/Object;", false);
        return "Ljava/lang/Object;";
      }
      case PRINT, PRINTLN -> {
        print(args, id == Builtin.Id.PRINTLN);
        return "V";
      }
      default -> throw new CodegenException(c.pos(), "not supported in GoPL: " + id.goName);
    }
  }

  /** Pushes a pointer to a new zero value of t. */
  void newValue(Type t) {
    if (TypeLayout.isValueObject(t)) {
      x.gen.values.pushZero(mv, t);
      return;
    }
    TypeLayout.Storage st = TypeLayout.storage(t);
    String rc = st.refClass();
    mv.visitTypeInsn(NEW, rc);
    mv.visitInsn(DUP);
    if (x.gen.values.zeroNeedsCode(t)) {
      x.gen.values.pushZero(mv, t);
      mv.visitMethodInsn(INVOKESPECIAL, rc, "<init>", "(" + st.elemDesc + ")V", false);
    } else {
      mv.visitMethodInsn(INVOKESPECIAL, rc, "<init>", "()V", false);
    }
  }

  private String append(Expr.Call c, Signature sig) {
    List<Expr> args = c.args();
    Type st = x.typeOf(c);
    Type elem = ((Slice) st.underlying()).elem();
    TypeLayout.Storage s = TypeLayout.storage(elem);
    String sd = "L" + s.sliceClass() + ";";
    // persistence hook: append to a persistent slice stays persistent (PSlices has the same methods)
    String sc = PersistLValue.applies(x.gen, st.underlying()) ? PersistGen.PSLICES : s.sliceClass();
    boolean obj = s == TypeLayout.Storage.OBJECT;
    x.gen(args.get(0));
    if (args.size() == 1) return sd;
    if (c.hasEllipsis()) {
      Expr tail = args.get(1);
      if (TypeLayout.isString(x.typeOf(tail))) {
        x.gen(tail);
        mv.visitMethodInsn(INVOKESTATIC, sc, "appendString", "(" + sd + "Ljava/lang/String;)" + sd, false);
        return sd;
      }
      x.gen(tail);
      if (obj) x.gen.values.pushElem(mv, elem);
      mv.visitMethodInsn(INVOKESTATIC, sc, "appendSlice", "(" + sd + sd + (obj ? "Lgopl/runtime/Elem;" : "") + ")" + sd, false);
      return sd;
    }
    if (args.size() == 2) {
      x.genValue(args.get(1), elem);
      x.f.narrowToStorage(elem);
      if (obj) x.gen.values.pushElem(mv, elem);
      mv.visitMethodInsn(INVOKESTATIC, sc, "append", "(" + sd + s.elemDesc + (obj ? "Lgopl/runtime/Elem;" : "") + ")" + sd, false);
      return sd;
    }
    new Collections(x).sliceOf(elem, args.subList(1, args.size()));
    if (obj) x.gen.values.pushElem(mv, elem);
    mv.visitMethodInsn(INVOKESTATIC, sc, "appendSlice", "(" + sd + sd + (obj ? "Lgopl/runtime/Elem;" : "") + ")" + sd, false);
    return sd;
  }

  private void print(List<Expr> args, boolean ln) {
    mv.visitTypeInsn(NEW, "java/lang/StringBuilder");
    mv.visitInsn(DUP);
    mv.visitMethodInsn(INVOKESPECIAL, "java/lang/StringBuilder", "<init>", "()V", false);
    for (int i = 0; i < args.size(); i++) {
      if (ln && i > 0) {
        mv.visitLdcInsn(" ");
        mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/StringBuilder", "append", "(Ljava/lang/String;)Ljava/lang/StringBuilder;", false);
      }
      Type t = x.typeOf(args.get(i));
      if (x.isNil(args.get(i))) t = gopl.types.Universe.any();
      if (t instanceof gopl.types.Basic b && b.isUntyped()) t = ExprGen.defaultType(x.tv(args.get(i)).value());
      x.gen.descriptors.push(mv, t);
      x.gen(args.get(i));
      Bytecode.box(mv, x.gen.layout.desc(t));
      mv.visitMethodInsn(INVOKESTATIC, "gopl/runtime/RuntimePrint", "text", "(" + Descriptors.RTYPE_DESC + "Ljava/lang/Object;)Ljava/lang/String;", false);
      mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/StringBuilder", "append", "(Ljava/lang/String;)Ljava/lang/StringBuilder;", false);
    }
    if (ln) {
      mv.visitLdcInsn("\n");
      mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/StringBuilder", "append", "(Ljava/lang/String;)Ljava/lang/StringBuilder;", false);
    }
    mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/StringBuilder", "toString", "()Ljava/lang/String;", false);
    mv.visitFieldInsn(GETSTATIC, "gopl/runtime/Sys", "err", "Ljava/io/PrintStream;");
    mv.visitInsn(SWAP);
    mv.visitMethodInsn(INVOKESTATIC, "gopl/runtime/Sys", "write", "(Ljava/io/PrintStream;Ljava/lang/String;)V", false);
  }
}
