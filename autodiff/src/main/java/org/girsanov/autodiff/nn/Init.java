package org.girsanov.autodiff.nn;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.ejml.data.DMatrixRMaj;

/**
 * Seeded weight initialisers for a {@code fanIn × fanOut} weight matrix. Each draws independent entries
 * with mean 0 and variance {@code s²}:
 * <ul>
 *   <li>LeCun: {@code s² = 1/fanIn} (LeCun, Bottou, Orr &amp; Müller, "Efficient BackProp", 1998);</li>
 *   <li>Xavier/Glorot: {@code s² = 2/(fanIn + fanOut)} (Glorot &amp; Bengio, AISTATS 2010);</li>
 *   <li>Kaiming/He: {@code s² = 2/fanIn} (He, Zhang, Ren &amp; Sun, ICCV 2015), for ReLU-like activations.</li>
 * </ul>
 * The uniform variants draw from {@code U(−a, a)} with {@code a = √3 s} (so the variance is {@code s²});
 * the normal variants from {@code N(0, s²)} (not truncated). All randomness comes from the given
 * {@link UniformRandomProvider}, so a seed fixes the initial network.
 */
public enum Init {
    /** All zeros (e.g. the last layer of a control network, so the initial drift is the reference's). */
    ZEROS(0, false),
    LECUN_UNIFORM(1, true),
    LECUN_NORMAL(1, false),
    XAVIER_UNIFORM(2, true),
    XAVIER_NORMAL(2, false),
    KAIMING_UNIFORM(3, true),
    KAIMING_NORMAL(3, false);

    private final int rule;
    private final boolean uniform;

    Init(int rule, boolean uniform) {
        this.rule = rule;
        this.uniform = uniform;
    }

    /** The standard deviation {@code s} this initialiser targets. */
    public double std(int fanIn, int fanOut) {
        switch (rule) {
            case 0: return 0.0;
            case 1: return Math.sqrt(1.0 / fanIn);
            case 2: return Math.sqrt(2.0 / (fanIn + fanOut));
            default: return Math.sqrt(2.0 / fanIn);
        }
    }

    /** Fills {@code m} (any shape) with draws for the given fans. */
    public void fill(DMatrixRMaj m, int fanIn, int fanOut, UniformRandomProvider rng) {
        if (fanIn < 1 || fanOut < 1) {
            throw new IllegalArgumentException("Init." + name() + ": fanIn = " + fanIn + ", fanOut = " + fanOut
                    + "; both must be >= 1");
        }
        int n = m.getNumElements();
        double s = std(fanIn, fanOut);
        if (s == 0.0) {
            java.util.Arrays.fill(m.data, 0, n, 0.0);
        } else if (uniform) {
            double a = Math.sqrt(3.0) * s;
            for (int i = 0; i < n; i++) {
                m.data[i] = a * (2.0 * rng.nextDouble() - 1.0);
            }
        } else {
            ZigguratSampler.NormalizedGaussian z = ZigguratSampler.NormalizedGaussian.of(rng);
            for (int i = 0; i < n; i++) {
                m.data[i] = s * z.sample();
            }
        }
    }

    /** A new {@code fanIn × fanOut} matrix filled by this initialiser. */
    public DMatrixRMaj sample(int fanIn, int fanOut, UniformRandomProvider rng) {
        DMatrixRMaj m = new DMatrixRMaj(fanIn, fanOut);
        fill(m, fanIn, fanOut, rng);
        return m;
    }

    /** A sensible default for a hidden layer followed by {@code act}: Kaiming for ReLU-like, Xavier otherwise. */
    public static Init forActivation(Activation act) {
        switch (act) {
            case RELU:
            case GELU:
            case SILU:
                return KAIMING_UNIFORM;
            default:
                return XAVIER_UNIFORM;
        }
    }
}
