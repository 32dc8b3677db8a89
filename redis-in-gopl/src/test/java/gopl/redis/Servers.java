package gopl.redis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The servers every reply test runs against, started once per test JVM and killed at its exit:
 * redis-in-gopl (a fresh heap, domain {@code none}: the replies do not depend on the domain and
 * the kill tests cover durability) and, when installed, the reference {@code redis-server}, so
 * that every expectation is proven on real Redis 7 in the same run.
 */
final class Servers {
  private static List<ServerProcess> servers;

  private Servers() {}

  static synchronized List<ServerProcess> all() throws IOException, InterruptedException {
    if (servers != null) return servers;
    List<ServerProcess> list = new ArrayList<>();
    Path dir = Files.createTempDirectory("redis-tests");
    list.add(ServerProcess.gopl(dir.resolve("replies.heap"), "none"));
    if (ServerProcess.redisInstalled() && !Boolean.getBoolean("redis.noPeer")) list.add(ServerProcess.redis(dir));
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      for (ServerProcess s : list) s.process.destroyForcibly();
    }));
    servers = list;
    return servers;
  }

  static ServerProcess gopl() throws IOException, InterruptedException {
    return all().get(0);
  }
}
