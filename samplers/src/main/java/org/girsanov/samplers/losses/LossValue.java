package org.girsanov.samplers.losses;

/**
 * The outcome of one gradient evaluation.
 *
 * @param loss       the loss value (before the loss scale)
 * @param logWeights {@code log w} of every path of the batch (NaN where not finite)
 * @param excluded   how many paths were left out of the loss because their log-weight was not finite
 */
public record LossValue(double loss, double[] logWeights, int excluded) {
}
