package gopl.runtime.fmt;

/**
 * The printer state a {@code fmt.Formatter}'s {@code Format(f fmt.State, verb rune)} method
 * receives: Go's {@code fmt.State}, implemented by the engine's printer (Go's {@code *pp}).
 * A runtime presents it to Go code as a value of type {@code *fmt.pp} (see
 * {@link GoValue#format}).
 *
 * <p>Guarantees, as Go's pp: {@link #write} appends to the text being formatted, at the place of
 * the operand; {@link #width}/{@link #precision} are the verb's width and precision (0 when
 * absent); {@link #flag} reports {@code '+'} also for {@code %+v} and {@code '#'} also for
 * {@code %#v}.
 */
public interface State {
    /** Appends a byte string (one char per byte, 0-255) to the output. */
    void write(CharSequence bytes);

    /** The width, or 0 when {@link #hasWidth()} is false. */
    int width();

    /** Whether the verb had a width. */
    boolean hasWidth();

    /** The precision, or 0 when {@link #hasPrecision()} is false. */
    int precision();

    /** Whether the verb had a precision. */
    boolean hasPrecision();

    /** Whether flag {@code c} (one of {@code - + # space 0}) was given. */
    boolean flag(long c);
}
