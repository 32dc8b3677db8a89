package gopl.types;

import gopl.frontend.ast.SourceFile;
import java.util.List;

/**
 * The checker's input for one package: import path, package name, parsed files, whether it is a
 * std package. Mirrors the front end's {@code GoPackage}; {@link Checker#check(List)} takes them
 * in dependency order (every import before its importer; package main last).
 */
public record PackageSource(String importPath, String name, List<SourceFile> files, boolean std) {}
