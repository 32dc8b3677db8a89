package gopl.runtime.fmt;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Reads the tab-separated golden files produced by the Go generators under gen/. */
final class GoldenFiles {
    private GoldenFiles() {}

    /** The lines of a resource next to this class, split at tabs (all fields kept). */
    static List<String[]> read(String name) throws IOException {
        InputStream in = GoldenFiles.class.getResourceAsStream(name);
        assertNotNull(in, "missing test resource " + name);
        List<String[]> rows = new ArrayList<>();
        // ISO-8859-1: one char per byte, the engine's byte-string convention.
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1))) {
            for (String line; (line = r.readLine()) != null; ) {
                rows.add(line.split("\t", -1));
            }
        }
        return rows;
    }

    /** Decodes lower-case hex into a byte string. */
    static String unhex(String hex) {
        byte[] b = HexFormat.of().parseHex(hex);
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    /** Collects mismatches and fails with the first few. */
    static final class Mismatches {
        private final List<String> list = new ArrayList<>();
        private int checked;

        void check(String what, String expected, String actual) {
            checked++;
            if (!expected.equals(actual)) {
                list.add(what + ": expected [" + expected + "] got [" + actual + "]");
            }
        }

        int checked() {
            return checked;
        }

        void assertNone() {
            if (!list.isEmpty()) {
                throw new AssertionError(list.size() + " of " + checked + " cases differ from Go:\n"
                        + String.join("\n", list.subList(0, Math.min(40, list.size()))));
            }
        }
    }
}
