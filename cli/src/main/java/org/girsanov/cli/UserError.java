package org.girsanov.cli;

/**
 * A failure caused by what the user asked for — a missing file, an unknown target, a malformed
 * spec — rather than by a bug. {@link Cli} prints only its message (no stack trace unless
 * {@code --debug}) and exits with {@link #exitCode()} (1).
 *
 * <p>Write the message for the user: say what was wrong and, when you can, what to do instead,
 * e.g. {@code "checkpoint runs/a/ckpt.bin was written by format v1; this build reads v2 — retrain or use girsanov 0.1"}.
 */
public class UserError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UserError(String message) {
        super(message);
    }

    public UserError(String message, Throwable cause) {
        super(message, cause);
    }

    /** The process exit code for this error: 1. */
    public int exitCode() {
        return Cli.EXIT_USER_ERROR;
    }
}
