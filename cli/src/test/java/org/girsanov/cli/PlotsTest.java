package org.girsanov.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlotsTest {

    @TempDir
    Path dir;

    static double[][] gaussianSamples(int n, int d, long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        ZigguratSampler.NormalizedGaussian z = ZigguratSampler.NormalizedGaussian.of(rng);
        double[][] x = new double[n][d];
        for (double[] row : x) {
            for (int k = 0; k < d; k++) {
                row[k] = z.sample() + (k == 0 ? 1.5 : 0);
            }
        }
        return x;
    }

    /** Log-density of an equal mixture of N((±2, 0), I). */
    static double twoModes(double x, double y) {
        double a = -0.5 * ((x - 2) * (x - 2) + y * y);
        double b = -0.5 * ((x + 2) * (x + 2) + y * y);
        double m = Math.max(a, b);
        return m + Math.log(0.5 * Math.exp(a - m) + 0.5 * Math.exp(b - m)) - Math.log(2 * Math.PI);
    }

    @Test
    void densityWithSamples() throws Exception {
        Path png = dir.resolve("plots/density.png");
        Plots.densityWithSamples(png, "mixture of two Gaussians", PlotsTest::twoModes, new double[] {-5, 5},
                new double[] {-4, 4}, gaussianSamples(2000, 2, 1));
        Plots.ImageStats s = Plots.inspect(png);
        assertEquals(Plots.DENSITY_WIDTH, s.width());
        assertEquals(Plots.DENSITY_HEIGHT, s.height());
        assertTrue(s.looksLikePlot(50), s.toString());
        assertTrue(Plots.isNonBlankPng(png, 50));
        // the samples are drawn over the heat map, not under it (JFreeChart's default order is reversed)
        BufferedImage img = javax.imageio.ImageIO.read(png.toFile());
        int red = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                red += ((rgb >> 16) & 255) > 150 && ((rgb >> 8) & 255) < 110 && (rgb & 255) < 110 ? 1 : 0;
            }
        }
        assertTrue(red > 2000, red + " reddish pixels");
    }

    @Test
    void densityToleratesInfinitiesAndMissingSamples() throws Exception {
        Path png = dir.resolve("support.png");
        // log-density -inf outside the unit disc, NaN at one point; no samples
        Plots.densityWithSamples(png, "uniform disc", (x, y) -> x == 0 && y == 0 ? Double.NaN
                : x * x + y * y <= 1 ? 0 : Double.NEGATIVE_INFINITY, new double[] {-2, 2}, new double[] {-2, 2}, null);
        assertTrue(Plots.inspect(png).looksLikePlot(10));
        BufferedImage batched = Plots.renderDensityWithSamples("batched", pts -> {
            double[] out = new double[pts.length];
            for (int i = 0; i < pts.length; i++) {
                out[i] = -0.5 * (pts[i][0] * pts[i][0] + 4 * pts[i][1] * pts[i][1]);
            }
            return out;
        }, new double[] {-3, 3}, new double[] {-3, 3}, new double[][] {{0, 0}, {Double.NaN, 1}, {1}});
        assertEquals(Plots.DENSITY_WIDTH, batched.getWidth());
        assertThrows(IllegalArgumentException.class, () -> Plots.renderDensityWithSamples("bad", null,
                new double[] {1, 0}, new double[] {0, 1}, null));
        assertThrows(IllegalArgumentException.class, () -> Plots.renderDensityWithSamples("short",
                pts -> new double[3], new double[] {0, 1}, new double[] {0, 1}, null));
    }

    @Test
    void pairwiseMarginals() throws Exception {
        Path png = dir.resolve("pairs.png");
        double[][] model = gaussianSamples(4000, 5, 2);
        double[][] reference = gaussianSamples(3000, 5, 3);
        model[0][1] = Double.NaN;
        Plots.pairwiseMarginals(png, "model vs reference", model, reference, 4);
        Plots.ImageStats s = Plots.inspect(png);
        int[] size = Plots.pairwiseSize(4);
        assertEquals(size[0], s.width());
        assertEquals(size[1], s.height());
        assertTrue(s.looksLikePlot(50), s.toString());

        Path one = dir.resolve("one.png");
        Plots.pairwiseMarginals(one, "1-d, no reference", gaussianSamples(100, 1, 4), null, 6);
        assertArrayEquals(Plots.pairwiseSize(1), new int[] {Plots.inspect(one).width(), Plots.inspect(one).height()});
        assertTrue(Plots.isNonBlankPng(one, 10));
        assertThrows(IllegalArgumentException.class,
                () -> Plots.renderPairwiseMarginals("x", model, gaussianSamples(10, 3, 5), 4));
        // constant coordinate: degenerate range must not break the axes
        Plots.renderPairwiseMarginals("constant", new double[][] {{1, 1}, {1, 1}}, null, 2);
    }

    @Test
    void lines() throws Exception {
        int n = 500;
        double[] it = new double[n];
        double[] loss = new double[n];
        double[] ess = new double[n];
        for (int i = 0; i < n; i++) {
            it[i] = i + 1;
            loss[i] = 10 * Math.exp(-i / 80.0) + 1e-3;
            ess[i] = 1 - Math.exp(-i / 100.0);
        }
        loss[100] = Double.NaN; // a gap
        ess[0] = 0; // not drawable on a log axis
        Map<String, double[][]> series = new LinkedHashMap<>();
        series.put("loss", new double[][] {it, loss});
        series.put("ess", new double[][] {it, ess});
        Path png = dir.resolve("training.png");
        Plots.lines(png, "training", "iteration", "value", series, true);
        Plots.ImageStats s = Plots.inspect(png);
        assertEquals(Plots.LINES_WIDTH, s.width());
        assertEquals(Plots.LINES_HEIGHT, s.height());
        assertTrue(s.looksLikePlot(30), s.toString());

        Path linear = dir.resolve("linear.png");
        Plots.lines(linear, "log Z", "iteration", Map.of("log Z", new double[][] {{1, 2, 3}, {-0.5, -0.1, -0.02}}));
        assertTrue(Plots.isNonBlankPng(linear, 30));
        Plots.renderLines("empty", "x", null, Map.of(), false);
        assertThrows(IllegalArgumentException.class, () -> Plots.renderLines("bad", "x", null,
                Map.of("s", new double[][] {{1, 2}, {1}}), false));
    }

    @Test
    void inspectRejectsBlankAndUndecodable() throws Exception {
        Path blank = dir.resolve("blank.png");
        Plots.write(blank, new BufferedImage(50, 40, BufferedImage.TYPE_INT_RGB));
        assertFalse(Plots.isNonBlankPng(blank, 3));
        Path junk = dir.resolve("junk.png");
        Files.writeString(junk, "not a png");
        assertFalse(Plots.isNonBlankPng(junk, 3));
        assertFalse(Plots.isNonBlankPng(dir.resolve("missing.png"), 3));
    }

    @Test
    void marchingSquaresTracesACircle() {
        int n = 41;
        double[][] v = new double[n][n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                double x = (i - 20) / 10.0;
                double y = (j - 20) / 10.0;
                v[j][i] = -(x * x + y * y);
            }
        }
        List<double[]> segments = new ArrayList<>();
        Contours.marchingSquares(v, -1.0, -100, (i0, j0, i1, j1) -> segments.add(new double[] {i0, j0, i1, j1}));
        double length = 0;
        for (double[] s : segments) {
            for (int e = 0; e < 4; e += 2) {
                double r = Math.hypot((s[e] - 20) / 10.0, (s[e + 1] - 20) / 10.0);
                assertEquals(1.0, r, 0.01, "segment endpoints lie on the unit circle");
            }
            length += Math.hypot(s[2] - s[0], s[3] - s[1]) / 10.0;
        }
        assertEquals(2 * Math.PI, length, 0.05);
    }

    @Test
    void referenceValuesAreLines() throws Exception {
        Map<String, double[][]> z = new LinkedHashMap<>();
        z.put("logZ_lb", new double[][] {{10, 20, 30, 40}, {-3, -1.5, -0.8, -0.5}});
        Path png = dir.resolve(System.getProperty("plots.out") == null ? "logz.png" : "logz-ref.png");
        Plots.lines(png, "log Z estimates", "iteration", "log Z", z, false, Map.of("logZ_true", 0.0));
        assertTrue(Plots.isNonBlankPng(png, 10));
        String out = System.getProperty("plots.out");
        if (out != null) { // for looking at the plots: -Dplots.out=/some/dir
            Path o = Files.createDirectories(Path.of(out));
            Files.copy(png, o.resolve("logz.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Plots.densityWithSamples(o.resolve("density.png"), "mixture of two Gaussians", PlotsTest::twoModes,
                    new double[] {-5, 5}, new double[] {-4, 4}, gaussianSamples(2000, 2, 1));
            Plots.pairwiseMarginals(o.resolve("pairs.png"), "model vs reference", gaussianSamples(4000, 5, 2),
                    gaussianSamples(3000, 5, 3), 4);
            Map<String, double[][]> series = new LinkedHashMap<>();
            double[] it = new double[300];
            double[] loss = new double[300];
            for (int i = 0; i < 300; i++) {
                it[i] = i + 1;
                loss[i] = 10 * Math.exp(-i / 80.0) + 1e-3;
            }
            series.put("loss", new double[][] {it, loss});
            Plots.lines(o.resolve("loss.png"), "training", "iteration", "loss", series, true);
        }
    }

    @Test
    void comparisonDrawsOursAndPublishedPerRowAndRefusesRaggedPanels() throws Exception {
        Path png = dir.resolve("cmp/quality-gmm9.png");
        List<String> rows = List.of("PIS-KL", "PIS-LV", "DIS-LV");
        Plots.comparison(png, "gmm9", rows, List.of(
                new Plots.Comparison("Δlog Z lb", true, new double[] {2.2, 0.056, 0.054}, new double[] {1.09, 0.046, 0.056}),
                new Plots.Comparison("ESS", false, new double[] {0.0, 0.89, 0.89}, new double[] {0.005, 0.909, Double.NaN})));
        assertTrue(Plots.isNonBlankPng(png, 20));
        BufferedImage img = javax.imageio.ImageIO.read(png.toFile());
        assertEquals(ComparisonPlot.WIDTH, img.getWidth());
        int ours = 0;
        int published = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                ours += near(rgb, Plots.MODEL) ? 1 : 0;
                published += near(rgb, Plots.REFERENCE) ? 1 : 0; // the hollow diamond's outline, antialiased
            }
        }
        assertTrue(ours > 100 && published > 50, "both marks drawn: ours " + ours + " px, published " + published + " px");
        assertThrows(IllegalArgumentException.class, () -> Plots.comparison(dir.resolve("bad.png"), "x", rows,
                List.of(new Plots.Comparison("ESS", false, new double[] {1, 2}, new double[] {1, 2, 3}))));
        assertFalse(Files.exists(dir.resolve("bad.png")));
    }

    /** Whether the pixel {@code rgb} is within a small distance of {@code c} in each channel. */
    private static boolean near(int rgb, java.awt.Color c) {
        return Math.abs(((rgb >> 16) & 0xFF) - c.getRed()) < 40 && Math.abs(((rgb >> 8) & 0xFF) - c.getGreen()) < 40
                && Math.abs((rgb & 0xFF) - c.getBlue()) < 40;
    }
}
