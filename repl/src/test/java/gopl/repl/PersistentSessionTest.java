package gopl.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A session with a persistent heap (--heap, docs/repl.md "Persistence"): pnew, pmake, txn and
 * named roots in the REPL, and what a later session on the same heap file finds. (Two REPL
 * processes in a row: {@link ReplProcessesTest}.)
 */
class PersistentSessionTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private Session session;

  private void open() {
    if (session != null) session.close();
    session = new Session(new PrintStream(out, true, StandardCharsets.ISO_8859_1),
        new PrintStream(err, true, StandardCharsets.UTF_8), dir.resolve("repl.heap").toString());
  }

  @AfterEach
  void stop() {
    if (session != null) session.close();
  }

  /** Evaluates inputs (each must succeed) and returns what the last one printed on stdout. */
  private String eval(String... inputs) {
    for (String in : inputs) {
      out.reset();
      err.reset();
      assertTrue(session.eval(in), () -> in + ": " + err.toString(StandardCharsets.UTF_8));
    }
    return out.toString(StandardCharsets.ISO_8859_1);
  }

  private String errors() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void testNamedRoot_survivesTheSession() {
    open();
    eval("type Counter struct{ n int; name string }", "c := (*Counter)(pmem.New(\"counter\", (*Counter)(nil)))");
    assertEquals("0 (int)\n", eval("c.n"));
    eval("txn() { c.n += 41; c.name = \"answer\" }", "c.n++");
    open();
    eval("type Counter struct{ n int; name string }");
    assertEquals("false (bool)\n", eval("c := (*Counter)(pmem.Get(\"counter\", (*Counter)(nil))); c == nil"));
    assertEquals("42 answer\n", eval("fmt.Println(c.n, c.name)"));
    assertEquals("true (bool)\n", eval("pmem.Get(\"nothing\", (*Counter)(nil)) == nil"));
  }

  @Test
  void testPnewPmakeAndLinkedObjects() {
    open();
    eval("type Node struct{ v int; next *Node; vals []int; tags []string }",
        "root := (*Node)(pmem.New(\"list\", (*Node)(nil)))");
    eval("txn() {\n\tfor i := 1; i <= 3; i++ {\n\t\tn := pnew(Node)\n\t\tn.v = i\n\t\tn.next = root.next\n\t\troot.next = n\n\t}\n"
        + "\troot.vals = pmake([]int, 2)\n\troot.vals[1] = 7\n\troot.tags = pmake([]string, 1)\n\troot.tags[0] = \"t\"\n}");
    open();
    eval("type Node struct{ v int; next *Node; vals []int; tags []string }", "root := (*Node)(pmem.Get(\"list\", (*Node)(nil)))");
    assertEquals("3 2 1 \n", eval("for n := root.next; n != nil; n = n.next { fmt.Print(n.v, \" \") }; fmt.Println()"));
    assertEquals("7 t\n", eval("fmt.Println(root.vals[1], root.tags[0])"));
  }

  @Test
  void testTxnPanic_rollsBack_sessionGoesOn() {
    open();
    eval("type Acct struct{ bal int }", "a := (*Acct)(pmem.New(\"acct\", (*Acct)(nil)))", "txn() { a.bal = 100 }");
    assertFalse(session.eval("txn() {\n\ta.bal = 0\n\tpanic(\"abort\")\n}"));
    assertTrue(errors().startsWith("panic: abort\n"), errors());
    assertEquals("100 (int)\n", eval("a.bal"));
    open();
    eval("type Acct struct{ bal int }");
    assertEquals("100 (int)\n", eval("(*Acct)(pmem.Get(\"acct\", (*Acct)(nil))).bal"));
  }

  @Test
  void testTypeDeclaredBeforeUse_volatileAndPersistentValuesMix() {
    open();
    eval("type P struct{ x, y int }", "func (p *P) Sum() int { return p.x + p.y }", "v := P{1, 2}", "q := &v");
    eval("pp := pnew(P)", "*pp = v", "pp.y = 10");
    assertEquals("3 11 {1 2} (int int main.P)\n", eval("fmt.Printf(\"%d %d %v (%T %T %T)\\n\", q.Sum(), pp.Sum(), v, q.x, pp.y, *pp)"));
  }

  @Test
  void testChangedLayout_clearErrorWhenGetMeetsTheOldRoot() {
    open();
    eval("type T struct{ a int }", "t := (*T)(pmem.New(\"t\", (*T)(nil)))", "t.a = 5");
    open();
    eval("type T struct{ a int32; b string }");
    assertFalse(session.eval("t := (*T)(pmem.Get(\"t\", (*T)(nil)))"));
    assertTrue(errors().startsWith("panic: pmem: repl.heap: type main.T changed layout since the heap was written: field a:"), errors());
    // the same type name redefined in the session meets the same check
    eval("type T struct{ a int }");
    assertEquals("5 (int)\n", eval("(*T)(pmem.Get(\"t\", (*T)(nil))).a"));
  }

  @Test
  void testTypeThatCannotBePersistent_staysVolatile() {
    open();
    eval("type M struct{ m map[string]int }", "x := M{map[string]int{\"a\": 1}}", "x.m[\"b\"] = 2");
    assertEquals("2 (int)\n", eval("len(x.m)"));
    assertFalse(session.eval("p := pnew(M)"));
    assertTrue(errors().contains("not supported in GoPL: a map in persistent memory (field m of main.M"), errors());
  }

  @Test
  void testHeapCommand_andPmemInitAdoptsTheSessionHeap() {
    open();
    eval("type C struct{ n int }", "c := (*C)(pmem.New(\"c\", (*C)(nil)))");
    assertEquals("false (bool)\n", eval("pmem.Init(\"ignored.heap\")")); // not fresh: the session's heap has a root
    String info = session.heapInfo();
    assertTrue(info.startsWith("persistent heap: " + dir.resolve("repl.heap") + "\n  domain: "), info);
    assertTrue(info.matches("(?s).*  size:   \\d+ bytes.*  used:   \\d+ bytes.*  roots:  1\n    c \\*main.C\n"), info);
  }
}
