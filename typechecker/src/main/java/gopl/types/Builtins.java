package gopl.types;

import static gopl.types.Predicates.*;

import gopl.frontend.ast.Expr;
import gopl.frontend.ast.SourceFile;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builtin function calls (types2 builtins.go) plus GoPL's {@code pnew(T)} (typed like new) and
 * {@code pmake([]T, len[, cap])} (typed like make, slices only), and {@code unsafe.Sizeof}. The
 * builtin's signature at the call is recorded for the callee expression (mode BUILTIN).
 */
abstract class Builtins extends Calls {
  /** panic(...) calls in functions with results, for isTerminating. */
  final Set<Expr.Call> isPanic = Collections.newSetFromMap(new IdentityHashMap<>());

  Builtins(Package pkg, Info info, List<SourceFile> files, Map<String, Package> imports, int limit) {
    super(pkg, info, files, imports, limit);
  }

  private void recordBuiltinType(Expr f, Type result, Type... params) {
    List<Var> ps = new ArrayList<>();
    for (Type p : params) ps.add(new Var(f.pos(), null, "", p, Var.Kind.PARAM));
    List<Var> rs = new ArrayList<>();
    if (result != null) rs.add(new Var(f.pos(), null, "", result, Var.Kind.RESULT));
    Signature sig = new Signature(null, new Tuple(ps), new Tuple(rs), false);
    while (true) {
      info.types.put(f, new TypeAndValue(Mode.BUILTIN, sig, null));
      if (f instanceof Expr.Paren p) f = p.x();
      else break;
    }
  }

  @Override
  boolean builtin(Operand x, Expr.Call call, Builtin.Id id) {
    if (call.hasEllipsis() && id != Builtin.Id.APPEND) {
      errorf(call, INVALID_OP + "invalid use of ... with built-in %s", id.goName);
      use(call.args());
      return false;
    }
    boolean savedCallOrRecv = env.hasCallOrRecv;
    if (id == Builtin.Id.LEN || id == Builtin.Id.CAP) env.hasCallOrRecv = false;
    try {
      return builtin0(x, call, id);
    } finally {
      if (id == Builtin.Id.LEN || id == Builtin.Id.CAP) env.hasCallOrRecv = savedCallOrRecv;
    }
  }

