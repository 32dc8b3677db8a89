package gopl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gopl.cli.Main;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * os/signal as a server uses it, in a real process (signals are process-wide, so not in the
 * in-process harness): a GoPL program built into a jar registers SIGINT and SIGTERM with
 * {@code signal.Notify}, keeps running after the first signal, and chooses to exit after the
 * second; a program that never called Notify dies from SIGTERM as a JVM does (status 143). A
 * program waiting on {@code signal.NotifyContext}'s context sees it canceled by SIGINT or SIGTERM
 * (and a context derived from it too), and after {@code stop} the next SIGTERM kills it again.
 */
class SignalProcessTest {
  @TempDir static Path dir;
  static Path jar;
  static Path ctxJar;

  static final String PROGRAM = """
      package main

      import (
      	"fmt"
      	"os"
      	"os/signal"
      	"syscall"
      )

      func main() {
      	c := make(chan os.Signal, 1)
      	signal.Notify(c, os.Interrupt, syscall.SIGTERM)
      	fmt.Println("ready")
      	for i := 1; ; i++ {
      		s := <-c
      		fmt.Println("got", s)
      		if s == syscall.SIGTERM {
      			fmt.Println("cleanup after", i, "signals")
      			os.Exit(3)
      		}
      		fmt.Println("ready")
      	}
      }
      """;

  static final String CONTEXT_PROGRAM = """
      package main

      import (
      	"context"
      	"fmt"
      	"os"
      	"os/signal"
      	"syscall"
      	"time"
      )

      func main() {
      	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
      	defer stop()
      	work, cancel := context.WithTimeout(ctx, time.Hour)
      	defer cancel()
      	fmt.Println(ctx)
      	<-work.Done()
      	fmt.Println("done:", ctx.Err(), work.Err())
      	stop()
      	fmt.Println("stopped")
      	time.Sleep(time.Hour)
      }
      """;

  @BeforeAll
  static void build() throws Exception {
    jar = build("sig", PROGRAM);
    ctxJar = build("sigctx", CONTEXT_PROGRAM);
  }

  private static Path build(String name, String program) throws Exception {
    Path src = dir.resolve(name + ".gop");
    Files.writeString(src, program);
    Path out = dir.resolve(name + ".jar");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int built = new Main(new ByteArrayOutputStream(), err).run("build", "-o", out.toString(), src.toString());
    assertEquals(0, built, err.toString(StandardCharsets.UTF_8));
    return out;
  }

  @Test
  void testNotifyContext_interruptCancels() throws Exception {
    notifyContext("INT");
  }

  @Test
  void testNotifyContext_termCancels() throws Exception {
    notifyContext("TERM");
  }

  /** sig cancels the context; after stop, SIGTERM has its default effect again (status 143). */
  private static void notifyContext(String sig) throws Exception {
    Process p = new ProcessBuilder(Repo.java(), "-jar", ctxJar.toString()).redirectErrorStream(true).start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      assertEquals("signal.NotifyContext(context.Background, [interrupt terminated])", out.readLine());
      kill(sig, p.pid());
      assertEquals("done: context canceled context canceled", out.readLine());
      assertEquals("stopped", out.readLine());
      kill("TERM", p.pid());
      assertTrue(p.waitFor(30, TimeUnit.SECONDS), "still running");
      assertEquals(143, p.exitValue());
    } finally {
      p.destroyForcibly();
    }
  }

  @Test
  void testNotify_interruptKeepsRunningTermEnds() throws Exception {
    Process p = new ProcessBuilder(Repo.java(), "-jar", jar.toString()).redirectErrorStream(true).start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      List<String> lines = new ArrayList<>();
      assertEquals("ready", out.readLine());
      kill("INT", p.pid());
      lines.add(out.readLine());
      assertEquals("ready", out.readLine());
      kill("TERM", p.pid());
      lines.add(out.readLine());
      lines.add(out.readLine());
      assertTrue(p.waitFor(30, TimeUnit.SECONDS), "still running");
      assertEquals(List.of("got interrupt", "got terminated", "cleanup after 2 signals"), lines);
      assertEquals(3, p.exitValue());
    } finally {
      p.destroyForcibly();
    }
  }

  private static void kill(String sig, long pid) throws Exception {
    assertEquals(0, new ProcessBuilder("kill", "-s", sig, Long.toString(pid)).start().waitFor());
  }
}
