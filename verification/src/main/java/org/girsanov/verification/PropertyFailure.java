package org.girsanov.verification;

/** A property failed on one trial: carries the trial's seed (for {@link Property#replay}) and the instance. */
public final class PropertyFailure extends AssertionError {
    private static final long serialVersionUID = 1L;
    private final long trialSeed;

    PropertyFailure(String message, long trialSeed, Throwable cause) {
        super(message, cause);
        this.trialSeed = trialSeed;
    }

    /** The seed that regenerates the failing instance. */
    public long trialSeed() {
        return trialSeed;
    }
}
