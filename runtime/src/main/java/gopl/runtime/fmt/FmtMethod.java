package gopl.runtime.fmt;

/**
 * The methods fmt calls on an operand that has them in its method set, in Go's order of
 * precedence: {@code Format(fmt.State, rune)} (every verb but {@code %T} and {@code %p}),
 * {@code GoString()} (only for {@code %#v}), then {@code Error()}, then {@code String()} (only
 * for the verbs {@code %v %s %x %X %q}).
 */
public enum FmtMethod {
    /** {@code Format(f fmt.State, verb rune)} of {@code fmt.Formatter}; see {@link GoValue#format}. */
    FORMAT("Format"),
    /** {@code GoString() string} of {@code fmt.GoStringer}. */
    GO_STRING("GoString"),
    /** {@code Error() string} of the predeclared {@code error} interface. */
    ERROR("Error"),
    /** {@code String() string} of {@code fmt.Stringer}. */
    STRING("String");

    /** The Go method name, as printed in {@code %!v(PANIC=String method: ...)}. */
    public final String goName;

    FmtMethod(String goName) {
        this.goName = goName;
    }
}
