package org.girsanov.samplers.losses;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.Gradients;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.nn.Parameter;
import org.girsanov.sde.path.StreamedPaths;

/**
 * The reverse KL divergence {@code KL(P→‖P←) = log Z − E_{P→}[log w]}, minimised through
 * {@code L_KL = −(1/K) Σ_i log w(x^(i))} with on-policy paths kept on the tape, so the gradient flows
 * through the solver (reparametrisation; Zhang &amp; Chen ICLR 2022). Memory grows with the number of
 * steps, and the behaviour must be the current forward process. Paths whose log-weight is not finite
 * get zero weight and are counted.
 */
public final class KlLoss implements Loss {

    @Override
    public String name() {
        return "kl";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of();
    }

    @Override
    public boolean offPolicy() {
        return false;
    }

    private record Chunk(double[] logW, Gradients grads, int excluded) {
    }

    @Override
    public LossValue evaluate(TrainingBatch b) {
        if (!b.behaviour().forward() || b.behaviour().noiseScale() != 1.0) {
            throw new IllegalArgumentException("KL loss: needs on-policy paths (reparametrised); got " + b.behaviour());
        }
        List<Chunk> parts = b.executor().map(b.chunks(), c -> {
            Tape t = new Tape();
            int rows = b.chunkRows(c);
            StreamedPaths.TapedPaths p = StreamedPaths.simulateOnTape(b.model(), t, rows,
                    b.streams().stream(b.iteration(), c, PathSums.PATH_STREAM));
            double[] lw = p.logWeight().value().data.clone();
            DMatrixRMaj coef = new DMatrixRMaj(rows, 1);
            int bad = 0;
            for (int i = 0; i < rows; i++) {
                if (Double.isFinite(lw[i])) {
                    coef.data[i] = -b.lossScale() / b.batchSize();
                } else {
                    lw[i] = Double.NaN;
                    bad++;
                }
            }
            Gradients g = new Gradients();
            if (p.logWeight().requiresGrad()) {
                t.backward(t.sum(t.mul(p.logWeight(), t.constant(coef))), g);
            }
            return new Chunk(lw, g, bad);
        });
        double[] s = new double[b.batchSize()];
        int excluded = 0;
        double sum = 0;
        for (int c = 0; c < parts.size(); c++) {
            Chunk ch = parts.get(c);
            System.arraycopy(ch.logW(), 0, s, b.chunkStart(c), ch.logW().length);
            excluded += ch.excluded();
            for (double v : ch.logW()) {
                if (!Double.isNaN(v)) {
                    sum += v;
                }
            }
            ch.grads().addToParameters();
        }
        if (excluded == s.length) {
            throw new NonFiniteException(b.iteration(), "log-weight", "all " + s.length + " paths");
        }
        return new LossValue(-sum / b.batchSize(), s, excluded);
    }
}
