package gopl.runtime.fmt;

/** Placeholder: the printer state machine (filled in next). */
final class Printer {
    private final StringBuilder buf = new StringBuilder();

    Printer doPrintf(String format, Object[] args) { throw new UnsupportedOperationException("todo"); }
    Printer doPrint(Object[] args) { throw new UnsupportedOperationException("todo"); }
    Printer doPrintln(Object[] args) { throw new UnsupportedOperationException("todo"); }
    String result() { return buf.toString(); }
}
