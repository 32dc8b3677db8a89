package gopl.tests;

import java.io.ByteArrayOutputStream;

/**
 * Captures a program's output up to a limit (default 8 MiB) and drops the rest, so a runaway
 * program fails its test instead of exhausting the suite's heap.
 */
final class BoundedOutput extends ByteArrayOutputStream {
  static final int LIMIT = Integer.getInteger("gopl.outputLimit", 8 << 20);
  private boolean truncated;

  @Override
  public synchronized void write(int b) {
    if (count < LIMIT) super.write(b);
    else truncated = true;
  }

  @Override
  public synchronized void write(byte[] b, int off, int len) {
    int room = Math.max(0, LIMIT - count);
    if (len > room) truncated = true;
    super.write(b, off, Math.min(len, room));
  }

  synchronized boolean truncated() {
    return truncated;
  }
}
