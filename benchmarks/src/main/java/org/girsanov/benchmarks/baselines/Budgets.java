package org.girsanov.benchmarks.baselines;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.girsanov.samplers.annealed.AnnealedResult;
import org.girsanov.samplers.mcmc.EvaluationCounter;
import org.girsanov.samplers.mcmc.McmcResult;
import org.girsanov.samplers.targets.Target;

/**
 * Matched budgets: every method is given as many steps as fit in the budget of target evaluations, counted
 * the same way for all — {@link EvaluationCounter#total()}, log-density plus score evaluations, one per point
 * each, as the methods' own counters record them (and as training counts {@code target_evaluations}).
 *
 * <p>A method's cost is {@code fixed + perStep · steps} (the first evaluation of the start points, then the
 * same work every step); both numbers are measured, not assumed, by two throw-away runs of one and two steps
 * on their own random stream, so the allocation follows the samplers' counting wherever it changes.
 */
final class Budgets {
    /** The smallest budget at which every method gets {@value #MIN_STEPS} steps on every target. */
    static final long MIN_BUDGET = 200_000;
    /** The largest budget accepted (about a day of work on two cores). */
    static final long MAX_BUDGET = 10_000_000_000L;
    /** The fewest steps (MCMC steps, PT rounds, annealing levels) a method is run with. */
    static final long MIN_STEPS = 10;

    private Budgets() {
    }

    /** A method run with {@code steps} steps, drawing from {@code rng}; returns an MCMC or annealed result. */
    @FunctionalInterface
    interface Run {
        Object apply(long steps, UniformRandomProvider rng);
    }

    /** The evaluations a result records. */
    static EvaluationCounter evaluations(Object result) {
        return result instanceof McmcResult m ? m.evaluations() : ((AnnealedResult) result).evaluations();
    }

    /** The most steps of {@code run} whose evaluations stay within {@code budget}. */
    static long steps(String method, Target target, long budget, Run run) {
        long one = evaluations(run.apply(1, calibration())).total();
        long two = evaluations(run.apply(2, calibration())).total();
        long perStep = two - one;
        long fixed = one - perStep;
        if (perStep <= 0 || fixed < 0) {
            throw new IllegalStateException(method + " on " + target.name() + ": the cost per step is not linear ("
                    + one + " evaluations for one step, " + two + " for two)");
        }
        long steps = Math.min(Integer.MAX_VALUE, (budget - fixed) / perStep);
        if (steps < MIN_STEPS) {
            throw new IllegalArgumentException("--budget: " + budget + " is too small for " + method + " on "
                    + target.name() + ", which needs " + (fixed + MIN_STEPS * perStep) + " target evaluations for "
                    + MIN_STEPS + " steps");
        }
        return steps;
    }

    /** Fails if a run used more than the budget: the allocation is wrong, not the user's input. */
    static void check(String method, Target target, long budget, EvaluationCounter used) {
        if (used.total() > budget) {
            throw new IllegalStateException(method + " on " + target.name() + " used " + used.total()
                    + " target evaluations, over the budget of " + budget);
        }
    }

    private static UniformRandomProvider calibration() {
        return RandomSource.XO_RO_SHI_RO_128_PP.create(0x5eed_ca1bL);
    }
}
