package gopl.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The issue-2 slice end to end; expected outputs are what Go 1.19 prints for the same programs. */
class HelloTest {
  @Test
  void testHelloWorld() {
    var r = GoRunner.run("""
        package main

        import "fmt"

        func main() {
        	fmt.Println("hello, world")
        }
        """);
    assertEquals("hello, world\n", r.stdout());
    assertEquals(0, r.exitCode());
  }
}
