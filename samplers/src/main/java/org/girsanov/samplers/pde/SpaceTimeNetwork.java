package org.girsanov.samplers.pde;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.autodiff.nn.Activation;
import org.girsanov.autodiff.nn.Mlp;
import org.girsanov.autodiff.nn.Module;
import org.girsanov.autodiff.nn.Parameter;

/**
 * The space-time network of the Kolmogorov solver,
 * <pre>  u_θ(x, t) = a + b · MLP_GELU([(x − c)/h, t/T]),</pre>
 * with the box's centre {@code c} and half-widths {@code h} (coordinate by coordinate), and {@code a}, {@code b} the mean and standard deviation of
 * {@code φ(X_T)} over a pilot batch (fixed, not trained), so the network learns a standardised function. The MLP's
 * last layer starts at zero: {@code u_θ ≡ a} and {@code ∇_x u_θ ≡ 0} at the start.
 */
public final class SpaceTimeNetwork implements Module {
    private final Mlp mlp;
    private final int dimension;
    private final DMatrixRMaj centre;
    private final DMatrixRMaj inverseHalfWidth;
    private final double horizon;
    private final double offset;
    private final double scale;

    /** An MLP of {@code layers} hidden layers of {@code width} on {@code d + 1} inputs. */
    public SpaceTimeNetwork(Box box, double horizon, int width, int layers, double offset, double scale,
                            UniformRandomProvider rng) {
        if (width < 1 || layers < 1) {
            throw new IllegalArgumentException("SpaceTimeNetwork: width = " + width + ", layers = " + layers + "; both must be >= 1");
        }
        if (!(scale > 0) || !Double.isFinite(offset)) {
            throw new IllegalArgumentException("SpaceTimeNetwork: offset = " + offset + ", scale = " + scale
                    + "; need a finite offset and scale > 0");
        }
        int[] sizes = new int[layers + 2];
        sizes[0] = box.dimension() + 1;
        for (int l = 1; l <= layers; l++) {
            sizes[l] = width;
        }
        sizes[layers + 1] = 1;
        this.mlp = new Mlp("u", sizes, Activation.GELU, rng, true);
        this.dimension = box.dimension();
        this.centre = DMatrixRMaj.wrap(1, dimension, box.centre());
        double[] h = box.halfWidth();
        for (int j = 0; j < h.length; j++) {
            h[j] = 1 / h[j];
        }
        this.inverseHalfWidth = DMatrixRMaj.wrap(1, dimension, h);
        this.horizon = horizon;
        this.offset = offset;
        this.scale = scale;
    }

    /** {@code u_θ(x, t)} ({@code rows × 1}) for a batch {@code x} ({@code rows × d}) at one time {@code t}. */
    public Var apply(Tape tape, Var x, double t) {
        Var z = tape.mul(tape.sub(x, tape.constant(centre)), tape.constant(inverseHalfWidth));
        Var in = tape.concat(z, tape.full(x.rows(), 1, t / horizon));
        return tape.addScalar(tape.scale(mlp.apply(tape, in), scale), offset);
    }

    /** {@code u_θ(x_i, t)} for every row, gradient-free. */
    public double[] values(DMatrixRMaj x, double t) {
        Tape tape = Tape.noGrad();
        return java.util.Arrays.copyOf(apply(tape, tape.constant(x), t).value().data, x.numRows);
    }

    /** {@code d}. */
    public int dimension() {
        return dimension;
    }

    @Override
    public Map<String, Parameter> namedParameters() {
        return new LinkedHashMap<>(mlp.namedParameters());
    }
}
