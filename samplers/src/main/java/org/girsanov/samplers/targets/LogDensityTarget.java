package org.girsanov.samplers.targets;

import java.util.OptionalDouble;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.sde.Checks;

/**
 * A user's own target from a lambda: {@code log ρ} written in tape ops, the score from autodiff.
 * <pre>{@code
 *   Target banana = new LogDensityTarget("banana", 2, (t, x) -> {
 *       Var x1 = t.slice(x, 0, 1), x2 = t.slice(x, 1, 2);
 *       return t.neg(t.add(t.scale(t.square(x1), 0.5),
 *                          t.scale(t.square(t.sub(x2, t.square(x1))), 0.5)));
 *   });
 * }</pre>
 * The lambda maps an {@code n × d} batch to an {@code n × 1} column; the shape is checked on every call.
 */
public final class LogDensityTarget implements Target {

    /** {@code (tape, x) ↦ log ρ(x)}, {@code n × d ↦ n × 1}, in ops of {@code tape}. */
    @FunctionalInterface
    public interface LogDensity {
        Var apply(Tape tape, Var x);
    }

    private final String name;
    private final int d;
    private final LogDensity f;
    private final OptionalDouble logZ;

    public LogDensityTarget(String name, int dimension, LogDensity logDensity) {
        this(name, dimension, logDensity, OptionalDouble.empty());
    }

    /** With a known {@code log Z}. */
    public LogDensityTarget(String name, int dimension, LogDensity logDensity, double logZ) {
        this(name, dimension, logDensity, OptionalDouble.of(logZ));
    }

    private LogDensityTarget(String name, int dimension, LogDensity logDensity, OptionalDouble logZ) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("LogDensityTarget: a name is required");
        }
        Checks.atLeast("target " + name, "dimension", dimension, 1);
        if (logDensity == null) {
            throw new IllegalArgumentException("target " + name + ": the log-density function is null");
        }
        if (logZ.isPresent()) {
            Checks.finite("target " + name, "log Z", logZ.getAsDouble());
        }
        this.name = name;
        this.d = dimension;
        this.f = logDensity;
        this.logZ = logZ;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int dimension() {
        return d;
    }

    @Override
    public Var logDensity(Tape tape, Var x) {
        Checks.columns("target " + name, x.cols(), d);
        Var out = f.apply(tape, x);
        if (out == null || out.rows() != x.rows() || out.cols() != 1) {
            throw new IllegalStateException("target " + name + ": log-density returned "
                    + (out == null ? "null" : out.shape()) + " for an input of " + x.shape() + "; expected "
                    + x.rows() + "x1");
        }
        return out;
    }

    @Override
    public OptionalDouble logZ() {
        return logZ;
    }
}
