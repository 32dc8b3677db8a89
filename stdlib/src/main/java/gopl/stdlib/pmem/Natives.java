package gopl.stdlib.pmem;

import gopl.runtime.persist.PRt;

/** Java intrinsics of package pmem (pmem/pmem.gop): the program's persistent heap and its roots. */
public final class Natives {
  private Natives() {}

  public static boolean Init(String fileName) {
    return PRt.init(fileName);
  }

  public static boolean InitDomain(String fileName, String domain) {
    return PRt.init(fileName, domain);
  }

  public static String Domain() {
    return PRt.domain();
  }

  public static Object New(String name, Object intf) {
    return PRt.newRoot(name, intf);
  }

  public static Object Get(String name, Object intf) {
    return PRt.getRoot(name, intf);
  }

  public static Object makeRoot(String name, Object intf, long n) {
    return PRt.makeRoot(name, intf, n);
  }

  public static void Close() {
    PRt.close();
  }

  public static String Stats() {
    return PRt.stats();
  }
}
