package gopl.runtime.pmem;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A heap file mapped arena by arena with {@code FileChannel.map(mode, pos, size, Arena)}. Arenas
 * are separate mappings, so growing the heap never moves what is already mapped.
 */
public final class FileMedia implements Media {
  private final Path path;
  private final String name;
  private final FileChannel ch;
  private final boolean readOnly;
  private final boolean sync;
  private final Arena arena = Arena.ofShared();
  private final List<MemorySegment> arenas = new ArrayList<>();
  private boolean mapReadOnly;

  private FileMedia(Path path, FileChannel ch, boolean readOnly, boolean sync) {
    this.path = path;
    this.name = path.getFileName().toString();
    this.ch = ch;
    this.readOnly = readOnly;
    this.sync = sync;
    if (!readOnly) lock();
  }

  /** One writer at a time: two processes recovering or allocating in one heap would corrupt it. */
  private void lock() {
    try {
      if (ch.tryLock() == null) throw new HeapException(name + ": in use by another process");
    } catch (java.nio.channels.OverlappingFileLockException e) {
      closeQuietly();
      throw new HeapException(name + ": already open in this process");
    } catch (IOException e) {
      closeQuietly();
      throw new HeapException(name + ": cannot lock: " + e.getMessage(), e);
    } catch (HeapException e) {
      closeQuietly();
      throw e;
    }
  }

  private void closeQuietly() {
    try {
      ch.close();
    } catch (IOException ignored) {
      // reporting the lock failure matters more
    }
  }

  /**
   * Opens an existing file. {@code privateCopy} maps it copy-on-write (MapMode.PRIVATE): stores
   * reach only this process's memory, never the file (used by {@code check}); {@code sync} asks
   * for READ_WRITE_SYNC mappings (DAX only).
   */
  public static FileMedia open(Path path, boolean privateCopy, boolean sync) {
    boolean readOnly = privateCopy;
    String name = path.getFileName().toString();
    if (!Files.exists(path)) throw new HeapException(name + ": no such file");
    if (!Files.isRegularFile(path)) throw new HeapException(name + ": not a regular file");
    try {
      // a PRIVATE (copy-on-write) mapping needs a channel open for writing; nothing is written
      return new FileMedia(path, FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE),
          readOnly, sync);
    } catch (java.nio.file.AccessDeniedException e) {
      if (!readOnly) throw new HeapException(name + ": cannot open for writing: permission denied", e);
      try {
        FileMedia m = new FileMedia(path, FileChannel.open(path, StandardOpenOption.READ), true, false);
        m.mapReadOnly = true;
        return m;
      } catch (IOException e2) {
        throw new HeapException(name + ": cannot open: " + e2.getMessage(), e2);
      }
    } catch (IOException | SecurityException e) {
      throw new HeapException(name + ": cannot open: " + e.getMessage(), e);
    }
  }

  /** Creates a new, empty file; fails if it exists. */
  public static FileMedia create(Path path, boolean sync) {
    String name = path.getFileName().toString();
    try {
      FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
          StandardOpenOption.WRITE);
      return new FileMedia(path, ch, false, sync);
    } catch (java.nio.file.FileAlreadyExistsException e) {
      throw new HeapException(name + ": file exists");
    } catch (IOException | SecurityException e) {
      throw new HeapException(name + ": cannot create: " + e.getMessage(), e);
    }
  }

  public Path path() { return path; }
  @Override public String name() { return name; }
  @Override public int mapped() { return arenas.size(); }
  @Override public MemorySegment arena(int i) { return arenas.get(i); }
  /** Whether stores stay private to this process (copy-on-write mapping). */
  @Override public boolean readOnly() { return readOnly; }
  @Override public boolean syncMapped() { return sync; }

  @Override
  public long length() {
    try {
      return ch.size();
    } catch (IOException e) {
      throw new HeapException(name + ": " + e.getMessage(), e);
    }
  }

  @Override
  public byte[] readPrefix(int len) {
    ByteBuffer b = ByteBuffer.allocate(len);
    try {
      while (b.hasRemaining() && ch.read(b, b.position()) > 0) { }
    } catch (IOException e) {
      throw new HeapException(name + ": cannot read: " + e.getMessage(), e);
    }
    return b.array();
  }

  @Override
  public synchronized MemorySegment map(int i, long arenaSize) {
    if (i != arenas.size()) throw new IllegalStateException("arenas are mapped in order");
    long pos = i * arenaSize;
    try {
      if (readOnly && ch.size() < pos + arenaSize) throw new HeapException(name + ": truncated heap file");
      FileChannel.MapMode mode = mapReadOnly ? FileChannel.MapMode.READ_ONLY
          : readOnly ? FileChannel.MapMode.PRIVATE
          : sync ? jdk.nio.mapmode.ExtendedMapMode.READ_WRITE_SYNC : FileChannel.MapMode.READ_WRITE;
      MemorySegment s = ch.map(mode, pos, arenaSize, arena);
      arenas.add(s);
      return s;
    } catch (IOException | UnsupportedOperationException e) {
      throw new HeapException(name + ": cannot map arena " + i + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      arena.close();
    } finally {
      try {
        ch.close();
      } catch (IOException ignored) {
        // nothing left to release
      }
    }
  }
}
