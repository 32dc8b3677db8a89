package gopl.runtime.pmem;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The persistent description of a Go type as laid out in the heap (DESIGN.md §4): Go's layout,
 * fields in order with natural alignment; nested structs and arrays are flattened into their
 * leaves ({@code "pos.x"}, {@code "buf[3]"}). The pointer map and the structural hash derive
 * from the fields.
 *
 * @param name the qualified Go type name ({@code main.Node})
 * @param size bytes of one value (an element of an array object)
 * @param align alignment in bytes
 * @param fields the leaves in offset order
 */
public record TypeDesc(String name, long size, int align, List<Field> fields) {

  /** How the collector and the checker treat a field's words. */
  public enum Kind {
    /** No pointers. */
    SCALAR,
    /** 8 bytes: a heap offset or 0. */
    POINTER,
    /** 24 bytes: (offset, len, cap). */
    SLICE,
    /** 16 bytes: (offset, len). */
    STRING,
    /** 16 bytes: (type word, payload); the payload is a heap offset iff bit 63 of the type word is set. */
    IFACE,
    /** 8 bytes: a volatile reference (boot epoch, table index); never a heap offset. */
    VOLATILE
  }

  /** One leaf of the layout; {@code type} is the Go type as written ({@code *main.Node}). */
  public record Field(String name, String type, long offset, long size, Kind kind) {}

  public TypeDesc {
    fields = List.copyOf(fields);
    if (size <= 0 || align <= 0 || Integer.bitCount(align) != 1) throw new IllegalArgumentException("bad size/align for " + name);
  }

  /** A scalar type without fields ({@code int64}). */
  public static TypeDesc scalar(String name, long size) {
    return new TypeDesc(name, size, (int) Math.min(8, Long.highestOneBit(size)), List.of());
  }

  /** Offsets (within one value) of the words the collector must follow. */
  long[] pointerWords() {
    List<Long> out = new ArrayList<>();
    for (Field f : fields) {
      switch (f.kind()) {
        case POINTER, SLICE, STRING -> out.add(f.offset());
        case IFACE -> out.add(-(f.offset() + 1)); // negative: an interface at offset -(w+1)
        default -> { }
      }
    }
    return out.stream().mapToLong(Long::longValue).toArray();
  }

  /** FNV-1a over the layout (size, alignment, each field's name, type, offset, size, kind). */
  public long structuralHash() {
    long h = 0xcbf29ce484222325L;
    for (byte b : encodeLayout()) {
      h ^= b & 0xFF;
      h *= 0x100000001b3L;
    }
    return h;
  }

  private byte[] encodeLayout() {
    ByteArrayOutputStream bo = new ByteArrayOutputStream();
    try (DataOutputStream o = new DataOutputStream(bo)) {
      o.writeLong(size);
      o.writeInt(align);
      o.writeInt(fields.size());
      for (Field f : fields) {
        o.writeUTF(f.name());
        o.writeUTF(f.type());
        o.writeLong(f.offset());
        o.writeLong(f.size());
        o.writeByte(f.kind().ordinal());
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return bo.toByteArray();
  }

  /** The stored form: name, layout, hash. */
  byte[] encode() {
    ByteArrayOutputStream bo = new ByteArrayOutputStream();
    try (DataOutputStream o = new DataOutputStream(bo)) {
      o.writeUTF(name);
      o.write(encodeLayout());
      o.writeLong(structuralHash());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return bo.toByteArray();
  }

  /** Decodes {@link #encode}'s form; throws IOException if malformed or the hash disagrees. */
  static TypeDesc decode(byte[] b) throws IOException {
    DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(b));
    String name = in.readUTF();
    long size = in.readLong();
    int align = in.readInt();
    int n = in.readInt();
    if (n < 0 || n > b.length) throw new IOException("bad field count");
    List<Field> fs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String fn = in.readUTF(), ft = in.readUTF();
      long off = in.readLong(), sz = in.readLong();
      int k = in.readUnsignedByte();
      if (k >= Kind.values().length) throw new IOException("bad field kind");
      fs.add(new Field(fn, ft, off, sz, Kind.values()[k]));
    }
    TypeDesc t;
    try {
      t = new TypeDesc(name, size, align, fs);
    } catch (IllegalArgumentException e) {
      throw new IOException(e.getMessage());
    }
    if (in.readLong() != t.structuralHash()) throw new IOException("structural hash mismatch");
    return t;
  }

  /** Says how {@code now} differs from this (stored) layout, naming the first differing field. */
  String differenceFrom(TypeDesc now) {
    int n = Math.max(fields.size(), now.fields.size());
    for (int i = 0; i < n; i++) {
      Field was = i < fields.size() ? fields.get(i) : null;
      Field is = i < now.fields.size() ? now.fields.get(i) : null;
      if (was == null) return "field " + is.name() + ": new field " + describe(is);
      if (is == null) return "field " + was.name() + ": removed (was " + describe(was) + ")";
      if (!was.equals(is)) {
        if (!was.name().equals(is.name())) return "field " + was.name() + ": was " + describe(was) + ", now field " + is.name() + " " + describe(is);
        return "field " + was.name() + ": was " + describe(was) + ", now " + describe(is);
      }
    }
    return "size was " + size + " (align " + align + "), now " + now.size + " (align " + now.align + ")";
  }

  private static String describe(Field f) {
    return f.type() + " at offset " + f.offset() + " (" + f.size() + " bytes)";
  }
}
