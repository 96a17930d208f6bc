package org.girsanov.cli;

import org.girsanov.io.AtomicFiles;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.DoubleBinaryOperator;
import javax.imageio.ImageIO;

/**
 * PNG plots for the command line, drawn by JFreeChart on an off-screen image (headless: no display
 * needed; {@code java.awt.headless=true} is set unless already set). One file per plot kind:
 *
 * <ul>
 *   <li>{@link #densityWithSamples} — a 2-D density as a heat map with log-density contour lines,
 *       samples drawn over it as semi-transparent dots ({@code DensityPlot}, {@code Contours});</li>
 *   <li>{@link #pairwiseMarginals} — a corner grid: scatter plots of coordinate pairs, histograms on
 *       the diagonal, model samples in blue and reference samples in orange ({@code PairwisePlot});</li>
 *   <li>{@link #lines} — curves over training iterations (loss, ESS, log Z) with a legend below the
 *       data, optional log-scale y, reference values as dashed lines ({@code LinePlot});</li>
 *   <li>{@link #inspect} — decodes a PNG and counts its colours, for tests.</li>
 * </ul>
 * Each {@code render…} method returns the image; the method of the same name without the prefix
 * writes it atomically ({@link AtomicFiles}). Non-finite values are skipped everywhere. If the JVM has
 * no usable fonts (a bare container without fontconfig), plots are drawn without text rather than failing.
 */
public final class Plots {

    /** Width and height of {@link #densityWithSamples} images. */
    public static final int DENSITY_WIDTH = 720;
    /** Height of {@link #densityWithSamples} images. */
    public static final int DENSITY_HEIGHT = 680;
    /** Width of {@link #lines} images. */
    public static final int LINES_WIDTH = 900;
    /** Height of {@link #lines} images. */
    public static final int LINES_HEIGHT = 560;

    /** Model samples (blue). */
    public static final Color MODEL = new Color(31, 119, 180);
    /** Reference samples (orange). */
    public static final Color REFERENCE = new Color(255, 127, 14);

    private Plots() {}

    /** A log-density evaluated on many points at once: {@code points} is n × 2, the result has n entries. */
    @FunctionalInterface
    public interface BatchLogDensity {
        /**
         * The log-density at each point.
         *
         * @param points n × 2
         * @return n values (NaN and −∞ are drawn as zero density)
         */
        double[] logDensity(double[][] points);
    }

    /**
     * Writes a heat map of {@code exp(logDensity)} over {@code xRange × yRange} with 10 contour lines
     * of the log-density, and {@code samples} (first two coordinates; may be null) as dots.
     *
     * @param xRange {@code {min, max}}
     * @param yRange {@code {min, max}}
     */
    public static void densityWithSamples(Path path, String title, DoubleBinaryOperator logDensity, double[] xRange,
            double[] yRange, double[][] samples) throws IOException {
        write(path, renderDensityWithSamples(title, pointwise(logDensity), xRange, yRange, samples));
    }

    /** As {@link #densityWithSamples(Path, String, DoubleBinaryOperator, double[], double[], double[][])}, batched. */
    public static void densityWithSamples(Path path, String title, BatchLogDensity logDensity, double[] xRange,
            double[] yRange, double[][] samples) throws IOException {
        write(path, renderDensityWithSamples(title, logDensity, xRange, yRange, samples));
    }

    private static BatchLogDensity pointwise(DoubleBinaryOperator f) {
        Objects.requireNonNull(f, "logDensity");
        return pts -> {
            double[] out = new double[pts.length];
            for (int i = 0; i < pts.length; i++) {
                out[i] = f.applyAsDouble(pts[i][0], pts[i][1]);
            }
            return out;
        };
    }

    /** The image of {@link #densityWithSamples}; {@code logDensity} may be null (samples only). */
    public static BufferedImage renderDensityWithSamples(String title, BatchLogDensity logDensity, double[] xRange,
            double[] yRange, double[][] samples) {
        return DensityPlot.render(title, logDensity, xRange, yRange, samples);
    }

    /** Image size of {@link #pairwiseMarginals} for {@code k} coordinates: {@code {width, height}}. */
    public static int[] pairwiseSize(int k) {
        return PairwisePlot.size(k);
    }

    /**
     * Writes a k × k grid (k = min(maxCoords, dimension)): off-diagonal panel (i, j) is a scatter plot
     * of coordinate j (horizontal) against coordinate i (vertical); diagonal panel (i, i) shows
     * histograms, normalised as densities, of coordinate i. Axis ranges are shared along rows and
     * columns: the 0.5–99.5 % quantile range of both sets, so a few stray samples do not squash
     * the picture. At most 3000 points per set are drawn per panel; histograms use all.
     * {@code reference} may be null.
     */
    public static void pairwiseMarginals(Path path, String title, double[][] samples, double[][] reference,
            int maxCoords) throws IOException {
        write(path, renderPairwiseMarginals(title, samples, reference, maxCoords));
    }

