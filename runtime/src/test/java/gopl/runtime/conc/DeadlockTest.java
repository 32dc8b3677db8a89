package gopl.runtime.conc;

import static gopl.runtime.conc.ConcTesting.runScenario;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gopl.runtime.conc.ConcTesting.Child;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Whole-program behaviour checked against Go 1.19's output for the same programs (see {@link
 * Scenarios}): deadlock reports, what is not a deadlock, crashes and fatal errors, each run in a
 * child JVM because it ends the program.
 */
@Execution(ExecutionMode.SAME_THREAD)
class DeadlockTest {
  private static final String DEADLOCK = "fatal error: all goroutines are asleep - deadlock!\n\n";

  private static void assertDeadlock(Child c, String goroutines) {
    assertEquals(DEADLOCK + goroutines, c.err());
    assertEquals(2, c.exit());
  }

  @Test
  void testDeadlock_mainReceivesAfterSenderExited() throws Exception {
    assertDeadlock(runScenario("recvAfterSenderExits"), "goroutine 1 [chan receive]:\nmain.main()\n\t?:0\n");
  }

  @Test
  void testDeadlock_listsEveryGoroutineWithGoWaitReason() throws Exception {
    Child c = runScenario("mutexAndSelectNoCases");
    assertTrue(c.err().matches("(?s)\\Q" + DEADLOCK + "goroutine 1 [semacquire]:\nmain.main()\n\t?:0\n\n\\Egoroutine \\d+ \\[select \\(no cases\\)\\]:\n"), c.err());
    assertEquals(2, c.exit());
  }

  @Test
  void testDeadlock_condNilChanSelectWaitGroup() throws Exception {
    Child c = runScenario("manyReasons");
    String err = c.err();
    assertTrue(err.startsWith(DEADLOCK + "goroutine 1 [semacquire]:\nmain.main()\n\t?:0\n"), err);
    assertTrue(err.contains(" [sync.Cond.Wait]:\n"), err);
    assertTrue(err.contains(" [chan send (nil chan)]:\n"), err);
    assertTrue(err.contains(" [select]:\n"), err);
    assertEquals(2, c.exit());
  }

  @Test
  void testDeadlock_mainOnAVirtualThread() throws Exception {
    Child c = runScenario("runMainDeadlock");
    assertTrue(c.err().matches("(?s)\\Q" + DEADLOCK + "goroutine 1 [chan receive]:\nmain.main()\n\t?:0\n\n\\Egoroutine \\d+ \\[chan receive\\]:\n"), c.err());
    assertEquals(2, c.exit());
  }

  @Test
  void testDeadlock_nilChannelReceive() throws Exception {
    assertDeadlock(runScenario("nilRecv"), "goroutine 1 [chan receive (nil chan)]:\nmain.main()\n\t?:0\n");
  }

  @Test
  void testDeadlock_afterSelectsConsumedEverything() throws Exception {
    Child c = runScenario("selectRing");
    assertEquals("sent\nsent all\n", c.out());
    assertDeadlock(c, "goroutine 1 [select]:\nmain.main()\n\t?:0\n");
  }

  @Test
  void testDeadlock_onceCalledFromItsOwnFunction() throws Exception {
    assertDeadlock(runScenario("onceReentry"), "goroutine 1 [semacquire]:\nmain.main()\n\t?:0\n");
  }

  @Test
  void testDeadlock_whenTheOnlyTimerIsStopped() throws Exception {
    assertDeadlock(runScenario("stoppedTimerDeadlocks"), "goroutine 1 [chan receive]:\nmain.main()\n\t?:0\n");
  }

  @Test
  void testNoDeadlock_whileAGoroutineSleeps() throws Exception {
    Child c = runScenario("sleeperIsNoDeadlock");
    assertEquals("got 7\n", c.out());
    assertEquals("", c.err());
    assertEquals(0, c.exit());
  }

  @Test
  void testNoDeadlock_whileATimerIsPending() throws Exception {
    Child c = runScenario("timerIsNoDeadlock");
    assertEquals("got tick\n", c.out());
    assertEquals(0, c.exit());
  }

  @Test
  void testNoDeadlock_afterFuncWakesMain() throws Exception {
    Child c = runScenario("afterFuncWakes");
    assertEquals("got 1\n", c.out());
    assertEquals(0, c.exit());
  }

  @Test
  void testNoDeadlock_manyGoroutinesEndingNormally() throws Exception {
    Child c = runScenario("waitGroupOk");
    assertEquals("sum 500500\n", c.out());
    assertEquals("", c.err());
    assertEquals(0, c.exit());
  }

  @Test
  void testExit_mainReturnsWhileGoroutinesRun() throws Exception {
    Child c = runScenario("mainReturns");
    assertEquals("bye\n", c.out());
    assertEquals(0, c.exit());
  }

  @Test
  void testCrash_panicInGoroutineEndsProgram() throws Exception {
    Child c = runScenario("goroutinePanic");
    assertTrue(c.err().startsWith("panic: boom\n\ngoroutine "), c.err());
    assertEquals(2, c.exit());
  }

  @Test
  void testCrash_closeOfNilChannel() throws Exception {
    Child c = runScenario("closeNil");
    assertTrue(c.err().startsWith("panic: close of nil channel\n\ngoroutine 1 [running]:\n"), c.err());
    assertEquals(2, c.exit());
  }

  @Test
  void testFatal_unlockOfUnlockedMutex() throws Exception {
    Child c = runScenario("unlockUnlocked");
    assertEquals("fatal error: sync: unlock of unlocked mutex\n\ngoroutine 1 [running]:\nmain.main()\n\t?:0\n", c.err());
    assertEquals(2, c.exit());
  }

  @Test
  void testFatal_rUnlockOfUnlockedRWMutex() throws Exception {
    Child c = runScenario("rUnlockUnlocked");
    assertTrue(c.err().startsWith("fatal error: sync: RUnlock of unlocked RWMutex\n\n"), c.err());
    assertEquals(2, c.exit());
  }

  @Test
  void testFatal_unlockOfUnlockedRWMutex() throws Exception {
    Child c = runScenario("rwUnlockUnlocked");
    assertTrue(c.err().startsWith("fatal error: sync: Unlock of unlocked RWMutex\n\n"), c.err());
    assertEquals(2, c.exit());
  }
}