  private boolean builtin0(Operand x, Expr.Call call, Builtin.Id id) {
    List<Operand> xlist = null;
    int nargs = call.args().size();
    switch (id) {
      case MAKE, NEW, PNEW, PMAKE -> {}
      default -> {
        xlist = exprList(call.args());
        nargs = xlist.size();
        if (nargs > 0) {
          x.set(xlist.get(0));
          if (x.mode == Mode.INVALID) return false;
        }
      }
    }
    String msg = nargs < id.nargs ? "not enough" : (!id.variadic && nargs > id.nargs) ? "too many" : null;
    if (msg != null) {
      errorf(call, INVALID_OP + "%s arguments for %s (expected %d, found %d)", msg, call, id.nargs, nargs);
      return false;
    }
    switch (id) {
      case APPEND -> {
        Type S = x.type;
        if (!(S.underlying() instanceof Slice s)) {
          String cause = x.isNil() ? "have untyped nil" : sprintf("have %s", x);
          errorf(x, "first argument to append must be a slice; %s", cause);
          return false;
        }
        Type T = s.elem();
        if (nargs == 2 && call.hasEllipsis()) {
          Operand y = xlist.get(1);
          if (y.mode == Mode.INVALID) return false;
          if (identical(T.underlying(), Typ.UINT8) && isString(y.type)) {
            if (isUntyped(y.type)) {
              convertUntyped(y, Typ.STRING);
            }
            recordBuiltinType(call.fun(), S, S, y.type);
            x.mode = Mode.VALUE;
            x.type = S;
            return true;
          }
        }
        List<Var> ps = List.of(new Var(call.pos(), null, "", S, Var.Kind.PARAM), new Var(call.pos(), null, "", new Slice(T), Var.Kind.PARAM));
        Signature sig = new Signature(null, new Tuple(ps), new Tuple(List.of(new Var(call.pos(), null, "", S, Var.Kind.RESULT))), true);
        arguments(call, sig, xlist);
        x.mode = Mode.VALUE;
        x.type = S;
        info.types.put(call.fun(), new TypeAndValue(Mode.BUILTIN, sig, null));
      }
      case CAP, LEN -> {
        Mode mode = Mode.INVALID;
        Constant val = null;
        Type t = x.type.underlying();
        if (t instanceof Pointer p && p.elem().underlying() instanceof Array a) t = a;
        switch (t) {
          case Basic b when isString(b) && id == Builtin.Id.LEN -> {
            if (x.mode == Mode.CONSTANT) {
              mode = Mode.CONSTANT;
              val = Constant.of(x.val.stringValue().length());
            } else {
              mode = Mode.VALUE;
            }
          }
          case Array a -> {
            mode = Mode.VALUE;
            if (!env.hasCallOrRecv) {
              mode = Mode.CONSTANT;
              val = a.len() >= 0 ? Constant.of(a.len()) : Constant.UNKNOWN;
            }
          }
          case Slice s -> mode = Mode.VALUE;
          case Chan c -> mode = Mode.VALUE;
          case MapType m -> {
            if (id == Builtin.Id.LEN) mode = Mode.VALUE;
          }
          default -> {}
        }
        if (mode == Mode.INVALID) {
          if (x.type.underlying() != Typ.INVALID) errorf(x, INVALID_ARG + "%s for %s", x, id.goName);
          return false;
        }
        if (isUntyped(x.type)) convertUntyped(x, Typ.STRING);
        if (mode != Mode.CONSTANT) recordBuiltinType(call.fun(), Typ.INT, x.type);
        x.mode = mode;
        x.type = Typ.INT;
        x.val = val;
      }
      case CLOSE -> {
        if (!(x.type.underlying() instanceof Chan ch)) {
          errorf(x, INVALID_OP + "cannot close non-channel %s", x);
          return false;
        }
        if (ch.dir() == Chan.Dir.RECV_ONLY) {
          errorf(x, INVALID_OP + "cannot close receive-only channel %s", x);
          return false;
        }
        x.mode = Mode.NOVALUE;
        recordBuiltinType(call.fun(), null, x.type);
      }
      case COPY -> {
        Operand y = xlist.get(1);
        if (y.mode == Mode.INVALID) return false;
        Slice dst = x.type.underlying() instanceof Slice s ? s : null;
        Type src0 = y.type.underlying();
        if (isString(src0)) src0 = new Slice(Typ.BYTE);
        Slice src = src0 instanceof Slice s ? s : null;
        if (dst == null || src == null) {
          errorf(x, INVALID_ARG + "copy expects slice arguments; found %s and %s", x, y);
          return false;
        }
        if (!identical(dst.elem(), src.elem())) {
          errorf(x, INVALID_ARG + "arguments to copy %s and %s have different element types %s and %s", x, y, dst.elem(), src.elem());
          return false;
        }
        if (isUntyped(y.type)) convertUntyped(y, Typ.STRING);
        recordBuiltinType(call.fun(), Typ.INT, x.type, y.type);
        x.mode = Mode.VALUE;
        x.type = Typ.INT;
      }
      case DELETE -> {
        if (!(x.type.underlying() instanceof MapType m)) {
          errorf(x, INVALID_ARG + "%s is not a map", x);
          return false;
        }
        Type mt = x.type;
        x.set(xlist.get(1));
        if (x.mode == Mode.INVALID) return false;
        assignment(x, m.key(), "argument to delete");
        if (x.mode == Mode.INVALID) return false;
        x.mode = Mode.NOVALUE;
        recordBuiltinType(call.fun(), null, mt, m.key());
      }
      case COMPLEX, REAL, IMAG -> {
        errorf(call, "not supported in GoPL: complex numbers");
        return false;
      }
      case MAKE, PMAKE -> {
        Expr arg0 = call.args().get(0);
        Type T = varType(arg0);
        if (T == Typ.INVALID) return false;
        int min;
        switch (T.underlying()) {
          case Slice s -> min = 2;
          case MapType m when id == Builtin.Id.MAKE -> min = 1;
          case Chan c when id == Builtin.Id.MAKE -> min = 1;
          default -> {
            if (id == Builtin.Id.PMAKE) errorf(arg0, INVALID_ARG + "cannot pmake %s; type must be slice", arg0);
            else errorf(arg0, INVALID_ARG + "cannot make %s; type must be slice, map, or channel", arg0);
            return false;
          }
        }
        if (nargs < min || min + 1 < nargs) {
          errorf(call, INVALID_OP + "%s expects %d or %d arguments; found %d", call, min, min + 1, nargs);
          return false;
        }
        List<Type> types = new ArrayList<>();
        types.add(T);
        List<Long> sizes = new ArrayList<>();
        for (Expr a : call.args().subList(1, nargs)) {
          Operand ix = new Operand();
          long[] r = index(a, -1);
          Type at = info.types.get(a) != null ? info.types.get(a).type() : Typ.INVALID;
          types.add(at);
          if (r != null && r[0] >= 0) sizes.add(r[0]);
        }
        if (sizes.size() == 2 && sizes.get(0) > sizes.get(1)) errorf(call.args().get(1), INVALID_ARG + "length and capacity swapped");
        x.mode = Mode.VALUE;
        x.type = T;
        recordBuiltinType(call.fun(), T, types.toArray(new Type[0]));
      }
      case NEW, PNEW -> {
        Type T = varType(call.args().get(0));
        if (T == Typ.INVALID) return false;
        x.mode = Mode.VALUE;
        x.type = new Pointer(T);
        recordBuiltinType(call.fun(), x.type, T);
      }
      case PANIC -> {
        if (env.sig != null && env.sig.results().size() > 0) isPanic.add(call);
        assignment(x, Universe.any(), "argument to panic");
        if (x.mode == Mode.INVALID) return false;
        x.mode = Mode.NOVALUE;
        recordBuiltinType(call.fun(), null, Universe.any());
      }
      case PRINT, PRINTLN -> {
        List<Type> params = new ArrayList<>();
        for (int i = 0; i < nargs; i++) {
          if (i > 0) x.set(xlist.get(i));
          assignment(x, null, "argument to " + id.goName);
          if (x.mode == Mode.INVALID) return false;
          params.add(x.type);
        }
        x.mode = Mode.NOVALUE;
        recordBuiltinType(call.fun(), null, params.toArray(new Type[0]));
      }
      case RECOVER -> {
        x.mode = Mode.VALUE;
        x.type = Universe.any();
        recordBuiltinType(call.fun(), x.type);
      }
      case UNSAFE_SIZEOF -> {
        assignment(x, null, "argument to unsafe.Sizeof");
        if (x.mode == Mode.INVALID) return false;
        long size = Sizes.sizeof(x.type);
        x.mode = Mode.CONSTANT;
        x.val = Constant.of(size);
        x.type = Typ.UINTPTR;
      }
    }
    return true;
  }
}
