package gopl.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import gopl.frontend.Diagnostic;
import gopl.frontend.LoadResult;
import gopl.frontend.Loader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract entry point: packages from the front end's Loader, several packages in a module. */
class LoaderCheckTest {
  @TempDir Path dir;

  private LoadResult load() throws IOException {
    Files.writeString(dir.resolve("gop.mod"), "module example.com/m\n\ngo 1.19\n");
    Files.createDirectories(dir.resolve("geom"));
    Files.writeString(dir.resolve("geom/geom.gop"), """
        package geom

        type Point struct {
        	X, Y int
        	tag  string
        }

        func (p Point) Sum() int { return p.X + p.Y }

        func area(w, h int) int { return w * h }

        const Origin = 0

        var Count int
        """);
    return new Loader().load(dir);
  }

  @Test
  void testModule_importedPackageIsChecked() throws IOException {
    Files.writeString(dir.resolve("main.gop"), """
        package main

        import "example.com/m/geom"

        func main() {
        	p := geom.Point{X: 1, Y: 2}
        	_ = p.Sum() + geom.Origin
        	geom.Count++
        }
        """);
    LoadResult lr = load();
    assertFalse(lr.hasErrors(), lr.diagnostics()::toString);
    CheckResult r = new Checker().check(lr.packagesInDependencyOrder());
    assertEquals(List.of(), r.diagnostics());
    assertEquals(2, r.packages().size());
    assertNotNull(r.info(lr.mainPackage()));
    assertEquals("geom", r.get("example.com/m/geom").pkg().name());
  }

  @Test
  void testModule_unexportedNamesAreInvisible() throws IOException {
    // expectations verified with go build (Go 1.19) on the same module renamed to .go
    Files.writeString(dir.resolve("main.gop"), """
        package main

        import "example.com/m/geom"

        func main() {
        	p := geom.Point{X: 1, Y: 2}
        	_ = geom.area(1, 2)
        	_ = p.tag
        	_ = geom.Point{1, 2, "t"}
        }
        """);
    LoadResult lr = load();
    CheckResult r = new Checker().check(lr.packagesInDependencyOrder());
    List<String> got = r.diagnostics().stream().map(d -> d.pos().line() + ":" + d.pos().column() + ": " + d.message()).toList();
    assertEquals(List.of(
        "7:11: undefined: geom.area",
        "8:8: p.tag undefined (type geom.Point has no field or method tag)",
        "9:23: implicit assignment to unexported field tag in geom.Point literal"), got);
  }
}
