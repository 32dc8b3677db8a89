package gopl.bench;

/**
 * The hand-written Java twins of the functions of {@code features.gop} (issue 4): the same loops,
 * written as a Java programmer would (interfaces, records for value structs, try/finally for
 * defer), each returning a value that depends on every iteration.
 */
public final class FeaturesJava {
  private FeaturesJava() {}

  interface Shape {
    long area();
  }

  static final class Square implements Shape {
    long side;

    Square(long side) {
      this.side = side;
    }

    @Override
    public long area() {
      return side * side;
    }
  }

  static final class Rect implements Shape {
    final long w;
    final long h;

    Rect(long w, long h) {
      this.w = w;
      this.h = h;
    }

    @Override
    public long area() {
      return w * h;
    }
  }

  static final class Tri implements Shape {
    final long b;
    final long h;

    Tri(long b, long h) {
      this.b = b;
      this.h = h;
    }

    @Override
    public long area() {
      return b * h / 2;
    }
  }

  record Unit(long v) implements Shape {
    @Override
    public long area() {
      return v;
    }
  }

  record Point(long x, long y, long z, String name) {}

  public static long dispatchMono(long n) {
    Square sq = new Square(3);
    Shape s = sq;
    long t = 0;
    for (long i = 0; i < n; i++) {
      sq.side = i & 7;
      t += s.area();
    }
    return t;
  }

  public static long dispatchBi(long n) {
    Shape[] shapes = {new Square(3), new Rect(2, 5)};
    long t = 0;
    for (long i = 0; i < n; i++) t += shapes[(int) (i & 1)].area();
    return t;
  }

  public static long dispatchMega(long n) {
    Shape[] shapes = {new Square(3), new Rect(2, 5), new Tri(4, 3), new Unit(7)};
    long t = 0;
    for (long i = 0; i < n; i++) t += shapes[(int) (i & 3)].area();
    return t;
  }

  static Point move(Point p, long d) {
    return new Point(p.x() + d, p.y(), p.z(), p.name());
  }

  public static long structCopy(long n) {
    Point p = new Point(1, 2, 3, "p");
    for (long i = 0; i < n; i++) p = move(p, i & 3);
    return p.x();
  }

  public static long structCopyArray(long n) {
    Point[] ps = new Point[8];
    for (int i = 0; i < 8; i++) ps[i] = new Point(0, 0, 0, "");
    for (long i = 0; i < n; i++) {
      Point q = ps[(int) (i & 7)];
      q = new Point(q.x(), q.y() + i, q.z(), q.name());
      ps[(int) ((i + 1) & 7)] = q;
    }
    return ps[0].y();
  }

  static long deferred(long x) {
    long r = 0;
    try {
      r = x;
    } finally {
      r += 1;
    }
    return r;
  }

  static long plain(long x) {
    return x + 1;
  }

  public static long defer(long n) {
    long t = 0;
    for (long i = 0; i < n; i++) t += deferred(i);
    return t;
  }

  public static long noDefer(long n) {
    long t = 0;
    for (long i = 0; i < n; i++) t += plain(i);
    return t;
  }
}
