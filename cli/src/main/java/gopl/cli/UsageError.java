package gopl.cli;

/**
 * A mistake in how the command was called (unknown flag or command, missing file): {@link Main}
 * prints the message as one line, {@code gopl <command>: <message>}, and exits with status 2.
 */
public final class UsageError extends Exception {
  public UsageError(String message) {
    super(message, null, false, false);
  }
}
