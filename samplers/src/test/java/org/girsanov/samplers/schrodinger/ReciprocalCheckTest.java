package org.girsanov.samplers.schrodinger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.sde.TimeGrid;
import org.junit.jupiter.api.Test;

/**
 * {@link ReciprocalCheck} and the pinned-process moments of {@link OuReference}, against simulation: paths of the
 * reference itself (by its exact transitions, from a non-Gaussian start) are in its own reciprocal class, so the fit
 * must return {@code A_t}, {@code B_t} and {@code s_t²} — which checks the conditioning formulas independently of
 * {@link GaussianBridge}; paths of another reference must be seen.
 */
class ReciprocalCheckTest {
    private static final int PATHS = 40_000;
    private static final int STEPS = 10;

    /** Paths of {@code dX = −αX dt + σ dW} by its exact transition, from a two-point mixture ±1.5 plus N(0, 0.3²) in d = 2. */
    static List<DMatrixRMaj> referencePaths(OuReference q, TimeGrid grid, long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        ZigguratSampler.NormalizedGaussian z = ZigguratSampler.NormalizedGaussian.of(rng);
        int d = 2;
        DMatrixRMaj x = new DMatrixRMaj(PATHS, d);
        for (int i = 0; i < x.data.length; i++) {
            x.data[i] = (rng.nextBoolean() ? 1.5 : -1.5) + 0.3 * z.sample();
        }
        List<DMatrixRMaj> path = new ArrayList<>();
        path.add(x.copy());
        for (int n = 0; n < grid.steps(); n++) {
            double a = q.decay(grid.dt(n));
            double s = Math.sqrt(q.variance(grid.dt(n)));
            for (int i = 0; i < x.data.length; i++) {
                x.data[i] = a * x.data[i] + s * z.sample();
            }
            path.add(x.copy());
        }
        return path;
    }

    @Test
    void theReferenceIsInItsOwnReciprocalClass() {
        TimeGrid grid = TimeGrid.uniform(1.0, STEPS);
        for (double alpha : new double[] {0.0, 2.0, -1.0}) {
            OuReference q = new OuReference(1.5, alpha);
            for (ReciprocalCheck.Pinned p : ReciprocalCheck.of(q, referencePaths(q, grid, 3), grid)) {
                String at = "alpha " + alpha + ", t " + p.time();
                assertEquals(p.referenceStartWeight(), p.startWeight(), 0.02, "A_t, " + at);
                assertEquals(p.referenceEndWeight(), p.endWeight(), 0.02, "B_t, " + at);
                assertEquals(1.0, p.varianceRatio(), 0.03, "s_t^2, " + at);
            }
        }
    }

    /** At {@code α = 0} the pinned process is the Brownian bridge; a small {@code α} is its continuous neighbour. */
    @Test
    void theBrownianLimit() {
        OuReference b = new OuReference(1.5, 0.0);
        OuReference near = new OuReference(1.5, 1e-7);
        for (double t : new double[] {0.1, 0.5, 0.9}) {
            assertEquals(1 - t, b.pinnedStartWeight(t), 1e-15);
            assertEquals(t, b.pinnedEndWeight(t), 1e-15);
            assertEquals(2.25 * t * (1 - t), b.pinnedVariance(t), 1e-15);
            assertEquals(b.pinnedStartWeight(t), near.pinnedStartWeight(t), 1e-6);
            assertEquals(b.pinnedEndWeight(t), near.pinnedEndWeight(t), 1e-6);
            assertEquals(b.pinnedVariance(t), near.pinnedVariance(t), 1e-6);
        }
    }

    /** Paths of the {@code α = 2} reference checked against the Brownian one of the same {@code σ}: pinned 24 % too tightly half way. */
    @Test
    void anotherReferencesPathsAreSeen() {
        TimeGrid grid = TimeGrid.uniform(1.0, STEPS);
        List<DMatrixRMaj> ou = referencePaths(new OuReference(1.5, 2.0), grid, 4);
        ReciprocalCheck.Pinned half = ReciprocalCheck.of(new OuReference(1.5, 0.0), ou, grid).get(STEPS / 2 - 1);
        assertEquals(0.5, half.time(), 1e-12);
        assertTrue(half.varianceRatio() < 0.85, "variance ratio " + half.varianceRatio());
        assertTrue(half.weightError() > 0.1, "weight error " + half.weightError());
    }

