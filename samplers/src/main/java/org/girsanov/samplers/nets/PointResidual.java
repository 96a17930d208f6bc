package org.girsanov.samplers.nets;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.autodiff.nn.Parameter;
import org.girsanov.sde.rnd.DivergenceEstimator;

/**
 * A PDE residual {@code R(x, t)} evaluated at detached points, the integrand of a {@link ReplayResidualLoss}: the
 * continuity-equation residual of NETS ({@link TransportResidual}), the log-space Fokker–Planck residual of the PINN
 * sampler ({@code org.girsanov.samplers.pinn.FokkerPlanckResidual}).
 */
public interface PointResidual {

    /** {@code R(x_i, t)} per row of {@code points} ({@code n × 1}), on the tape {@code t} (recording for gradients). */
    Var residual(Tape t, DMatrixRMaj points, double time, DivergenceEstimator divergence);

    /** The residual's own parameters, trained by the loss beside the sampler's; none by default. */
    default List<Parameter> parameters() {
        return List.of();
    }
}
