package gopl.types;

import gopl.frontend.Pos;
import gopl.frontend.ast.Decl;
import gopl.frontend.ast.Expr;
import gopl.frontend.ast.SourceFile;
import gopl.frontend.ast.Spec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks one package (types2 check.go checkFiles, resolver.go): collects the package-level
 * objects of all files (declarations in any order), type-checks them (types first), then the
 * function bodies, computes the initialisation order, reports unused imports and records the
 * types of expressions that stayed untyped.
 */
final class PackageChecker extends Decls {
  /** Imported package names of all files, in source order (for "imported and not used"). */
  private final List<PkgName> importNames = new ArrayList<>();

  PackageChecker(Package pkg, Info info, List<SourceFile> files, Map<String, Package> imports, int limit) {
    super(pkg, info, files, imports, limit);
  }

  void checkPackage() {
    try {
      collectObjects();
      packageObjects();
      resolveWaiting();
      while (!later.isEmpty()) later.poll().run();
      info.initOrder.addAll(InitOrder.compute(objMap, this::error));
      unusedImports();
      missingMain();
      recordUntyped();
    } catch (Errors.Bailout b) {
      // too many errors: stop like gc
    }
  }

  // ---- resolver ----

  private void collectObjects() {
    Set<Package> pkgImports = new HashSet<>();
    List<Func[]> methodList = new ArrayList<>();
    List<Decl.Func> methodDecls = new ArrayList<>();
    for (SourceFile file : files) {
      Scope fileScope = new Scope(pkg.scope(), file.pos(), "file " + file.path(), false);
      recordScope(file, fileScope);
      if (file.packageName() != null) recordDef(file.packageName(), null);
      for (Decl decl : file.decls()) {
        switch (decl) {
          case Decl.Gen g -> collectGen(g, fileScope, pkgImports);
          case Decl.Func f -> collectFunc(f, fileScope, methodList, methodDecls);
          case Decl.Bad b -> {}
        }
      }
    }
    // verify that objects in package and file scopes have different names
    for (Scope fs : pkg.scope().children()) {
      for (Obj alt : fs.objects()) {
        Obj obj = pkg.scope().lookup(alt.name());
        if (obj != null && alt instanceof PkgName pn) {
          error(alt.pos(), alt.name() + " already declared through import of " + pn.imported() + "\n\t" + obj.pos() + ": other declaration of " + obj.name());
        }
      }
    }
    // associate methods with receiver base type names
    for (int i = 0; i < methodDecls.size(); i++) {
      Decl.Func f = methodDecls.get(i);
      Expr t = f.recv().type();
      if (t instanceof Expr.Paren p) t = p.x();
      if (t instanceof Expr.Star s) t = s.x();
      if (t instanceof Expr.Paren p) t = p.x();
      if (t instanceof Expr.Ident id && pkg.scope().lookup(id.name()) instanceof TypeName tn && objMap.containsKey(tn)) {
        methods.computeIfAbsent(tn, k -> new ArrayList<>()).add(methodList.get(i)[0]);
      }
    }
  }

  private void collectGen(Decl.Gen g, Scope fileScope, Set<Package> pkgImports) {
    switch (g.kind()) {
      case IMPORT -> {
        for (Spec sp : g.specs()) importSpec((Spec.Import) sp, fileScope, pkgImports);
      }
      case CONST -> {
        Spec.Value last = null;
        for (Spec sp : g.specs()) {
          Spec.Value s = (Spec.Value) sp;
          boolean inherited = false;
          Spec.Value src = s;
          if (s.type() != null || !s.values().isEmpty()) last = s;
          else if (last != null) {
            src = last;
            inherited = true;
          }
          for (int i = 0; i < s.names().size(); i++) {
            Expr.Ident name = s.names().get(i);
            Const obj = new Const(name.pos(), pkg, name.name(), null, null);
            DeclInfo d = new DeclInfo(fileScope);
            d.vtyp = src.type();
            d.init = i < src.values().size() ? src.values().get(i) : null;
            d.inherited = inherited;
            d.iota = Constant.of(s.iota());
            declarePkgObj(name, obj, d);
          }
          arity(s.pos(), s.names(), src.values(), true, inherited);
        }
      }
      case VAR -> {
        for (Spec sp : g.specs()) {
          Spec.Value s = (Spec.Value) sp;
          List<Var> lhs = new ArrayList<>();
          for (Expr.Ident name : s.names()) lhs.add(new Var(name.pos(), pkg, name.name(), null, Var.Kind.PACKAGE));
          DeclInfo d1 = null;
          if (s.values().size() == 1 && s.names().size() > 1) {
            d1 = new DeclInfo(fileScope);
            d1.lhs = lhs;
            d1.vtyp = s.type();
            d1.init = s.values().get(0);
          }
          for (int i = 0; i < s.names().size(); i++) {
            DeclInfo d = d1;
            if (d == null) {
              d = new DeclInfo(fileScope);
              d.vtyp = s.type();
              d.init = i < s.values().size() ? s.values().get(i) : null;
            }
            declarePkgObj(s.names().get(i), lhs.get(i), d);
          }
          if (s.type() == null || !s.values().isEmpty()) arity(s.pos(), s.names(), s.values(), false, false);
        }
      }
      case TYPE -> {
        for (Spec sp : g.specs()) {
          Spec.Type s = (Spec.Type) sp;
          TypeName obj = new TypeName(s.name().pos(), pkg, s.name().name(), null);
          DeclInfo d = new DeclInfo(fileScope);
          d.tdecl = s;
          declarePkgObj(s.name(), obj, d);
        }
      }
    }
  }

