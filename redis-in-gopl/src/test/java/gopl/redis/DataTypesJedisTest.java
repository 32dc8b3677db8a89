package gopl.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.args.ListDirection;
import redis.clients.jedis.args.ListPosition;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.LPosParams;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.params.ZAddParams;
import redis.clients.jedis.params.ZParams;
import redis.clients.jedis.resps.ScanResult;
import redis.clients.jedis.resps.Tuple;

/**
 * Lists, hashes, sets and sorted sets through a real client library (Jedis) against
 * redis-in-gopl and the reference redis-server: Jedis's typed results (maps, tuples with parsed
 * doubles, scan cursors) and its exceptions, a list spanning many quicklist nodes, and HSCAN/SSCAN
 * iterations that see every field and member of 1000-element values.
 */
class DataTypesJedisTest {
  interface Body {
    void run(Jedis j) throws Exception;
  }

  @TestFactory
  Stream<DynamicTest> dataTypes() throws Exception {
    List<DynamicTest> tests = new ArrayList<>();
    for (ServerProcess s : Servers.all()) {
      tests.add(t(s, "lists", DataTypesJedisTest::lists));
      tests.add(t(s, "hashes", DataTypesJedisTest::hashes));
      tests.add(t(s, "sets", DataTypesJedisTest::sets));
      tests.add(t(s, "sorted sets", DataTypesJedisTest::sortedSets));
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

  static void lists(Jedis j) {
    List<String> model = new ArrayList<>();
    String[] batch = new String[500];
    for (int round = 0; round < 10; round++) {
      for (int i = 0; i < batch.length; i++) batch[i] = "element-" + round + "-" + i;
      j.rpush("l", batch);
      model.addAll(List.of(batch));
    }
    assertEquals(5000, j.llen("l"));
    assertEquals(model, j.lrange("l", 0, -1));
    assertEquals(model.subList(2500, 2510), j.lrange("l", 2500, 2509));
    assertEquals(model.get(4321), j.lindex("l", 4321));
    assertEquals(model.get(5000 - 77), j.lindex("l", -77));
    assertEquals("OK", j.lset("l", 3000, "x".repeat(10000)));
    model.set(3000, "x".repeat(10000));
    assertEquals(model.get(3000), j.lindex("l", 3000));
    assertEquals(5001, j.linsert("l", ListPosition.BEFORE, "element-5-5", "inserted"));
    model.add(model.indexOf("element-5-5"), "inserted");
    assertEquals(List.of(model.get(0), model.get(1)), j.lpop("l", 2));
    model.subList(0, 2).clear();
    assertEquals(model.get(model.size() - 1), j.rpop("l"));
    model.remove(model.size() - 1);
    assertEquals("OK", j.ltrim("l", 100, -100));
    model = new ArrayList<>(model.subList(100, model.size() - 99));
    assertEquals(model, j.lrange("l", 0, -1));
    assertEquals(Long.valueOf(model.indexOf("inserted")), j.lpos("l", "inserted"));
    assertEquals(List.of(), j.lpos("l", "nothing", LPosParams.lPosParams(), 0));
    assertEquals(model.get(model.size() - 1), j.lmove("l", "l2", ListDirection.RIGHT, ListDirection.LEFT));
    assertEquals(1, j.lrem("l", 0, "inserted"));
    assertNull(j.rpoplpush("nolist", "l2"));
    j.set("s", "v");
    JedisDataException e = assertThrows(JedisDataException.class, () -> j.lpush("s", "a"));
    assertEquals("WRONGTYPE Operation against a key holding the wrong kind of value", e.getMessage());
  }

  static void hashes(Jedis j) {
    Map<String, String> model = new HashMap<>();
    for (int i = 0; i < 1000; i++) model.put("field" + i, "value" + i);
    assertEquals(1000, j.hset("h", model));
    assertEquals(model, j.hgetAll("h"));
    assertEquals(model.keySet(), j.hkeys("h"));
    assertEquals(1000, j.hlen("h"));
    assertEquals(Arrays2.list("value7", null), j.hmget("h", "field7", "nofield"));
    assertEquals(12, j.hincrBy("h", "n", 12));
    assertEquals(13.5, j.hincrByFloat("h", "n", 1.5));
    assertTrue(j.hexists("h", "field999"));
    assertEquals(1, j.hdel("h", "field999", "nofield"));
    Set<String> seen = new HashSet<>();
    String cursor = ScanParams.SCAN_POINTER_START;
    do {
      ScanResult<Map.Entry<String, String>> r = j.hscan("h", cursor, new ScanParams().count(50));
      for (Map.Entry<String, String> e : r.getResult()) {
        if (e.getKey().startsWith("field")) assertEquals("value" + e.getKey().substring(5), e.getValue());
        seen.add(e.getKey());
      }
      cursor = r.getCursor();
    } while (!cursor.equals("0"));
    assertEquals(1000, seen.size()); // 999 fields + "n"
    JedisDataException e = assertThrows(JedisDataException.class, () -> j.hincrBy("h", "field1", 1));
    assertEquals("ERR hash value is not an integer", e.getMessage());
  }

  static void sets(Jedis j) {
    Set<String> model = new HashSet<>();
    for (int i = 0; i < 1000; i++) model.add("member" + i);
    assertEquals(1000, j.sadd("s1", model.toArray(new String[0])));
    assertEquals(model, j.smembers("s1"));
    assertEquals(3, j.sadd("s2", "member1", "member2", "other"));
    assertEquals(Set.of("member1", "member2"), j.sinter("s1", "s2"));
    assertEquals(1001, j.sunion("s1", "s2").size());
    assertEquals(Set.of("other"), j.sdiff("s2", "s1"));
    assertEquals(2, j.sinterstore("d", "s1", "s2"));
    assertEquals(List.of(true, false), j.smismember("d", "member1", "nope"));
    assertEquals(1, j.smove("s2", "d", "other"));
    assertEquals(3, j.scard("d"));
    Set<String> seen = new HashSet<>();
    String cursor = ScanParams.SCAN_POINTER_START;
    do {
      ScanResult<String> r = j.sscan("s1", cursor, new ScanParams().count(40));
      seen.addAll(r.getResult());
      cursor = r.getCursor();
    } while (!cursor.equals("0"));
    assertEquals(model, seen);
    List<String> popped = new ArrayList<>(j.spop("s1", 10));
    assertEquals(10, popped.size());
    assertEquals(990, j.scard("s1"));
    for (String m : popped) assertTrue(model.contains(m) && !j.sismember("s1", m));
    assertEquals(5, j.srandmember("s1", -5).size());
  }

  static void sortedSets(Jedis j) {
    Map<String, Double> scores = new HashMap<>();
    for (int i = 0; i < 1000; i++) scores.put("m" + i, i * 0.5);
    assertEquals(1000, j.zadd("z", scores));
    assertEquals(1000, j.zcard("z"));
    assertEquals(1.5, j.zscore("z", "m3"));
    assertEquals(999, j.zrevrank("z", "m0"));
    assertEquals(List.of("m10", "m11"), j.zrange("z", 10, 11));
    assertEquals(List.of(new Tuple("m999", 499.5)), j.zrevrangeWithScores("z", 0, 0));
    assertEquals(List.of("m4", "m5"), j.zrangeByScore("z", "(1.5", "2.5"));
    assertEquals(List.of("m18", "m17"), j.zrevrangeByScore("z", 10, 0, 2, 2));
    assertEquals(11, j.zcount("z", 0, 5));
    assertEquals(0, j.zadd("z", 2.0, "m0", ZAddParams.zAddParams().xx()));
    assertEquals(1.5, j.zaddIncr("z", -0.5, "m0", ZAddParams.zAddParams()));
    assertEquals(List.of(new Tuple("m1", 0.5)), j.zpopmin("z", 1));
    assertEquals(new Tuple("m999", 499.5), j.zpopmax("z"));
    assertEquals(0.1 + 0.2, j.zincrby("w", 0.1 + 0.2, "x"));
    assertEquals(3, j.zremrangeByRank("z", 0, 2));
    j.zadd("a", Map.of("x", 1.0, "y", 2.0));
    j.zadd("b", Map.of("y", 10.0, "q", 3.0));
    assertEquals(1, j.zinterstore("i", new ZParams().weights(2, 1).aggregate(ZParams.Aggregate.MAX), "a", "b"));
    assertEquals(List.of(new Tuple("y", 10.0)), j.zrangeWithScores("i", 0, -1));
    assertEquals(3, j.zunionstore("u", "a", "b"));
    assertEquals(List.of(new Tuple("x", 1.0), new Tuple("q", 3.0), new Tuple("y", 12.0)), j.zrangeWithScores("u", 0, -1));
    j.zadd("lex", Map.of("a", 0.0, "b", 0.0, "c", 0.0));
    assertEquals(List.of("b", "c"), j.zrangeByLex("lex", "(a", "+"));
    assertEquals(2, j.zlexcount("lex", "[b", "[c"));
    JedisDataException e = assertThrows(JedisDataException.class, () -> j.zrangeByScore("z", "x", "1"));
    assertEquals("ERR min or max is not a float", e.getMessage());
  }

  /** List.of refuses nulls. */
  static final class Arrays2 {
    static List<String> list(String... a) {
      return java.util.Arrays.asList(a);
    }
  }
}
