package org.girsanov.cli;

/**
 * The command line itself is wrong: an unknown command or flag, a missing required flag, a value
 * that does not parse. {@link Cli} prints the message and the command's usage line on stderr and
 * exits with {@link Cli#EXIT_USAGE} (1, the code of every bad input).
 */
public class UsageException extends UserError {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }

    @Override
    public int exitCode() {
        return Cli.EXIT_USAGE;
    }
}