    /**
     * One IPF round with the {@code α = 2} reference leaves the forward process in {@code Q}'s reciprocal class (fitted
     * pinned weights within 0.04 of {@code A_t}, {@code B_t} at {@code t = ¼, ½, ¾}; measured 0.028, 0.018, 0.017; intercepts
     * within 0.08 of 0, measured 0.032, −0.005, −0.052). With
     * the backward kernel centred on the Brownian reversal ({@code x_{n+1} − w Δt}) instead of {@code Q}'s reversible
     * transition ({@code e^{−αΔt} x_{n+1} − w Δt}) the undertrained backward fit kept too little mean reversion: 0.031,
     * 0.053, 0.074 ({@code benchmarks/results/ipf-ou-2026-12-07/}).
     */
    @Test
    void anIpfRoundStaysInTheReferencesReciprocalClass() {
        IpfConfig config = SchrodingerIpfTest.config().withAlpha(2.0).withRounds(1);
        OuReference q = new OuReference(SchrodingerIpfTest.SIGMA, 2.0);
        try (SchrodingerIpf ipf = new SchrodingerIpf(SchrodingerIpfTest.gaussian(-1, 1), SchrodingerIpfTest.gaussian(1, 2), config)) {
            ipf.run(r -> { });
            List<ReciprocalCheck.Pinned> pinned = ReciprocalCheck.of(q,
                    ipf.simulateForward(20000, RandomSource.XO_RO_SHI_RO_128_PP.create(9)), ipf.grid());
            for (int k : new int[] {5, 10, 15}) {
                ReciprocalCheck.Pinned p = pinned.get(k - 1);
                double slopes = Math.max(Math.abs(p.startWeight() - p.referenceStartWeight()),
                        Math.abs(p.endWeight() - p.referenceEndWeight()));
                assertTrue(slopes < 0.04, "t " + p.time() + ": A " + p.startWeight() + " (" + p.referenceStartWeight()
                        + "), B " + p.endWeight() + " (" + p.referenceEndWeight() + ")");
                assertEquals(0.0, p.intercept(), 0.08, "intercept at t " + p.time());
                assertEquals(1.0, p.varianceRatio(), 0.1, "t " + p.time());
            }
        }
    }

    /**
     * The OU process centred at {@code m = 2} instead of 0 has the reference's slopes but bridges shifted by
     * {@code m(1 − A_t − B_t)}: only the intercept shows it.
     */
    @Test
    void shiftedBridgesAreSeenByTheIntercept() {
        TimeGrid grid = TimeGrid.uniform(1.0, STEPS);
        OuReference q = new OuReference(1.5, 2.0);
        List<DMatrixRMaj> x = referencePaths(q, grid, 8);
        for (DMatrixRMaj s : x) {
            for (int i = 0; i < s.data.length; i++) {
                s.data[i] += 2.0;
            }
        }
        ReciprocalCheck.Pinned half = ReciprocalCheck.of(q, x, grid).get(STEPS / 2 - 1);
        assertEquals(half.referenceStartWeight(), half.startWeight(), 0.02);
        assertEquals(half.referenceEndWeight(), half.endWeight(), 0.02);
        assertEquals(1.0, half.varianceRatio(), 0.03);
        double shift = 2.0 * (1 - half.referenceStartWeight() - half.referenceEndWeight());
        assertEquals(shift, half.intercept(), 0.03);
        assertTrue(half.weightError() > 0.6, "intercept in the error: " + half);
    }

    @Test
    void badInputsAreNamed() {
        OuReference q = new OuReference(1.0, 0.0);
        TimeGrid grid = TimeGrid.uniform(1.0, 4);
        List<DMatrixRMaj> path = referencePaths(q, grid, 5);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ReciprocalCheck.of(q, path.subList(0, 4), grid));
        assertTrue(e.getMessage().contains("path has 4 states; the grid has 5 times"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ReciprocalCheck.of(q, path, TimeGrid.uniform(2.0, 4)));
        assertTrue(e.getMessage().contains("[0.0, 2.0]"), e.getMessage());
        List<DMatrixRMaj> tiny = new ArrayList<>();
        for (int n = 0; n <= 4; n++) {
            tiny.add(new DMatrixRMaj(4, 1));
        }
        e = assertThrows(IllegalArgumentException.class, () -> ReciprocalCheck.of(q, tiny, grid));
        assertTrue(e.getMessage().contains("4 paths; need at least 8"), e.getMessage());
        List<DMatrixRMaj> same = new ArrayList<>();
        DMatrixRMaj x = path.get(0);
        for (int n = 0; n <= 4; n++) {
            same.add(x);
        }
        e = assertThrows(IllegalArgumentException.class, () -> ReciprocalCheck.of(q, same, grid));
        assertTrue(e.getMessage().contains("collinear in coordinate 0"), e.getMessage());
    }
}
