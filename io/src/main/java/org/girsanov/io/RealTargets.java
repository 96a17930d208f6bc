package org.girsanov.io;

import org.girsanov.samplers.targets.BrownianMotion;
import org.girsanov.samplers.targets.CoxProcess;
import org.girsanov.samplers.targets.EightSchools;
import org.girsanov.samplers.targets.GeneralizedLinearModel;
import org.girsanov.samplers.targets.RegressionData;

/**
 * The shipped real-data posteriors (docs/targets-and-metrics.md, "Real targets"): Bayesian logistic regression
 * ({@link GeneralizedLinearModel#logistic}, prior {@code N(0, I)}, features standardised, intercept first) on
 * <ul>
 *   <li>{@code breast-cancer}: Breast Cancer Wisconsin (Diagnostic), N = 569, 30 features, d = 31
 *       (the benchmark of Blessing et al., "Beyond ELBOs", ICML 2024);</li>
 *   <li>{@code sonar}: Sonar (mines vs rocks), N = 208, 60 features, d = 61;</li>
 *   <li>{@code ionosphere}: Ionosphere, N = 351, 34 features (one constant, which standardises to 0), d = 35;</li>
 *   <li>{@code german-credit}: Statlog German Credit (numeric encoding), N = 1 000, 24 features, d = 25
 *       (Blessing et al. 2024; label 1 = bad credit, as in the inference gym);</li>
 * </ul>
 * read from the class path ({@code data/*.csv}, with their sources and licences in {@code data/README.md}), and
 * Rubin's eight schools ({@link EightSchools}) and the Brownian-motion time series with unknown scales
 * ({@link BrownianMotion}, d = 32, the inference gym's observations), and the log-Gaussian Cox process of the Finnish
 * pines ({@link #pines}, d = 1 600 on the usual 40 × 40 grid). Each carries its reference values ({@link ShippedReferences}) when
 * they have been computed.
 */
public final class RealTargets {
    private RealTargets() {
    }

    public static GeneralizedLinearModel breastCancer() {
        return logistic("breast-cancer", "breast_cancer.csv");
    }

    public static GeneralizedLinearModel sonar() {
        return logistic("sonar", "sonar.csv");
    }

    public static GeneralizedLinearModel ionosphere() {
        return logistic("ionosphere", "ionosphere.csv");
    }

    public static GeneralizedLinearModel germanCredit() {
        return logistic("german-credit", "german_credit.csv");
    }

    /** Eight schools in the given form; its reference is exact (quadrature). */
    public static EightSchools eightSchools(EightSchools.Form form) {
        return new EightSchools(form);
    }

    /** The Brownian-motion model with unknown scales (d = 32); its reference is exact (quadrature, computed on first use). */
    public static BrownianMotion brownianMotion() {
        return new BrownianMotion();
    }

    /**
     * The log-Gaussian Cox process ({@link CoxProcess}) of the 126 Finnish pines ({@code data/pines.csv}, rescaled to the
     * unit square) on {@code cells × cells} cells: {@code lgcp} (d = 1 600) at the benchmark's 40.
     */
    public static CoxProcess pines(int cells) {
        return new CoxProcess(cells == 40 ? "lgcp" : "lgcp" + cells + "x" + cells, pinePoints(), cells);
    }

    /** The 126 points of {@code data/pines.csv} ({@code x,y} in [0, 1]). */
    static double[][] pinePoints() {
        java.io.InputStream in = RealTargets.class.getResourceAsStream("data/pines.csv");
        if (in == null) {
            throw new IllegalStateException("built-in data data/pines.csv is missing from the class path");
        }
        java.util.List<double[]> points = new java.util.ArrayList<>();
        try (java.io.BufferedReader r = new java.io.BufferedReader(new java.io.InputStreamReader(in,
                java.nio.charset.StandardCharsets.UTF_8))) {
            r.readLine(); // the header x,y
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank()) {
                    String[] xy = line.split(",");
                    points.add(new double[] {Double.parseDouble(xy[0]), Double.parseDouble(xy[1])});
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("built-in data data/pines.csv: cannot read", e);
        }
        return points.toArray(new double[0][]);
    }

    /** The standardised data of a shipped data set, {@code breast_cancer.csv}, {@code sonar.csv},
     * {@code ionosphere.csv} or {@code german_credit.csv}. */
    public static RegressionData data(String file) {
        return RegressionCsv.resource("data/" + file).standardized();
    }

    private static GeneralizedLinearModel logistic(String name, String file) {
        return GeneralizedLinearModel.logistic(name, data(file), 1.0, ShippedReferences.lookup(name).orElse(null));
    }
}
