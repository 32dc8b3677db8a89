package gopl.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/**
 * Every acknowledged write survives {@code kill -9}: writers issue acknowledged INCR, RPUSH, HSET,
 * SADD, SET (and ZADD when sorted sets exist) while the server is killed at a random moment;
 * after each restart every structure holds exactly the acknowledged writes, or those plus the one
 * write per writer that was in flight, in order, and every earlier round is unchanged.
 * {@code -Dredis.kills=N} (default 4; the figure is 30), {@code -Dredis.domain=D}.
 */
class DurabilityKillTest {
  static final int WRITERS = 4;
  @TempDir Path dir;

  /** What one writer of one round had acknowledged when the server died. */
  static final class Writer {
    volatile long acked; // operations fully acknowledged (each op = one command per structure)
    volatile long ackedCommands;
  }

  @Test
  void killNineKeepsEveryAcknowledgedWrite() throws Exception {
    int kills = Integer.getInteger("redis.kills", 4);
    String domain = System.getProperty("redis.domain", "msync");
    Path heap = dir.resolve("kill.heap");
    Random rnd = new Random(Long.getLong("redis.seed", 7));
    Map<String, String> expectedSnapshots = new HashMap<>();
    ServerProcess s = ServerProcess.gopl(heap, domain);
    boolean zsets = hasCommand(s.port, "zadd");
    try {
      for (int round = 0; round < kills; round++) {
        Writer[] writers = new Writer[WRITERS];
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
          writers[w] = new Writer();
          final int fw = w, fr = round, port = s.port;
          Thread t = new Thread(() -> write(port, fr, fw, writers[fw], stop, zsets));
          t.start();
          threads.add(t);
        }
        Thread.sleep(300 + rnd.nextInt(1200));
        s.kill();
        stop.set(true);
        for (Thread t : threads) t.join(30_000);
        s = ServerProcess.gopl(heap, domain);
        try (Jedis j = new Jedis("127.0.0.1", s.port)) {
          for (int w = 0; w < WRITERS; w++) verifyRound(j, round, w, writers[w], zsets, expectedSnapshots);
          for (Map.Entry<String, String> e : expectedSnapshots.entrySet()) {
            assertEquals(e.getValue(), snapshot(j, e.getKey(), zsets), "earlier round changed: " + e.getKey());
          }
        }
        assertTrue(s.log().contains("recovered in"), s.log());
      }
    } finally {
      s.close();
    }
  }

  static boolean hasCommand(int port, String name) {
    try (Jedis j = new Jedis("127.0.0.1", port)) {
      Object info = j.sendCommand(redis.clients.jedis.Protocol.Command.COMMAND, "INFO", name);
      return info instanceof List<?> l && !l.isEmpty() && l.get(0) != null;
    }
  }

  static String tag(int round, int w) {
    return round + ":" + w;
  }

  /** One writer: op i = INCR c, RPUSH l i, HSET h f:i i, SADD s m:i, [ZADD z i m:i], SET k:i i. */
  static void write(int port, int round, int w, Writer st, AtomicBoolean stop, boolean zsets) {
    String t = tag(round, w);
    try (Jedis j = new Jedis("127.0.0.1", port)) {
      for (long i = 1; !stop.get(); i++) {
        String v = Long.toString(i);
        j.incr("c:" + t);
        st.ackedCommands++;
        j.rpush("l:" + t, v);
        st.ackedCommands++;
        j.hset("h:" + t, "f:" + v, v);
        st.ackedCommands++;
        j.sadd("s:" + t, "m:" + v);
        st.ackedCommands++;
        if (zsets) {
          j.zadd("z:" + t, i, "m:" + v);
          st.ackedCommands++;
        }
        j.set("k:" + t + ":" + v, v);
        st.ackedCommands++;
        st.acked = i;
      }
    } catch (RuntimeException killed) {
      // the server died: what was acknowledged is in st
    }
  }

  /** Checks a round's structures against the writer's acknowledgements; records the snapshot. */
  static void verifyRound(Jedis j, int round, int w, Writer st, boolean zsets, Map<String, String> snapshots) {
    String t = tag(round, w);
    long perOp = zsets ? 6 : 5;
    long acked = st.acked;
    long cmds = st.ackedCommands;
    long c = j.get("c:" + t) == null ? 0 : Long.parseLong(j.get("c:" + t));
    // each structure holds the acknowledged ops, plus at most the one in flight
    long full = cmds / perOp; // ops whose every command was acknowledged
    assertTrue(acked <= full, "bookkeeping");
    checkPrefix("counter " + t, c, full, cmds, perOp, 0);
    List<String> list = j.lrange("l:" + t, 0, -1);
    checkPrefix("list " + t, list.size(), full, cmds, perOp, 1);
    for (int i = 0; i < list.size(); i++) assertEquals(Integer.toString(i + 1), list.get(i), "list " + t + " order");
    Map<String, String> h = j.hgetAll("h:" + t);
    checkPrefix("hash " + t, h.size(), full, cmds, perOp, 2);
    for (int i = 1; i <= h.size(); i++) assertEquals(Integer.toString(i), h.get("f:" + i), "hash " + t);
    Set<String> set = j.smembers("s:" + t);
    checkPrefix("set " + t, set.size(), full, cmds, perOp, 3);
    Set<String> want = new HashSet<>();
    for (int i = 1; i <= set.size(); i++) want.add("m:" + i);
    assertEquals(want, set, "set " + t);
    if (zsets) {
      List<String> z = j.zrange("z:" + t, 0, -1);
      checkPrefix("zset " + t, z.size(), full, cmds, perOp, 4);
      for (int i = 0; i < z.size(); i++) assertEquals("m:" + (i + 1), z.get(i), "zset " + t + " order");
    }
    snapshots.put(t, snapshot(j, t, zsets));
  }

  /** A structure's count n after cmds acknowledged commands: it got the op's command number k. */
  static void checkPrefix(String what, long n, long full, long cmds, long perOp, int k) {
    long ackedHere = full + (cmds % perOp > k ? 1 : 0);
    assertTrue(n >= ackedHere && n <= ackedHere + 1, what + " has " + n + " elements, acknowledged " + ackedHere);
  }

  static String snapshot(Jedis j, String t, boolean zsets) {
    return j.get("c:" + t) + "|" + j.lrange("l:" + t, 0, -1) + "|" + new java.util.TreeMap<>(j.hgetAll("h:" + t))
        + "|" + new java.util.TreeSet<>(j.smembers("s:" + t)) + (zsets ? "|" + j.zrange("z:" + t, 0, -1) : "");
  }
}
