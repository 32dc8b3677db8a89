package gopl.redis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * A real client library (Jedis) against redis-in-gopl and the reference redis-server: typed
 * commands, binary keys and values, a 1 MB value, a 1000-command pipeline, SCAN iteration over
 * 2000 keys (every key seen), and the exception texts Jedis surfaces.
 */
class JedisTest {
  interface Body {
    void run(Jedis j) throws Exception;
  }

  @TestFactory
  Stream<DynamicTest> jedis() throws Exception {
    List<DynamicTest> tests = new ArrayList<>();
    for (ServerProcess s : Servers.all()) {
      tests.add(t(s, "strings", JedisTest::strings));
      tests.add(t(s, "binary and large values", JedisTest::binary));
      tests.add(t(s, "pipeline", JedisTest::pipeline));
      tests.add(t(s, "scan iterates every key", JedisTest::scan));
      tests.add(t(s, "expire", JedisTest::expire));
      tests.add(t(s, "errors", JedisTest::errors));
    }
    return tests.stream();
  }

  static DynamicTest t(ServerProcess s, String name, Body body) {
    return DynamicTest.dynamicTest(s.kind + ": " + name, () -> {
      try (Jedis j = new Jedis("127.0.0.1", s.port)) {
        j.flushAll();
        body.run(j);
      }
    });
  }

  static void strings(Jedis j) {
    assertEquals("OK", j.set("a", "1"));
    assertEquals("1", j.get("a"));
    assertEquals(2, j.incr("a"));
    assertEquals(12, j.incrBy("a", 10));
    assertEquals(11, j.decr("a"));
    assertEquals(12.5, j.incrByFloat("a", 1.5));
    assertEquals("OK", j.mset("x", "1", "y", "2"));
    assertEquals(List.of("1", "2"), j.mget("x", "y"));
    assertEquals(1, j.setnx("z", "3"));
    assertEquals(0, j.setnx("z", "4"));
    assertEquals(5, j.append("z", "abcd"));
    assertEquals("3ab", j.getrange("z", 0, 2));
    assertEquals(5, j.setrange("z", 1, "XY"));
    assertEquals("3XYcd", j.get("z"));
    assertEquals(5, j.strlen("z"));
    assertEquals("3XYcd", j.getSet("z", "new"));
    assertNull(j.set("z", "v", SetParams.setParams().nx()));
    assertEquals("new", j.setGet("z", "v2"));
    assertEquals(4, j.exists("a", "x", "y", "z"));
    assertEquals(2, j.del("x", "y"));
    assertEquals("string", j.type("z"));
    assertEquals("OK", j.rename("z", "zz"));
    assertEquals(Set.of("a", "zz"), j.keys("*"));
    assertEquals(2, j.dbSize());
    assertEquals("PONG", j.ping());
    assertEquals("hi", j.echo("hi"));
  }

  static void binary(Jedis j) {
    byte[] key = {0, 1, 2, (byte) 0xff, '\r', '\n'};
    byte[] val = new byte[256];
    for (int i = 0; i < 256; i++) val[i] = (byte) i;
    assertEquals("OK", j.set(key, val));
    assertArrayEquals(val, j.get(key));
    byte[] big = new byte[1 << 20];
    new Random(1).nextBytes(big);
    assertEquals("OK", j.set("big".getBytes(), big));
    assertArrayEquals(big, j.get("big".getBytes()));
    assertEquals(big.length, j.strlen("big"));
  }

  static void pipeline(Jedis j) {
    Pipeline p = j.pipelined();
    List<Response<Long>> rs = new ArrayList<>();
    for (int i = 0; i < 1000; i++) rs.add(p.incr("ctr"));
    Response<String> last = p.get("ctr");
    p.sync();
    for (int i = 0; i < 1000; i++) assertEquals(i + 1, rs.get(i).get());
    assertEquals("1000", last.get());
  }

  static void scan(Jedis j) {
    Set<String> want = new HashSet<>();
    for (int i = 0; i < 2000; i++) {
      want.add("key:" + i);
      j.set("key:" + i, Integer.toString(i));
    }
    Set<String> seen = new HashSet<>();
    String cursor = ScanParams.SCAN_POINTER_START;
    int rounds = 0;
    do {
      ScanResult<String> r = j.scan(cursor, new ScanParams().count(50));
      seen.addAll(r.getResult());
      cursor = r.getCursor();
      rounds++;
    } while (!cursor.equals("0") && rounds < 10_000);
    assertEquals(want, seen);
    assertTrue(rounds > 1, "SCAN should take several rounds");
  }

  static void expire(Jedis j) throws InterruptedException {
    j.set("e", "v");
    assertEquals(1, j.pexpire("e", 150));
    assertTrue(j.pttl("e") > 0);
    Thread.sleep(300);
    assertNull(j.get("e"));
    assertEquals(-2, j.ttl("e"));
    j.set("f", "v", SetParams.setParams().px(100));
    Thread.sleep(1500); // the active expiry cycle deletes it without any access
    assertEquals(0, j.dbSize());
  }

  static void errors(Jedis j) {
    j.set("s", "abc");
    JedisDataException e = assertThrows(JedisDataException.class, () -> j.incr("s"));
    assertEquals("ERR value is not an integer or out of range", e.getMessage());
    e = assertThrows(JedisDataException.class, () -> j.rename("nothere", "x"));
    assertEquals("ERR no such key", e.getMessage());
    assertFalse(j.exists("nothere"));
    assertEquals("PONG", j.ping()); // the connection survives error replies
  }
}