    /** The image of {@link #pairwiseMarginals}. */
    public static BufferedImage renderPairwiseMarginals(String title, double[][] samples, double[][] reference,
            int maxCoords) {
        return PairwisePlot.render(title, samples, reference, maxCoords);
    }

    /** Line plot of {@code series} (name → {@code {xs, ys}}), linear y. */
    public static void lines(Path path, String title, String xLabel, Map<String, double[][]> series)
            throws IOException {
        lines(path, title, xLabel, null, series, false);
    }

    /**
     * Line plot of {@code series}: each value is {@code {xs, ys}}, two arrays of equal length (e.g.
     * iterations and loss). Non-finite points (and non-positive ones on a log axis) break the line.
     * Series are drawn in map order with a legend.
     */
    public static void lines(Path path, String title, String xLabel, String yLabel, Map<String, double[][]> series,
            boolean logY) throws IOException {
        lines(path, title, xLabel, yLabel, series, logY, Map.of());
    }

    /**
     * As {@link #lines(Path, String, String, String, Map, boolean)}, with reference values (name →
     * value, e.g. the true log Z) drawn as labelled horizontal dashed lines kept in sight.
     */
    public static void lines(Path path, String title, String xLabel, String yLabel, Map<String, double[][]> series,
            boolean logY, Map<String, Double> references) throws IOException {
        write(path, LinePlot.render(title, xLabel, yLabel, series, logY, references));
    }

    /**
     * As {@link #lines(Path, String, String, String, Map, boolean, Map)}, on a log-scale x axis when {@code logX}
     * (e.g. target evaluations over decades).
     */
    public static void lines(Path path, String title, String xLabel, String yLabel, Map<String, double[][]> series,
            boolean logX, boolean logY, Map<String, Double> references) throws IOException {
        write(path, LinePlot.render(title, xLabel, yLabel, series, logX, logY, references));
    }

    /** The image of {@link #lines}. */
    public static BufferedImage renderLines(String title, String xLabel, String yLabel, Map<String, double[][]> series,
            boolean logY) {
        return LinePlot.render(title, xLabel, yLabel, series, logY, Map.of());
    }

    /**
     * One panel of {@link #comparison}: a metric's value per row, ours and published ({@code NaN} where there is none).
     *
     * @param metric the panel's y label ({@code "Δlog Z lb"})
     * @param logY whether the y axis is logarithmic (values ≤ 0 are then left out)
     */
    public record Comparison(String metric, boolean logY, double[] ours, double[] published) {
    }

    /**
     * Ours beside the published value, one panel per metric stacked over the shared {@code rows} (e.g. the methods of
     * one target): our value a filled circle, the published one a hollow diamond in the same column.
     */
    public static void comparison(Path path, String title, List<String> rows, List<Comparison> panels) throws IOException {
        write(path, ComparisonPlot.render(title, rows, panels));
    }

    /** What {@link #inspect} found: size, number of distinct colours (capped), share of non-white pixels. */
    public record ImageStats(int width, int height, int distinctColours, double nonWhiteFraction) {
        /**
         * Whether this looks like a drawn plot: more than {@code minColours} colours and some ink.
         *
         * @param minColours the number of distinct colours to exceed
         * @return whether both hold
         */
        public boolean looksLikePlot(int minColours) {
            return distinctColours > minColours && nonWhiteFraction > 0.005;
        }
    }

    /**
     * Decodes an image file and summarises it.
     *
     * @throws IOException if it cannot be read or decoded
     */
    public static ImageStats inspect(Path png) throws IOException {
        BufferedImage img = ImageIO.read(png.toFile());
        if (img == null) {
            throw new IOException(png + " is not a decodable image");
        }
        Set<Integer> colours = new HashSet<>();
        long nonWhite = 0;
        for (int yy = 0; yy < img.getHeight(); yy++) {
            for (int xx = 0; xx < img.getWidth(); xx++) {
                int rgb = img.getRGB(xx, yy) & 0xFFFFFF;
                if (colours.size() < 100_000) {
                    colours.add(rgb);
                }
                if (rgb != 0xFFFFFF) {
                    nonWhite++;
                }
            }
        }
        return new ImageStats(img.getWidth(), img.getHeight(), colours.size(),
                nonWhite / (double) ((long) img.getWidth() * img.getHeight()));
    }

    /** Whether {@code png} decodes and has more than {@code minColours} distinct colours and some ink. */
    public static boolean isNonBlankPng(Path png, int minColours) {
        try {
            return inspect(png).looksLikePlot(minColours);
        } catch (IOException e) {
            return false;
        }
    }

    /** Writes {@code img} as PNG, atomically. */
    public static void write(Path path, BufferedImage img) throws IOException {
        AtomicFiles.write(path, out -> {
            if (!ImageIO.write(img, "png", out)) {
                throw new IOException("no PNG writer available in this JVM");
            }
        });
    }
}
