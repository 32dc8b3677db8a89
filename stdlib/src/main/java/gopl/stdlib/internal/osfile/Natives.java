package gopl.stdlib.internal.osfile;

import gopl.runtime.ByteSlice;
import gopl.runtime.Sys;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Java intrinsics of internal/osfile (package os's files). Guarantees: fd 1 and 2 write the
 * bytes as-is to Sys.out / Sys.err (contract 5); fd 0 reads System.in; other fds are
 * FileChannels numbered from 3 in opening order; failures map to Unix errno numbers whose
 * texts are Go's syscall.Errno strings.
 */
public final class Natives {
  private Natives() {}

  static final int ENOENT = 2, EBADF = 9, EACCES = 13, EEXIST = 17, ENOTDIR = 20, EISDIR = 21,
      EINVAL = 22, ENOTEMPTY = 39, EIO = 5;

  // Go's O_* values on linux/amd64.
  static final int O_WRONLY = 0x1, O_RDWR = 0x2, O_CREATE = 0x40, O_EXCL = 0x80, O_TRUNC = 0x200,
      O_APPEND = 0x400;

  private static final Map<Integer, FileChannel> files = new HashMap<>();
  private static int nextFd = 3;

  public static String ErrnoText(long errno) {
    return switch ((int) errno) {
      case ENOENT -> "no such file or directory";
      case EBADF -> "bad file descriptor";
      case EACCES -> "permission denied";
      case EEXIST -> "file exists";
      case ENOTDIR -> "not a directory";
      case EISDIR -> "is a directory";
      case EINVAL -> "invalid argument";
      case ENOTEMPTY -> "directory not empty";
      default -> "input/output error";
    };
  }

  private static int errno(IOException e) {
    if (e instanceof NoSuchFileException) return ENOENT;
    if (e instanceof FileAlreadyExistsException) return EEXIST;
    if (e instanceof AccessDeniedException) return EACCES;
    if (e instanceof NotDirectoryException) return ENOTDIR;
    if (e instanceof DirectoryNotEmptyException) return ENOTEMPTY;
    return EIO;
  }

  public static Object[] Write(long fd, ByteSlice b) {
    int n = b == null ? 0 : b.len;
    if (fd == 1 || fd == 2) {
      // Go's os.Stdout/os.Stderr are unbuffered: a Write through *os.File is visible at once (a
      // server's log line must not wait for exit). fmt.Print* keeps Sys's buffering.
      java.io.PrintStream s = fd == 1 ? Sys.out : Sys.err;
      if (n > 0) s.write(b.a, b.off, n);
      s.flush();
      return new Object[] {(long) n, 0L};
    }
    FileChannel ch;
    synchronized (files) {
      ch = files.get((int) fd);
    }
    if (ch == null) return new Object[] {0L, (long) EBADF};
    try {
      ByteBuffer buf = ByteBuffer.wrap(b == null ? new byte[0] : b.a, b == null ? 0 : b.off, n);
      int total = 0;
      while (buf.hasRemaining()) total += ch.write(buf);
      return new Object[] {(long) total, 0L};
    } catch (IOException e) {
      return new Object[] {0L, (long) errno(e)};
    }
  }

  public static Object[] Read(long fd, ByteSlice b) {
    int n = b == null ? 0 : b.len;
    if (n == 0) return new Object[] {0L, 0L, false};
    gopl.runtime.conc.Go.blocking(); // stdin, a pipe or a FIFO may wait for a writer
    try {
      int got;
      if (fd == 0) {
        Sys.out.flush();
        InputStream in = System.in;
        got = in.read(b.a, b.off, n);
      } else {
        FileChannel ch;
        synchronized (files) {
          ch = files.get((int) fd);
        }
        if (ch == null) return new Object[] {0L, (long) EBADF, false};
        got = ch.read(ByteBuffer.wrap(b.a, b.off, n));
      }
      if (got < 0) return new Object[] {0L, 0L, true};
      return new Object[] {(long) got, 0L, false};
    } catch (IOException e) {
      return new Object[] {0L, (long) (e.getMessage() != null && e.getMessage().contains("directory") ? EISDIR : EIO), false};
    }
  }

  public static long Open(String name, long flag, int perm) {
    Path p = Path.of(gopl.runtime.fmt.Utf8.toJava(name));
    Set<OpenOption> opts = new HashSet<>();
    int acc = (int) flag & 3;
    if (acc == 0 || acc == O_RDWR) opts.add(StandardOpenOption.READ);
    if (acc == O_WRONLY || acc == O_RDWR) opts.add(StandardOpenOption.WRITE);
    if ((flag & O_APPEND) != 0) opts.add(StandardOpenOption.APPEND);
    if ((flag & O_CREATE) != 0) {
      opts.add((flag & O_EXCL) != 0 ? StandardOpenOption.CREATE_NEW : StandardOpenOption.CREATE);
    }
    if ((flag & O_TRUNC) != 0 && acc != 0) opts.add(StandardOpenOption.TRUNCATE_EXISTING);
    try {
      if (Files.isDirectory(p)) {
        if (acc != 0) return -EISDIR;
        // Directories open for reading (Readdir is not supported); reads fail with EISDIR.
      }
      boolean existed = Files.exists(p);
      FileChannel ch = Files.isDirectory(p) ? null : FileChannel.open(p, opts);
      if (!existed && (flag & O_CREATE) != 0) setPerm(p, perm);
      synchronized (files) {
        int fd = nextFd++;
        if (ch != null) files.put(fd, ch);
        return fd;
      }
    } catch (IOException e) {
      return -errno(e);
    }
  }

  private static void setPerm(Path p, int perm) {
    try {
      Set<PosixFilePermission> s = new HashSet<>();
      PosixFilePermission[] all = PosixFilePermission.values(); // OWNER_READ .. OTHERS_EXECUTE
      for (int i = 0; i < 9; i++) if ((perm & (1 << (8 - i))) != 0) s.add(all[i]);
      Files.setPosixFilePermissions(p, s);
    } catch (IOException | UnsupportedOperationException e) {
      // Best effort, as the process umask would be.
    }
  }

  public static long Close(long fd) {
    if (fd >= 0 && fd <= 2) return 0;
    FileChannel ch;
    synchronized (files) {
      ch = files.remove((int) fd);
    }
    if (ch == null) return fd >= 3 && fd < nextFd ? 0 : EBADF;
    try {
      ch.close();
      return 0;
    } catch (IOException e) {
      return errno(e);
    }
  }

  public static long Remove(String name) {
    try {
      Files.delete(Path.of(gopl.runtime.fmt.Utf8.toJava(name)));
      return 0;
    } catch (IOException e) {
      return errno(e);
    }
  }

  public static long MkdirAll(String name, int perm) {
    Path p = Path.of(gopl.runtime.fmt.Utf8.toJava(name));
    try {
      if (Files.isDirectory(p)) return 0;
      if (Files.exists(p)) return ENOTDIR;
      Files.createDirectories(p);
      return 0;
    } catch (IOException e) {
      return errno(e);
    }
  }

  public static Object[] Getenv(String key) {
    String v = System.getenv(gopl.runtime.fmt.Utf8.toJava(key));
    return new Object[] {v == null ? "" : gopl.runtime.fmt.Utf8.fromJava(v), v != null};
  }

  public static Object[] Stat(String name) {
    Path p = Path.of(gopl.runtime.fmt.Utf8.toJava(name));
    try {
      BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
      int mode = 0;
      try {
        for (PosixFilePermission perm : Files.getPosixFilePermissions(p)) mode |= 1 << (8 - perm.ordinal());
      } catch (UnsupportedOperationException e) {
        mode = 0644;
      }
      long nanos = a.lastModifiedTime().toInstant().getEpochSecond() * 1_000_000_000L + a.lastModifiedTime().toInstant().getNano();
      return new Object[] {a.size(), mode, nanos, a.isDirectory(), 0L};
    } catch (IOException e) {
      return new Object[] {0L, 0, 0L, false, (long) errno(e)};
    }
  }
}
