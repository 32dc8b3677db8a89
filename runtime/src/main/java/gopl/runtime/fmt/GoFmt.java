package gopl.runtime.fmt;

/**
 * Entry points of the fmt engine: Go 1.19's {@code fmt.Sprintf}, {@code Sprint} and
 * {@code Sprintln}, byte for byte.
 *
 * <p>Operands are {@code Object}s converted by {@link Values#of(Object)}: a {@link GoValue}, Java
 * null for a nil interface, a plain Java box, or anything the installed adapter understands.
 * Strings in and out are byte strings (one char per byte, 0-255). The {@code Print}/{@code Fprint}
 * family is {@code Sys.out.print(sprint(...))} on top of these.
 */
public final class GoFmt {
    private GoFmt() {}

    /** Go's {@code fmt.Sprintf(format, args...)}. */
    public static String sprintf(String format, Object... args) {
        return new Printer().doPrintf(format, args).result();
    }

    /** Go's {@code fmt.Sprint(args...)}: spaces between operands when neither is a string. */
    public static String sprint(Object... args) {
        return new Printer().doPrint(args).result();
    }

    /** Go's {@code fmt.Sprintln(args...)}: spaces always, newline appended. */
    public static String sprintln(Object... args) {
        return new Printer().doPrintln(args).result();
    }

    /** The result of {@link #errorf}: the message and the operand of its {@code %w}, if any. */
    public record Errorf(String message, GoValue wrapped) {}

    /**
     * Go's {@code fmt.Errorf}: formats like sprintf, but accepts one {@code %w} verb whose operand
     * implements error (printed as {@code %v}); the runtime builds Go's error value (an
     * {@code *errors.errorString} when {@code wrapped} is null, else a {@code *fmt.wrapError}).
     */
    public static Errorf errorf(String format, Object... args) {
        Printer p = new Printer().wrapErrors().doPrintf(format, args);
        return new Errorf(p.result(), p.wrappedError());
    }
}
