package org.girsanov.autodiff.optim;

/**
 * A learning rate as a function of the number of optimiser steps already taken ({@code step = 0} for
 * the first update). Pure functions of the step: restoring an optimiser's step count restores its
 * learning rate.
 */
@FunctionalInterface
public interface LearningRateSchedule {
    /** The learning rate of the update that follows {@code step} completed updates. */
    double at(long step);

    /** {@code lr(s) = lr}. */
    static LearningRateSchedule constant(double lr) {
        checkPositive("constant", lr);
        return s -> lr;
    }

    /** Step decay: {@code lr(s) = lr0 · factor^⌊s / every⌋}. */
    static LearningRateSchedule stepDecay(double lr0, double factor, long every) {
        checkPositive("stepDecay", lr0);
        if (!(factor > 0) || every < 1) {
            throw new IllegalArgumentException("stepDecay: factor = " + factor + ", every = " + every
                    + "; need factor > 0 and every >= 1");
        }
        return s -> lr0 * Math.pow(factor, (double) (Math.max(s, 0) / every));
    }

    /**
     * Exponential (geometric) decay from {@code lr0} to {@code lr1} over {@code steps} updates, then
     * constant: {@code lr(s) = lr0 · (lr1/lr0)^{min(s, steps)/steps}}. The PIS/DDS benchmark protocol
     * decays 5e-3 → 1e-4 this way.
     */
    static LearningRateSchedule exponential(double lr0, double lr1, long steps) {
        checkPositive("exponential", lr0);
        checkPositive("exponential", lr1);
        if (steps < 1) {
            throw new IllegalArgumentException("exponential: steps = " + steps + "; must be >= 1");
        }
        double logRatio = Math.log(lr1 / lr0);
        return s -> {
            if (s >= steps) {
                return lr1;
            }
            return lr0 * Math.exp(logRatio * Math.max(s, 0) / (double) steps);
        };
    }

    /**
     * Cosine annealing from {@code lr0} to {@code lr1} over {@code steps} updates, then constant
     * (Loshchilov &amp; Hutter, SGDR, ICLR 2017, without restarts):
     * {@code lr(s) = lr1 + ½ (lr0 − lr1)(1 + cos(π min(s, steps)/steps))}.
     */
    static LearningRateSchedule cosine(double lr0, double lr1, long steps) {
        checkPositive("cosine", lr0);
        if (!(lr1 >= 0) || steps < 1) {
            throw new IllegalArgumentException("cosine: lr1 = " + lr1 + ", steps = " + steps + "; need lr1 >= 0, steps >= 1");
        }
        return s -> {
            double u = Math.min(Math.max(s, 0), steps) / (double) steps;
            return lr1 + 0.5 * (lr0 - lr1) * (1.0 + Math.cos(Math.PI * u));
        };
    }

    private static void checkPositive(String what, double lr) {
        if (!(lr > 0) || Double.isInfinite(lr)) {
            throw new IllegalArgumentException(what + ": learning rate " + lr + " must be finite and > 0");
        }
    }
}
