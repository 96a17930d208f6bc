package org.girsanov.samplers.pinn;

import java.util.Arrays;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.autodiff.nn.Parameter;

/**
 * A log-density {@code u(x, t) ≈ log p_t(x)} on the tape, with the time a column of the batch so that
 * {@code ∂_t u} is a tape gradient like {@code ∇u}: learned ({@link LogDensityNet}) or a closed form (tests).
 */
public interface LogDensityModel {

    /** {@code u(x_i, s_i)} per row ({@code n × 1}); {@code x} is {@code n × d}, {@code time} is {@code n × 1}. */
    Var logDensity(Tape tape, Var x, Var time);

    /** The parameters of {@code u}; none by default. */
    default List<Parameter> parameters() {
        return List.of();
    }

    /**
     * {@code ∇u(x, t)} ({@code n × d}). On a recording tape it is recorded (differentiable in the parameters, and in
     * {@code x} when {@code x} carries a gradient); on a tape that records nothing it is computed on a scratch tape
     * and returned as a constant.
     */
    default Var score(Tape tape, Var x, double time) {
        if (!tape.isRecording()) {
            Tape scratch = new Tape();
            Var leaf = scratch.input(x.value());
            Var u = logDensity(scratch, leaf, scratch.constant(column(x.rows(), time)));
            return tape.constant(scratch.grad(u, false, leaf)[0].value());
        }
        Var leaf = x.requiresGrad() ? x : tape.input(x.value());
        return tape.grad(logDensity(tape, leaf, tape.constant(column(x.rows(), time))), true, leaf)[0];
    }

    /** The {@code n × 1} column holding {@code time}. */
    static DMatrixRMaj column(int rows, double time) {
        DMatrixRMaj c = new DMatrixRMaj(rows, 1);
        Arrays.fill(c.data, 0, rows, time);
        return c;
    }
}
