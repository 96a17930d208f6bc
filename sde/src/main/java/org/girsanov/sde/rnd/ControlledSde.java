package org.girsanov.sde.rnd;

import java.util.Objects;
import org.girsanov.sde.DiffusionSchedule;
import org.girsanov.sde.Drift;
import org.girsanov.sde.Sde;

/**
 * The controlled parametrisation of a (forward, backward) pair (Richter &amp; Berner, ICLR 2024; docs/math.md §5):
 * a fixed reference drift {@code f} and controls {@code u}, {@code v} with
 * <pre>  μ→ = f + σu,   μ← = f − σv.</pre>
 */
public record ControlledSde(Drift f, Drift u, Drift v, DiffusionSchedule schedule) {

    public ControlledSde {
        Objects.requireNonNull(f, "ControlledSde: f must not be null");
        Objects.requireNonNull(u, "ControlledSde: u must not be null");
        Objects.requireNonNull(v, "ControlledSde: v must not be null");
        Objects.requireNonNull(schedule, "ControlledSde: schedule must not be null");
    }

    /** {@code dX = (f + σu) dt + σ dW}. */
    public Sde forward() {
        return new Sde((tape, x, t) -> tape.add(f.apply(tape, x, t), tape.scale(u.apply(tape, x, t), schedule.sigma(t))),
                schedule);
    }

    /** {@code dX = (f − σv) dt + σ d←W}. */
    public Sde backward() {
        return new Sde((tape, x, t) -> tape.sub(f.apply(tape, x, t), tape.scale(v.apply(tape, x, t), schedule.sigma(t))),
                schedule);
    }

    /** The behaviour process {@code dX = (f + σw) dt + σ dW}. */
    public Sde behaviour(Drift w) {
        return new Sde((tape, x, t) -> tape.add(f.apply(tape, x, t), tape.scale(w.apply(tape, x, t), schedule.sigma(t))),
                schedule);
    }
}
