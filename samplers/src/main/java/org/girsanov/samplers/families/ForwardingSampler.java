package org.girsanov.samplers.families;

import java.util.List;
import java.util.Objects;
import org.girsanov.autodiff.nn.Parameter;
import org.girsanov.samplers.targets.Target;
import org.girsanov.sde.Distribution;
import org.girsanov.sde.TimeGrid;
import org.girsanov.sde.kernel.GaussianKernel;
import org.girsanov.sde.kernel.MarkovKernel;
import org.girsanov.sde.rnd.LogWeightForm;

/**
 * A {@link Sampler} that forwards every call to another: the base of decorators that observe or alter one part
 * (a recorder of the states a loss visits, a planted bug in a test). {@link #withGrid} forwards too, so the
 * decoration is lost on another grid unless a subclass overrides it.
 */
public abstract class ForwardingSampler implements Sampler {
    protected final Sampler inner;

    protected ForwardingSampler(Sampler inner) {
        this.inner = Objects.requireNonNull(inner, "ForwardingSampler: inner sampler must not be null");
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public Target target() {
        return inner.target();
    }

    @Override
    public int dimension() {
        return inner.dimension();
    }

    @Override
    public TimeGrid grid() {
        return inner.grid();
    }

    @Override
    public Sampler withGrid(TimeGrid grid) {
        return inner.withGrid(grid);
    }

    @Override
    public List<Parameter> parameters() {
        return inner.parameters();
    }

    @Override
    public double learningRateScale(Parameter p) {
        return inner.learningRateScale(p);
    }

    @Override
    public java.util.Map<String, org.ejml.data.DMatrixRMaj> fitted() {
        return inner.fitted();
    }

    @Override
    public Distribution prior() {
        return inner.prior();
    }

    @Override
    public GaussianKernel forward() {
        return inner.forward();
    }

    @Override
    public MarkovKernel backward() {
        return inner.backward();
    }

    @Override
    public LogWeightForm logWeight() {
        return inner.logWeight();
    }
}
