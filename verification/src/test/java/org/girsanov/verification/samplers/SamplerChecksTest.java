package org.girsanov.verification.samplers;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.girsanov.samplers.families.Pis;
import org.girsanov.samplers.losses.DetailedBalanceLoss;
import org.girsanov.samplers.losses.KlLoss;
import org.girsanov.samplers.losses.LogVarianceLoss;
import org.girsanov.samplers.losses.Loss;
import org.girsanov.samplers.losses.SubTrajectoryBalanceLoss;
import org.girsanov.samplers.losses.TrajectoryBalanceLoss;
import org.girsanov.sde.path.Behaviour;
import org.girsanov.verification.Property;
import org.girsanov.verification.Verdict;
import org.junit.jupiter.api.Test;

/**
 * The sampler checks (docs/math.md §7.4–7.6, DESIGN invariant 5) as properties over random Gaussian targets
 * {@code Z · N(m, s² I)}, {@code d ∈ 1..3} ({@link GaussianCase}), each with a test that the check can fail.
 */
class SamplerChecksTest {
    static final int TRIALS = 4;
    /** The fixed instance of the can-fail tests. */
    static final GaussianCase CASE = new GaussianCase(new double[] {1.0, -0.5}, 0.5, 1.3, 11);

    // ---- math §7.4: on-policy LV gradient = 2 x KL gradient ----

    @Test
    void lvGradientIsTwiceKlGradientOnRandomGaussians() {
        List<Verdict> vs = Property.forAll(GaussianCase.generator(), TRIALS, 404, (c, rng) ->
                LvKlGradientCheck.check(c.network(10, 8), LvKlGradientCheck.Config.defaults().withSeed(rng.nextLong())));
        vs.forEach(System.out::println);
    }

    @Test
    void lvKlCheckFailsForAWrongFactorOrAWrongGradient() {
        Pis m = CASE.network(10, 8);
        LvKlGradientCheck.Config cfg = LvKlGradientCheck.Config.defaults();
        Verdict right = LvKlGradientCheck.check(m, cfg);
        Verdict factorOne = LvKlGradientCheck.check(m, new LogVarianceLoss(), new KlLoss(), 1.0, cfg);
        Verdict halved = LvKlGradientCheck.check(m, new ScaledLoss(new LogVarianceLoss(), 0.5), new KlLoss(), 2.0, cfg);
        assertTrue(right.passed(), right.toString());
        System.out.println("expected FAIL: " + factorOne);
        assertFalse(factorOne.passed(), factorOne.toString());
        assertFalse(halved.passed(), halved.toString());
    }

    // ---- math §7.5: sticking the landing ----

    @Test
    void stickingTheLandingAtTheFollmerControlOnRandomGaussians() {
        List<Verdict> vs = Property.forAll(GaussianCase.generator(), TRIALS, 505, (c, rng) ->
                StickingTheLandingCheck.check(c.follmer(200, 0.0),
                        StickingTheLandingCheck.Config.defaults().withSeed(rng.nextLong())));
        vs.forEach(System.out::println);
    }

    @Test
    void stickingTheLandingFailsForANonOptimalControl() {
        StickingTheLandingCheck.Config cfg = StickingTheLandingCheck.Config.defaults();
        Verdict optimal = StickingTheLandingCheck.check(CASE.follmer(200, 0.0), cfg);
        Verdict perturbed = StickingTheLandingCheck.check(CASE.follmer(200, 0.3), cfg);
        // Too few steps: the Föllmer drift is optimal only up to O(Δt).
        Verdict coarse = StickingTheLandingCheck.check(CASE.follmer(5, 0.0), cfg);
        assertTrue(optimal.passed(), optimal.toString());
        System.out.println("expected FAIL: " + perturbed);
        assertFalse(perturbed.passed(), perturbed.toString());
        assertFalse(coarse.passed(), coarse.toString());
    }

    // ---- math §7.6: ELBO <= log Z <= EUBO, E[w] = Z ----

    @Test
    void evidenceBoundsOnRandomGaussiansForOptimalAndPerturbedSamplers() {
        List<Verdict> vs = Property.forAll(GaussianCase.generator(), TRIALS, 606, (c, rng) -> {
            double theta = 0.5 * rng.nextDouble();
            return EvidenceBoundsCheck.check(c.follmer(20, theta),
                    EvidenceBoundsCheck.Config.defaults().withSeed(rng.nextLong()));
        });
        vs.forEach(System.out::println);
    }

    @Test
    void evidenceBoundsFailForAWrongLogZ() {
        Pis m = CASE.follmer(20, 0.2);
        EvidenceBoundsCheck.Config cfg = EvidenceBoundsCheck.Config.defaults();
        Verdict right = EvidenceBoundsCheck.check(m, cfg);
        Verdict doubled = EvidenceBoundsCheck.check(m, CASE.logZ() + Math.log(2), cfg);
        Verdict halved = EvidenceBoundsCheck.check(m, CASE.logZ() - Math.log(2), cfg);
        assertTrue(right.passed(), right.toString());
        System.out.println("expected FAIL: " + doubled);
        assertFalse(doubled.passed(), doubled.toString());
        assertFalse(halved.passed(), halved.toString());
    }

    // ---- DESIGN invariant 5: streamed = whole-tape gradient ----

    static final int BATCH = 16;

    static Verdict allStreamed(GaussianCase c, long seed) {
        Pis m = c.network(6, 8);
        TrajectoryBalanceLoss tb = new TrajectoryBalanceLoss();
        tb.logZ().value().data[0] = 0.7;
        Loss[] losses = {new LogVarianceLoss(), tb, new DetailedBalanceLoss(c.flow(8)),
                new SubTrajectoryBalanceLoss(c.flow(8), 0.9)};
        Behaviour[] behaviours = {Behaviour.onPolicy(), Behaviour.explore(1.5),
                Behaviour.backwardFrom(c.target().sample(BATCH, GaussianCase.rng(seed)))};
        Verdict last = null;
        for (Loss l : losses) {
            for (Behaviour b : behaviours) {
                last = StreamedGradientCheck.check(m, l, b, BATCH, seed, 1e-9);
                if (!last.passed()) {
                    return last;
                }
            }
        }
        return last;
    }

    @Test
    void streamedGradientsEqualWholeTapeOnRandomGaussians() {
        List<Verdict> vs = Property.forAll(GaussianCase.generator(), TRIALS, 707, (c, rng) -> allStreamed(c, rng.nextLong()));
        vs.forEach(System.out::println);
    }

    @Test
    void streamedGradientCheckFailsForAWrongGradientOrAWrongFormula() {
        Pis m = CASE.network(6, 8);
        Verdict wrongGradient = StreamedGradientCheck.check(m, new ScaledLoss(new LogVarianceLoss(), 1.001),
                StreamedGradientCheck.formulaFor(new LogVarianceLoss()), Behaviour.onPolicy(), BATCH, 3, 1e-9);
        // TB's formula for an LV loss: log Z_θ = 0 in place of the batch mean.
        TrajectoryBalanceLoss tb = new TrajectoryBalanceLoss();
        Verdict wrongFormula = StreamedGradientCheck.check(m, new LogVarianceLoss(), StreamedGradientCheck.formulaFor(tb),
                Behaviour.onPolicy(), BATCH, 3, 1e-9);
        System.out.println("expected FAIL: " + wrongGradient);
        assertFalse(wrongGradient.passed(), wrongGradient.toString());
        assertFalse(wrongFormula.passed(), wrongFormula.toString());
    }
}
