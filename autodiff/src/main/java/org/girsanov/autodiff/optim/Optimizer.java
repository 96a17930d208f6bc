package org.girsanov.autodiff.optim;

import java.util.List;
import org.girsanov.autodiff.nn.Parameter;

/** Updates parameters in place from their accumulated gradients. */
public interface Optimizer {
    /** One update of every parameter from its current gradient buffer. */
    void step();

    /** The parameters this optimiser updates, in a fixed order. */
    List<Parameter> parameters();

    /** Sets every parameter's gradient to zero. */
    default void zeroGrad() {
        Parameter.zeroGrads(parameters());
    }
}
