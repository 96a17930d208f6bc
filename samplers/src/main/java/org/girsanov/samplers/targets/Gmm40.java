package org.girsanov.samplers.targets;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * GMM-40 (docs/targets-and-metrics.md; Midgley et al., FAB, ICLR 2023): 40 equal-weight components
 * {@code N(μ_k, I)} in two dimensions with means uniform in {@code [−40, 40]²}, normalised.
 *
 * <p>Every published version draws the means from its own random generator. Ours are data in the
 * repository: {@code org/girsanov/samplers/targets/gmm40_means.csv}, generated once by
 * {@link #generateMeans(int, long)} with {@link #SEED} — {@code RandomSource.XO_RO_SHI_RO_128_PP.create(SEED)},
 * 40 rows, each coordinate {@code −40 + 80 · nextDouble()} in row-major order — and loaded at
 * construction. A test regenerates them and compares with the file.
 */
public final class Gmm40 {
    /** The seed the stored means were generated with. */
    public static final long SEED = 20261122L;
    /** Number of components. */
    public static final int COMPONENTS = 40;
    /** Half-width of the box the means are uniform in. */
    public static final double BOX = 40.0;
    /** The resource holding the means. */
    public static final String RESOURCE = "gmm40_means.csv";

    private Gmm40() {
    }

    /** GMM-40 from the stored means (d = 2, component covariance I). */
    public static GaussianMixture create() {
        return GaussianMixture.isotropic("gmm40", loadMeans(), 1.0, null);
    }

    /**
     * The generator of the stored means: {@code k} rows of {@code d} coordinates, each
     * {@code −BOX + 2 BOX u}, {@code u = nextDouble()} of {@code XO_RO_SHI_RO_128_PP} seeded with {@code seed},
     * drawn row by row.
     */
    public static double[][] generateMeans(int d, long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[][] m = new double[COMPONENTS][d];
        for (int k = 0; k < COMPONENTS; k++) {
            for (int j = 0; j < d; j++) {
                m[k][j] = -BOX + 2 * BOX * rng.nextDouble();
            }
        }
        return m;
    }

    /** The 40 × 2 means from the resource file (lines starting with {@code #} are comments). */
    public static double[][] loadMeans() {
        try (InputStream in = Gmm40.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("target gmm40: resource " + RESOURCE + " not found on the class path");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<double[]> rows = new ArrayList<>();
            String line;
            while ((line = r.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split(",");
                double[] row = new double[parts.length];
                for (int j = 0; j < parts.length; j++) {
                    row[j] = Double.parseDouble(parts[j].strip());
                }
                rows.add(row);
            }
            if (rows.size() != COMPONENTS) {
                throw new IllegalStateException("target gmm40: " + RESOURCE + " has " + rows.size() + " rows, expected " + COMPONENTS);
            }
            return rows.toArray(new double[0][]);
        } catch (IOException e) {
            throw new UncheckedIOException("target gmm40: cannot read " + RESOURCE, e);
        }
    }
}
