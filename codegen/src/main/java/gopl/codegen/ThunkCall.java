package gopl.codegen;

import static org.objectweb.asm.Opcodes.*;

import gopl.frontend.ast.Expr;
import gopl.types.Builtin;
import gopl.types.Func;
import gopl.types.Obj;
import gopl.types.Signature;
import gopl.types.Slice;
import gopl.types.Type;
import java.util.List;
import org.objectweb.asm.MethodVisitor;

/**
 * The body of a deferred or {@code go} call's thunk: the callee (a func value in slot 0, or a
 * static function/builtin) applied to arguments that were evaluated at the defer/go statement and
 * arrive as the thunk's parameters, already converted to the parameter (or variadic element) types.
 */
final class ThunkCall {
  private final FuncGen f;
  private final ExprGen outer;
  private final Expr.Call call;
  private final boolean staticCallee;
  private final List<Type> argTypes;
  private final List<Integer> argSlots;
  private final MethodVisitor mv;

  ThunkCall(FuncGen f, ExprGen outer, Expr.Call call, boolean staticCallee, List<Type> argTypes, List<Integer> argSlots) {
    this.f = f;
    this.outer = outer;
    this.call = call;
    this.staticCallee = staticCallee;
    this.argTypes = argTypes;
    this.argSlots = argSlots;
    this.mv = f.mv;
  }

  void emit() {
    Expr fun = ExprGen.unparen(call.fun());
    if (staticCallee && outer.tv(fun) != null && outer.tv(fun).isBuiltin()) {
      builtin(fun);
      return;
    }
    if (staticCallee) {
      Func fn = (Func) (fun instanceof Expr.Ident id ? outer.f.info.uses.get(id) : outer.f.info.uses.get(((Expr.Selector) fun).sel()));
      Signature sig = fn.signature();
      pushArgs(sig);
      String owner = fn.hasBody() ? f.gen.funcClass(fn) : Names.nativesClass(fn.pkg().path());
      mv.visitMethodInsn(INVOKESTATIC, owner, fn.name(), f.gen.funcTypes.desc(sig, false), false);
      Bytecode.pop(mv, f.gen.funcTypes.returnDesc(sig));
      return;
    }
    // slot 0 holds the func value (already loaded by the caller of emit)
    Signature sig = (Signature) outer.typeOf(fun).underlying();
    pushArgs(sig);
    String iface = f.gen.funcTypes.interfaceName(sig);
    mv.visitMethodInsn(INVOKEINTERFACE, iface, FuncTypes.method(iface), f.gen.funcTypes.desc(sig, false), true);
    Bytecode.pop(mv, f.gen.funcTypes.returnDesc(sig));
  }

  private void pushArgs(Signature sig) {
    List<gopl.types.Var> ps = sig.params().vars();
    int fixed = sig.variadic() && !call.hasEllipsis() ? ps.size() - 1 : argSlots.size();
    for (int i = 0; i < fixed; i++) load(i);
    if (sig.variadic() && !call.hasEllipsis()) {
      Type elem = ((Slice) ps.get(ps.size() - 1).type().underlying()).elem();
      int extra = argSlots.size() - fixed;
      if (extra == 0) {
        mv.visitInsn(ACONST_NULL);
        return;
      }
      TypeLayout.Storage st = TypeLayout.storage(elem);
      Bytecode.iconst(mv, extra);
      if (st == TypeLayout.Storage.OBJECT) mv.visitTypeInsn(ANEWARRAY, "java/lang/Object");
      else mv.visitIntInsn(NEWARRAY, st.newarrayType());
      for (int i = 0; i < extra; i++) {
        mv.visitInsn(DUP);
        Bytecode.iconst(mv, i);
        load(fixed + i);
        f.narrowToStorage(elem);
        mv.visitInsn(Collections.arrayStore(st));
      }
      mv.visitMethodInsn(INVOKESTATIC, st.sliceClass(), "of", "(" + st.arrayDesc + ")L" + st.sliceClass() + ";", false);
    }
  }

  private void load(int i) {
    mv.visitVarInsn(Bytecode.load(f.gen.layout.desc(argTypes.get(i))), argSlots.get(i));
  }

  private void builtin(Expr fun) {
    Obj o = fun instanceof Expr.Ident id ? outer.f.info.uses.get(id) : outer.f.info.uses.get(((Expr.Selector) fun).sel());
    Builtin.Id id = ((Builtin) o).id();
    switch (id) {
      case PANIC -> {
        load(0);
        mv.visitMethodInsn(INVOKESTATIC, "gopl/runtime/Panics", "panic", "(Ljava/lang/Object;)Lgopl/runtime/GoPanic;", false);
        mv.visitInsn(ATHROW);
      }
      case CLOSE -> {
        load(0);
        mv.visitMethodInsn(INVOKESTATIC, "gopl/runtime/conc/Chan", "close", "(Lgopl/runtime/conc/Chan;)V", false);
      }
      case DELETE -> {
        load(0);
        load(1);
        Bytecode.box(mv, f.gen.layout.desc(argTypes.get(1)));
        mv.visitMethodInsn(INVOKESTATIC, "gopl/runtime/GoMap", "delete", "(Lgopl/runtime/GoMap;Ljava/lang/Object;)V", false);
      }
      case RECOVER -> {
        // defer recover(): recover is the deferred function itself, so it is not "called directly
        // by a deferred function" (spec, "Handling panics"): it returns nil and stops nothing
      }
      case PRINT, PRINTLN -> {
        mv.visitTypeInsn(NEW, "java/lang/StringBuilder");
        mv.visitInsn(DUP);
        mv.visitMethodInsn(INVOKESPECIAL, "java/lang/StringBuilder", "<init>", "()V", false);
        for (int i = 0; i < argSlots.size(); i++) {
          if (id == Builtin.Id.PRINTLN && i > 0) {
            mv.visitLdcInsn(" ");
            mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/StringBuilder", "append", "(Ljava/lang/String;)Ljava/lang/StringBuilder;", false);
          }
          f.gen.descriptors.push(mv, argTypes.get(i));
          load(i);
          Bytecode.box(mv, f.gen.layout.desc(argTypes.get(i)));
          mv.visitMethodInsn(INVOKESTATIC, "gopl/runtime/RuntimePrint", "text", "(" + Descriptors.RTYPE_DESC + "Ljava/lang/Object;)Ljava/lang/String;", false);
          mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/StringBuilder", "append", "(Ljava/lang/String;)Ljava/lang/StringBuilder;", false);
        }
        if (id == Builtin.Id.PRINTLN) {
          mv.visitLdcInsn("\n");
          mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/StringBuilder", "append", "(Ljava/lang/String;)Ljava/lang/StringBuilder;", false);
        }
        mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/StringBuilder", "toString", "()Ljava/lang/String;", false);
        mv.visitFieldInsn(GETSTATIC, "gopl/runtime/Sys", "err", "Ljava/io/PrintStream;");
        mv.visitInsn(SWAP);
        mv.visitMethodInsn(INVOKESTATIC, "gopl/runtime/Sys", "write", "(Ljava/io/PrintStream;Ljava/lang/String;)V", false);
      }
      default -> throw new CodegenException(call.pos(), "not supported in GoPL code generator yet: defer/go " + id.goName);
    }
  }
}