  private void importSpec(Spec.Import s, Scope fileScope, Set<Package> pkgImports) {
    Constant pc = Literals.stringLit(s.path().value());
    String path = pc == null ? "" : pc.stringValue();
    if (path.isEmpty()) {
      errorf(s.path(), "invalid import path: %s", s.path().value());
      return;
    }
    Package imp = path.equals("unsafe") ? Universe.unsafe() : importsByPath.get(path);
    if (imp == null) {
      errorf(s.path(), "could not import %s (package not found)", path);
      return;
    }
    String name = s.name() != null ? s.name().name() : imp.name();
    if (name.equals("init")) {
      errorf(s, "cannot import package as init - init must be a func");
      return;
    }
    if (pkgImports.add(imp)) pkg.imports().add(imp);
    PkgName pkgName = new PkgName(s.pos(), pkg, name, imp);
    if (s.name() != null) recordDef(s.name(), pkgName);
    else recordImplicit(s, pkgName);
    importNames.add(pkgName);
    if (name.equals(".")) {
      for (Obj o : imp.scope().objects()) {
        if (o.exported()) {
          Obj alt = fileScope.lookup(o.name());
          if (alt != null) {
            errorf(s.name(), "%s redeclared in this block", alt.name());
          } else {
            fileScope.insert(o);
            dotImports.computeIfAbsent(fileScope, k -> new java.util.HashMap<>()).put(o.name(), pkgName);
          }
        }
      }
    } else if (!name.equals("_")) {
      Obj alt = fileScope.insert(pkgName);
      if (alt != null) reportRedeclared(pkgName, alt);
    }
  }

  private void collectFunc(Decl.Func f, Scope fileScope, List<Func[]> methodList, List<Decl.Func> methodDecls) {
    String name = f.name().name();
    Func obj = new Func(f.name().pos(), pkg, name, null);
    obj.setDecl(f);
    if (f.recv() == null) {
      if (name.equals("init") || (name.equals("main") && pkg.name().equals("main"))) {
        if (!f.type().params().isEmpty() || !f.type().results().isEmpty()) {
          error(f.name().pos(), "func " + name + " must have no arguments and no return values");
        }
      }
      if (name.equals("init")) {
        obj.parent = pkg.scope();
        recordDef(f.name(), obj);
        if (f.body() == null) error(obj.pos(), "missing function body");
      } else {
        declare(pkg.scope(), f.name(), obj);
      }
    } else {
      if (!name.equals("_")) {
        methodList.add(new Func[] {obj});
        methodDecls.add(f);
      }
      recordDef(f.name(), obj);
    }
    DeclInfo d = new DeclInfo(fileScope);
    d.fdecl = f;
    objMap.put(obj, d);
  }

  private void declarePkgObj(Expr.Ident ident, Obj obj, DeclInfo d) {
    if (ident.name().equals("init")) {
      errorf(ident, "cannot declare init - must be func");
      return;
    }
    if (ident.name().equals("main") && pkg.name().equals("main")) {
      errorf(ident, "cannot declare main - must be func");
      return;
    }
    declare(pkg.scope(), ident, obj);
    objMap.put(obj, d);
  }

  /** Type-checks all package-level objects: non-alias types, aliases, then the rest, in source order. */
  private void packageObjects() {
    List<Obj> objList = new ArrayList<>(objMap.keySet());
    List<Obj> aliases = new ArrayList<>(), others = new ArrayList<>();
    for (Obj o : objList) {
      if (o instanceof TypeName tn && objMap.get(o).tdecl != null) {
        if (objMap.get(o).tdecl.alias()) aliases.add(o);
        else objDecl(o, null);
      } else {
        others.add(o);
      }
    }
    for (Obj o : aliases) objDecl(o, null);
    for (Obj o : others) objDecl(o, null);
    methods.clear();
  }

  /**
   * A main package must declare func main. gc's linker reports this without a position
   * ("function main is undeclared in the main package"); here it is reported at the package
   * clause of the first file, and only when the package has no other error (gc never links a
   * package that failed to type-check, e.g. one declaring {@code var main = ...}).
   */
  private void missingMain() {
    if (!pkg.name().equals("main") || pkg.std() || files.isEmpty() || errors.count() > 0) return;
    if (pkg.scope().lookup("main") instanceof Func) return;
    SourceFile f = files.get(0);
    error(f.packageName() != null ? f.packageName().pos() : f.pos(), "function main is undeclared in the main package");
  }

  private void unusedImports() {
    for (PkgName obj : importNames) {
      if (obj.used || obj.name().equals("_")) continue;
      String path = obj.imported().path();
      String elem = path.substring(path.lastIndexOf('/') + 1);
      String q = Quote.quote(Literals.bytes(path));
      if (obj.name().equals(".") || obj.name().equals(elem)) error(obj.pos(), "imported and not used: " + q);
      else error(obj.pos(), "imported and not used: " + q + " as " + obj.name());
    }
  }
}
