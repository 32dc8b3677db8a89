package gopl.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import gopl.frontend.Parser;
import gopl.types.CheckResult;
import gopl.types.Checker;
import gopl.types.PackageSource;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Programs of several user packages: exported functions, types, methods and variables across packages, init order. */
class MultiPackageTest {
  @Test
  void testImportedPackage_typesMethodsVarsAndInitOrder() {
    var geo = Parser.parse("geo/geo.gop", """
        package geo

        import "fmt"

        var Origin = Point{0, 0}
        var Count int

        func init() { Count = 10; fmt.Println("geo init") }

        type Point struct{ X, Y int }

        func (p Point) String() string { return fmt.Sprintf("(%d,%d)", p.X, p.Y) }
        func (p *Point) Move(dx int) { p.X += dx; Count++ }

        type Shape interface{ Area() int }
        type Sq int
        func (s Sq) Area() int { return int(s * s) }
        """).file();
    var main = Parser.parse("main.gop", """
        package main

        import (
        	"fmt"
        	"example.com/geo"
        )

        func main() {
        	p := geo.Point{1, 2}
        	p.Move(3)
        	var s geo.Shape = geo.Sq(4)
        	fmt.Println(p, geo.Origin, geo.Count, s.Area())
        	fmt.Printf("%T %v\\n", s, s)
        }
        """).file();
    List<PackageSource> pkgs = new java.util.ArrayList<>(GoRunner.std("fmt"));
    pkgs.add(new PackageSource("example.com/geo", "geo", List.of(geo), false));
    pkgs.add(new PackageSource("main", "main", List.of(main), false));
    CheckResult cr = new Checker().check(pkgs);
    assertEquals(List.of(), cr.diagnostics());
    var r = GoRunner.runClasses(GoRunner.generate(cr));
    assertEquals("geo init\n(4,2) (0,0) 11 16\ngeo.Sq 4\n", r.stdout());
  }
}
