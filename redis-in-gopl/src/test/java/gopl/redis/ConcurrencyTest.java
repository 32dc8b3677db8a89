package gopl.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/**
 * 50 clients run mixed commands on a small set of overlapping keys for {@code
 * -Dredis.concurrency.seconds} (default 10; the figure is 60): INCRBY on shared counters,
 * RPUSH, HINCRBY, SADD, and MSET of key pairs that live in different shards (always with one value
 * for both keys) while others read them with MGET. No deadlock (every client finishes), every
 * MGET sees a pair written by one MSET (atomicity under two-phase locking), and the final state
 * equals the model built from the acknowledged commands.
 */
class ConcurrencyTest {
  static final int CLIENTS = 50, KEYS = 8;
  @TempDir Path dir;

  @Test
  void fiftyClientsOnOverlappingKeys() throws Exception {
    long seconds = Long.getLong("redis.concurrency.seconds", 10);
    try (ServerProcess s = ServerProcess.gopl(dir.resolve("conc.heap"), System.getProperty("redis.domain", "none"))) {
      LongAdder[] counters = new LongAdder[KEYS];
      LongAdder[] pushes = new LongAdder[KEYS];
      Map<String, LongAdder> hashFields = new ConcurrentHashMap<>();
      Map<String, Boolean> members = new ConcurrentHashMap<>();
      for (int k = 0; k < KEYS; k++) {
        counters[k] = new LongAdder();
        pushes[k] = new LongAdder();
      }
      AtomicLong torn = new AtomicLong();
      LongAdder ops = new LongAdder();
      List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
      long end = System.currentTimeMillis() + seconds * 1000;
      List<Thread> threads = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        final int id = c;
        Thread t = new Thread(() -> {
          Random rnd = new Random(id);
          try (Jedis j = new Jedis("127.0.0.1", s.port, 60_000)) {
            for (long i = 0; System.currentTimeMillis() < end; i++) {
              int k = rnd.nextInt(KEYS);
              switch (rnd.nextInt(6)) {
                case 0 -> {
                  long d = rnd.nextInt(100) - 50;
                  j.incrBy("cnt:" + k, d);
                  counters[k].add(d);
                }
                case 1 -> {
                  j.rpush("list:" + k, id + ":" + i);
                  pushes[k].increment();
                }
                case 2 -> {
                  String f = "f" + rnd.nextInt(5);
                  j.hincrBy("hash:" + k, f, 1);
                  hashFields.computeIfAbsent(k + "/" + f, x -> new LongAdder()).increment();
                }
                case 3 -> {
                  String m = "m" + rnd.nextInt(100);
                  j.sadd("set:" + k, m);
                  members.put(k + "/" + m, true);
                }
                case 4 -> {
                  String v = id + ":" + i;
                  if (rnd.nextBoolean()) j.mset("pa:" + k, v, "pb:" + k, v);
                  else j.mset("pb:" + k, v, "pa:" + k, v);
                }
                default -> {
                  List<String> got = j.mget("pa:" + k, "pb:" + k);
                  if (!java.util.Objects.equals(got.get(0), got.get(1))) torn.incrementAndGet();
                }
              }
              ops.increment();
            }
          } catch (Throwable e) {
            failures.add(e);
          }
        });
        t.start();
        threads.add(t);
      }
      for (Thread t : threads) {
        t.join(seconds * 1000 + 120_000);
        assertTrue(!t.isAlive(), "a client is stuck: deadlock?\n" + s.log());
      }
      assertEquals(List.of(), failures);
      assertEquals(0, torn.get(), "MGET saw a half-applied MSET");
      try (Jedis j = new Jedis("127.0.0.1", s.port)) {
        for (int k = 0; k < KEYS; k++) {
          String c = j.get("cnt:" + k);
          assertEquals(counters[k].sum(), c == null ? 0 : Long.parseLong(c), "cnt:" + k);
          assertEquals(pushes[k].sum(), j.llen("list:" + k), "list:" + k);
          for (int f = 0; f < 5; f++) {
            LongAdder want = hashFields.get(k + "/f" + f);
            String got = j.hget("hash:" + k, "f" + f);
            assertEquals(want == null ? 0 : want.sum(), got == null ? 0 : Long.parseLong(got), "hash:" + k + " f" + f);
          }
          String prefix = k + "/";
          long wantMembers = members.keySet().stream().filter(x -> x.startsWith(prefix)).count();
          assertEquals(wantMembers, j.scard("set:" + k), "set:" + k);
          assertEquals(j.get("pa:" + k), j.get("pb:" + k), "pair " + k);
        }
      }
      System.out.printf("concurrency: %d clients, %d s, %d commands (%.0f/s)%n", CLIENTS, seconds, ops.sum(), ops.sum() / (double) seconds);
    }
  }
}
