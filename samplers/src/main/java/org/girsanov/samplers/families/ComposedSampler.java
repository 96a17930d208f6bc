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

/** The parts of a {@link Sampler}, held as given; a family constructs them and names itself. */
abstract class ComposedSampler implements Sampler {
    protected final Target target;
    protected final TimeGrid grid;
    private final Distribution prior;
    private final GaussianKernel forward;
    private final MarkovKernel backward;
    private final LogWeightForm logWeight;
    private final List<Parameter> parameters;

    ComposedSampler(Target target, TimeGrid grid, Distribution prior, GaussianKernel forward, MarkovKernel backward,
                    LogWeightForm logWeight, List<Parameter> parameters) {
        this.target = Objects.requireNonNull(target, "sampler: target must not be null");
        this.grid = Objects.requireNonNull(grid, "sampler: grid must not be null");
        this.prior = prior;
        this.forward = forward;
        this.backward = backward;
        this.logWeight = logWeight;
        this.parameters = List.copyOf(parameters);
        if (!forward.grid().equals(grid) || !backward.grid().equals(grid)) {
            throw new IllegalArgumentException(name() + ": the kernels' grids differ from the sampler's grid " + grid);
        }
    }

    @Override
    public Target target() {
        return target;
    }

    @Override
    public TimeGrid grid() {
        return grid;
    }

    @Override
    public Distribution prior() {
        return prior;
    }

    @Override
    public GaussianKernel forward() {
        return forward;
    }

    @Override
    public MarkovKernel backward() {
        return backward;
    }

    @Override
    public LogWeightForm logWeight() {
        return logWeight;
    }

    @Override
    public List<Parameter> parameters() {
        return parameters;
    }
}
