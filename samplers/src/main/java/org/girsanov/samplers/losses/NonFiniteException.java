package org.girsanov.samplers.losses;

/** A loss, a gradient or every log-weight of a batch was not finite: training must stop. */
public final class NonFiniteException extends RuntimeException {
    private final long iteration;
    private final String quantity;

    public NonFiniteException(long iteration, String quantity, String detail) {
        super("iteration " + iteration + ": " + quantity + " is not finite (" + detail + ")");
        this.iteration = iteration;
        this.quantity = quantity;
    }

    public long iteration() {
        return iteration;
    }

    public String quantity() {
        return quantity;
    }
}
