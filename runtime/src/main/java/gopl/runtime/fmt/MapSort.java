package gopl.runtime.fmt;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The key order in which fmt prints maps, as Go's {@code internal/fmtsort} defines it: ints and
 * uints numerically, strings bytewise, floats numerically with NaN first, false before true,
 * pointers and channels by address, structs field by field, arrays element by element, and
 * interface keys nil first, then by dynamic type, then by value. The sort is stable.
 *
 * <p>One deliberate difference: Go orders interface keys of different dynamic types by the
 * address of their type descriptors (arbitrary, though fixed within one binary); this class
 * orders them by type string, which is deterministic.
 */
final class MapSort {
    private MapSort() {}

    static List<Map.Entry<GoValue, GoValue>> sorted(GoValue map) {
        List<Map.Entry<GoValue, GoValue>> es = new ArrayList<>(map.mapEntries());
        es.sort(Comparator.comparing(Map.Entry::getKey, MapSort::compare));
        return es;
    }

    static int compare(GoValue a, GoValue b) {
        Kind k = a.type().kind();
        if (k != b.type().kind()) {
            return -1;
        }
        switch (k) {
            case INT, INT8, INT16, INT32, INT64 -> {
                return Long.compare(a.longValue(), b.longValue());
            }
            case UINT, UINT8, UINT16, UINT32, UINT64, UINTPTR -> {
                return Long.compareUnsigned(a.longValue(), b.longValue());
            }
            case STRING -> {
                return a.stringValue().compareTo(b.stringValue());
            }
            case FLOAT32, FLOAT64 -> {
                return floatCompare(a.doubleValue(), b.doubleValue());
            }
            case BOOL -> {
                return Boolean.compare(a.boolValue(), b.boolValue());
            }
            case POINTER, UNSAFE_POINTER, CHAN -> {
                return Long.compareUnsigned(a.address(), b.address());
            }
            case STRUCT -> {
                for (int i = 0; i < a.type().numFields(); i++) {
                    int c = compare(a.field(i), b.field(i));
                    if (c != 0) {
                        return c;
                    }
                }
                return 0;
            }
            case ARRAY -> {
                for (int i = 0; i < a.len(); i++) {
                    int c = compare(a.index(i), b.index(i));
                    if (c != 0) {
                        return c;
                    }
                }
                return 0;
            }
            case INTERFACE -> {
                GoValue x = a.elem();
                GoValue y = b.elem();
                if (x == null || y == null) {
                    return x == null ? (y == null ? 0 : -1) : 1;
                }
                int c = x.type().string().compareTo(y.type().string());
                return c != 0 ? c : compare(x, y);
            }
            default -> throw new IllegalArgumentException("bad map key type " + a.type().string());
        }
    }

    private static int floatCompare(double a, double b) {
        if (a < b) {
            return -1;
        } else if (a > b) {
            return 1;
        } else if (a == b) {
            return 0;
        }
        boolean an = Double.isNaN(a);
        boolean bn = Double.isNaN(b);
        return an && !bn ? -1 : !an && bn ? 1 : 0;
    }
}
