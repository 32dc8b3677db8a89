package gopl.runtime.fmt;

/**
 * Thrown by {@link GoValue#call(FmtMethod)} when the Go method panicked, carrying the panic value
 * (null for {@code panic(nil)}).
 *
 * <p>The engine catches it and prints Go's text ({@code %!v(PANIC=String method: boom)}), or
 * {@code <nil>} when the receiver is a nil pointer, exactly as Go's fmt recovers. It is the
 * implementer's job to convert its own panic exception into this one (and to let anything that
 * is not a Go panic, such as an exit, propagate unchanged). If the panic value's own
 * {@code Error}/{@code String} panics again while being printed, Go lets that second panic escape
 * the formatting call: the engine then rethrows the {@code cause} given here (the runtime's own
 * panic exception), or this exception if there is none.
 */
public final class GoMethodPanic extends RuntimeException {
    private final transient GoValue value;

    /**
     * @param value the panic value, or null for a nil panic value
     * @param cause the runtime's own exception for this panic, rethrown if it escapes the engine
     */
    public GoMethodPanic(GoValue value, Throwable cause) {
        super("panic in fmt method", cause, false, false);
        this.value = value;
    }

    /** The panic value, or null when the method called {@code panic(nil)}. */
    public GoValue value() {
        return value;
    }
}
