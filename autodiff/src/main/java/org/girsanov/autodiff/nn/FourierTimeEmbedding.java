package org.girsanov.autodiff.nn;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;

/**
 * Fourier features of time: for {@code t} given as an {@code n × 1} value,
 * <pre>
 *   emb(t) = [ sin(ω_1 t + φ_1), …, sin(ω_K t + φ_K), cos(ω_1 t + φ_1), …, cos(ω_K t + φ_K) ]   (n × 2K)
 * </pre>
 * with fixed frequencies {@code ω_k} and a learnable phase {@code φ} ({@code 1 × K}, parameter
 * {@code name + ".phase"}, initialised {@code N(0, 1)}). The default frequencies are
 * {@code ω = linspace(0.1, 100, K)} as in the PIS reference code (Zhang &amp; Chen, "Path Integral
 * Sampler", ICLR 2022, {@code TimeEmbedding}: {@code timestep_coeff = linspace(0.1, 100, dim)},
 * {@code timestep_phase = randn(dim)}).
 */
public final class FourierTimeEmbedding implements Module {
    private final String name;
    private final DMatrixRMaj frequencies;
    private final Parameter phase;

    /** {@code K} frequencies {@code linspace(0.1, 100, K)}. */
    public FourierTimeEmbedding(String name, int numFrequencies, UniformRandomProvider rng) {
        this(name, numFrequencies, 0.1, 100.0, rng);
    }

    /** {@code K} frequencies {@code linspace(minFrequency, maxFrequency, K)} (just {@code minFrequency} for K = 1). */
    public FourierTimeEmbedding(String name, int numFrequencies, double minFrequency, double maxFrequency,
                                UniformRandomProvider rng) {
        if (numFrequencies < 1) {
            throw new IllegalArgumentException("FourierTimeEmbedding '" + name + "': numFrequencies = "
                    + numFrequencies + "; must be >= 1");
        }
        this.name = name;
        this.frequencies = new DMatrixRMaj(1, numFrequencies);
        for (int k = 0; k < numFrequencies; k++) {
            frequencies.data[k] = numFrequencies == 1 ? minFrequency
                    : minFrequency + (maxFrequency - minFrequency) * k / (numFrequencies - 1);
        }
        DMatrixRMaj phi = new DMatrixRMaj(1, numFrequencies);
        ZigguratSampler.NormalizedGaussian z = ZigguratSampler.NormalizedGaussian.of(rng);
        for (int k = 0; k < numFrequencies; k++) {
            phi.data[k] = z.sample();
        }
        this.phase = new Parameter(name + ".phase", phi);
    }

    /** The {@code n × 2K} features of {@code t} ({@code n × 1}). */
    public Var apply(Tape tape, Var t) {
        if (t.cols() != 1) {
            throw new IllegalArgumentException("FourierTimeEmbedding '" + name + "': time has shape " + t.shape()
                    + "; expected n x 1");
        }
        Var arg = tape.linear(t, tape.constant(frequencies), tape.param(phase));
        return tape.concat(tape.sin(arg), tape.cos(arg));
    }

    /** A copy of the fixed frequencies ({@code 1 × K}). */
    public DMatrixRMaj frequencies() {
        return frequencies.copy();
    }

    public Parameter phase() {
        return phase;
    }

    public int numFrequencies() {
        return frequencies.numCols;
    }

    /** The output width {@code 2K}. */
    public int outFeatures() {
        return 2 * frequencies.numCols;
    }

    @Override
    public Map<String, Parameter> namedParameters() {
        Map<String, Parameter> m = new LinkedHashMap<>();
        m.put(phase.name(), phase);
        return m;
    }
}
