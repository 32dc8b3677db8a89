package gopl.codegen;

import java.util.Map;
import java.util.Set;

/**
 * Which Java intrinsics (bodiless std functions) write into a {@code []byte} parameter
 * (docs/persistence.md, "Java std intrinsics that write into a persistent []byte"): after a call
 * of one of these, codegen writes what the native stored into a persistent slice's mirror through
 * to the heap ({@code PNatives.synced}); every other intrinsic only reads its byte slices and costs
 * nothing more than a plain call.
 *
 * <p>Guarantees: every bodiless std function with a byte-slice parameter is in exactly one of
 * {@link #WRITES} and {@link #READS} (the tests module checks this against the shipped std
 * sources, so a new intrinsic must be classified before it ships); an unclassified one is treated
 * as a writer of every byte-slice parameter (never loses a write).
 */
final class PersistNatives {
  private PersistNatives() {}

  /** "import/path.Func" -> indexes of the byte-slice parameters the native writes into. */
  static final Map<String, Set<Integer>> WRITES = Map.of(
      "internal/osfile.Read", Set.of(1), // read(2) into b
      "net.readTCP", Set.of(1), // socket read into b
      "net.readFromUDP", Set.of(1)); // datagram into b

  /** Intrinsics whose byte-slice parameters are only read. */
  static final Set<String> READS = Set.of(
      "internal/osfile.Write", "net.writeTCP", "net.writeToUDP", "net.connectUDP", "net.listenUDP", "net.listenTCP",
      "net.dialTCP", "fmt.setBytes");

  /** Whether intrinsic {@code pkg.name} may write into its byte-slice parameter number {@code index}. */
  static boolean writes(String pkg, String name, int index) {
    String key = pkg + "." + name;
    Set<Integer> w = WRITES.get(key);
    if (w != null) return w.contains(index);
    return !READS.contains(key);
  }
}
