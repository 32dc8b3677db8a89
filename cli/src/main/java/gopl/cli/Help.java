package gopl.cli;

import java.util.Map;

/** The usage texts of {@code gopl help} and of {@code -h}/{@code --help} on each command. */
final class Help {
  private Help() {}

  static final String MAIN =
      """
      GoPL compiles Go programs (with go-pmem's persistent-memory extensions) to JVM bytecode.

      Usage:

      \tgopl <command> [arguments]

      The commands are:

      \trun       compile and run a program
      \tbuild     compile a program to a self-contained runnable jar
      \tcheck     report compile errors without building
      \ttest      run the TestXxx, BenchmarkXxx and ExampleXxx functions of a package
      \trepl      interactive GoPL session (gopl repl -h)
      \theap      inspect a persistent heap file: create, info, check, roots, gc
      \tversion   print the GoPL version
      \thelp      print help about a command

      Use "gopl help <command>" for more information about a command.
      """;

  static final Map<String, String> COMMANDS =
      Map.of(
          "run",
          """
          usage: gopl run [-v] FILE.gop|DIR [--] [arguments...]

          Run compiles the program in FILE.gop, or the package in directory DIR (its module
          root is the nearest directory above with a gop.mod), and runs it in this process.
          The arguments after the program are its os.Args[1:]. The exit status is the
          program's: 0 when main returns, N for os.Exit(N), 2 for an unrecovered panic;
          1 when the program does not compile, 2 for a usage mistake.

          -v    print the compiler's time per phase (parse, check, codegen) on stderr
          """,
          "build",
          """
          usage: gopl build [-o OUTPUT] [-v] FILE.gop|DIR

          Build compiles the program to a runnable jar that carries the GoPL runtime and
          standard library, so that `java -jar OUTPUT` runs it with nothing else installed
          (Java 22 or newer). Without -o the jar is named after the file (hello.gop ->
          hello.jar) or directory, in the current directory; -o DIR/ writes it into DIR.

          -o OUTPUT   the jar to write
          -v          print the compiler's time per phase (parse, check, codegen, write)
          """,
          "check",
          """
          usage: gopl check [-parse] [-v] PATH...

          Check reports compile errors in the given .gop files or package directories
          without generating code, one per line as FILE:LINE:COL: MESSAGE on stderr. The
          exit status is 1 when there are errors.

          -parse   check syntax only; directories are searched recursively for .gop (and .go) files
          -v       print the time per phase
          """,
          "test",
          """
          usage: gopl test [-v] [-run REGEX] [-bench REGEX] [DIR]

          Test runs the package in DIR (default ".") with its _test.gop files, like go test:
          every func TestXxx(t *testing.T), every func ExampleXxx() that has an // Output:
          comment, and, with -bench, every func BenchmarkXxx(b *testing.B) whose name
          matches. It prints --- FAIL: lines for failing tests, then "ok" or "FAIL" with
          the package; the exit status is 1 when a test fails or the package does not compile.

          -v            print every test's name and result, and all log output
          -run REGEX    run only the tests and examples whose names match
          -bench REGEX  run the benchmarks whose names match ("." for all)
          """,
          "version",
          """
          usage: gopl version

          Version prints the GoPL version and the Java feature version it runs on.
          """,
          "help",
          """
          usage: gopl help [command]

          Help prints help about gopl or one of its commands.
          """);
}
