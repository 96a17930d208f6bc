package org.girsanov.samplers.targets;

/**
 * Grid Gaussian mixtures (docs/targets-and-metrics.md): equal-weight components {@code N(m, σ² I)} at every point
 * {@code m} of the product grid {@code G × G} in two dimensions, normalised ({@code log Z = 0}).
 * <ul>
 *   <li>{@link #gmm9()}: {@code G = {−5, 0, 5}}, {@code σ² = 0.3} (Richter &amp; Berner, ICLR 2024);</li>
 *   <li>{@link #gmm25()}: {@code G = {−10, −5, 0, 5, 10}}, {@code σ² = 0.3} (Sendera et al., NeurIPS 2024).</li>
 * </ul>
 */
public final class GridMixture {
    private GridMixture() {
    }

    /** The 9-mode grid: means {−5, 0, 5}², covariance 0.3 I, equal weights. */
    public static GaussianMixture gmm9() {
        return grid("gmm9", new double[] {-5, 0, 5}, 0.3);
    }

    /** The 25-mode grid: means {−10, −5, 0, 5, 10}², covariance 0.3 I, equal weights. */
    public static GaussianMixture gmm25() {
        return grid("gmm25", new double[] {-10, -5, 0, 5, 10}, 0.3);
    }

    /** Components at every point of {@code coordinates × coordinates}, covariance {@code variance · I}. */
    public static GaussianMixture grid(String name, double[] coordinates, double variance) {
        if (coordinates.length == 0) {
            throw new IllegalArgumentException("target " + name + ": the grid needs at least one coordinate");
        }
        int g = coordinates.length;
        double[][] means = new double[g * g][];
        for (int a = 0; a < g; a++) {
            for (int b = 0; b < g; b++) {
                means[a * g + b] = new double[] {coordinates[a], coordinates[b]};
            }
        }
        return GaussianMixture.isotropic(name, means, variance, null);
    }
}
