package org.girsanov.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.DoubleBinaryOperator;
import javax.imageio.ImageIO;

/**
 * PNG plots for the command line, drawn with Java2D on an off-screen image (headless: no display
 * needed; this class sets {@code java.awt.headless=true} unless already set). White background,
 * anti-aliased, axes with tick labels, a title. Files are written atomically ({@link AtomicFiles}).
 *
 * <ul>
 *   <li>{@link #densityWithSamples} — a 2-D density as a heat map with log-density contour lines
 *       (marching squares), samples drawn over it as semi-transparent dots;</li>
 *   <li>{@link #pairwiseMarginals} — a corner grid: scatter plots of coordinate pairs, histograms on
 *       the diagonal, model samples in blue and reference samples in orange;</li>
 *   <li>{@link #lines} — curves over training iterations (loss, ESS, log Z) with a legend, optional
 *       log-scale y;</li>
 *   <li>{@link #inspect} — decodes a PNG and counts its colours, for tests.</li>
 * </ul>
 * Each {@code render…} method returns the image; the method of the same name without the prefix
 * writes it. Non-finite values are skipped everywhere. If the JVM has no usable fonts (a bare
 * container without fontconfig), plots are drawn without text rather than failing.
 */
public final class Plots {

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /** Width and height of {@link #densityWithSamples} images. */
    public static final int DENSITY_WIDTH = 720;
    public static final int DENSITY_HEIGHT = 680;
    /** Width and height of {@link #lines} images. */
    public static final int LINES_WIDTH = 900;
    public static final int LINES_HEIGHT = 560;

    /** Model samples (blue) and reference samples (orange). */
    public static final Color MODEL = new Color(31, 119, 180);
    public static final Color REFERENCE = new Color(255, 127, 14);
    private static final Color SAMPLE_DOT = new Color(214, 39, 40);
    private static final Color[] PALETTE = {
        new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44), new Color(214, 39, 40),
        new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194), new Color(127, 127, 127),
        new Color(188, 189, 34), new Color(23, 190, 207)};
    /** Sequential "Blues" colour map for densities, from 0 (white) to 1. */
    private static final int[][] BLUES = {
        {255, 255, 255}, {222, 235, 247}, {198, 219, 239}, {158, 202, 225}, {107, 174, 214}, {66, 146, 198},
        {33, 113, 181}, {8, 81, 156}, {8, 48, 107}};

    private static final int DENSITY_GRID = 161;
    private static final int CONTOUR_LEVELS = 10;
    private static final int MAX_DOTS = 20_000;
    private static final int MAX_PAIR_DOTS = 3_000;

    private static volatile boolean textBroken;

    private Plots() {}

    /** A log-density evaluated on many points at once: {@code points} is n × 2, the result has n entries. */
    @FunctionalInterface
    public interface BatchLogDensity {
        double[] logDensity(double[][] points);
    }

    // ================================================================== density with samples

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
        checkRange("xRange", xRange);
        checkRange("yRange", yRange);
        BufferedImage img = blank(DENSITY_WIDTH, DENSITY_HEIGHT);
        Graphics2D g = graphics(img);
        Rectangle2D.Double area = new Rectangle2D.Double(80, 50, DENSITY_WIDTH - 80 - 30, DENSITY_HEIGHT - 50 - 60);
        Axis x = new Axis(xRange[0], xRange[1], false, area.x, area.x + area.width);
        Axis y = new Axis(yRange[0], yRange[1], false, area.y + area.height, area.y);

        boolean haveDensity = logDensity != null;
        if (haveDensity) {
            int n = DENSITY_GRID;
            double[] gx = new double[n];
            double[] gy = new double[n];
            double[][] pts = new double[n * n][];
            for (int i = 0; i < n; i++) {
                gx[i] = xRange[0] + (xRange[1] - xRange[0]) * i / (n - 1);
                gy[i] = yRange[0] + (yRange[1] - yRange[0]) * i / (n - 1);
            }
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < n; i++) {
                    pts[j * n + i] = new double[] {gx[i], gy[j]};
                }
            }
            double[] flat = logDensity.logDensity(pts);
            if (flat == null || flat.length != n * n) {
                throw new IllegalArgumentException("logDensity returned " + (flat == null ? "null" : flat.length
                        + " values") + " for " + n * n + " points");
            }
            double[][] v = new double[n][n]; // v[j][i] at (gx[i], gy[j])
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < n; i++) {
                    double val = flat[j * n + i];
                    v[j][i] = Double.isNaN(val) ? Double.NEGATIVE_INFINITY : val;
                    if (v[j][i] > max && v[j][i] < Double.POSITIVE_INFINITY) {
                        max = v[j][i];
                    }
                }
            }
            if (max > Double.NEGATIVE_INFINITY) {
                heatMap(g, area, v, max);
                contours(g, x, y, gx, gy, v, max);
            }
        }
        g.setClip(area);
        int count = 0;
        if (samples != null) {
            int stride = Math.max(1, (samples.length + MAX_DOTS - 1) / MAX_DOTS);
            double alpha = Math.max(0.12, Math.min(0.6, 0.6 * Math.sqrt(2000.0 / Math.max(1, samples.length))));
            g.setColor(withAlpha(SAMPLE_DOT, alpha));
            for (int s = 0; s < samples.length; s += stride) {
                double[] p = samples[s];
                if (p == null || p.length < 2 || !Double.isFinite(p[0]) || !Double.isFinite(p[1])) {
                    continue;
                }
                g.fill(dot(x.px(p[0]), y.px(p[1]), 2.2));
                count++;
            }
        }
        g.setClip(null);
        frame(g, DENSITY_WIDTH, area, title, x, y, "x\u2080", "x\u2081", false);
        List<LegendEntry> legend = new ArrayList<>();
        if (haveDensity) {
            legend.add(new LegendEntry("log-density contours", new Color(40, 40, 40), false));
        }
        if (samples != null) {
            legend.add(new LegendEntry("samples (n = " + samples.length + ")", SAMPLE_DOT, true));
        }
        legend(g, area, legend);
        g.dispose();
        return img;
    }

    private static void heatMap(Graphics2D g, Rectangle2D.Double area, double[][] v, double max) {
        int n = v.length;
        BufferedImage heat = new BufferedImage(n, n, BufferedImage.TYPE_INT_RGB);
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                double d = Math.exp(v[j][i] - max); // in [0, 1]
                heat.setRGB(i, n - 1 - j, colourMap(Double.isFinite(d) ? d : 0));
            }
        }
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(heat, (int) Math.round(area.x), (int) Math.round(area.y), (int) Math.round(area.width),
                (int) Math.round(area.height), null);
    }

    static int colourMap(double t) {
        double u = Math.max(0, Math.min(1, t)) * (BLUES.length - 1);
        int k = Math.min(BLUES.length - 2, (int) Math.floor(u));
        double f = u - k;
        int r = (int) Math.round(BLUES[k][0] + f * (BLUES[k + 1][0] - BLUES[k][0]));
        int gr = (int) Math.round(BLUES[k][1] + f * (BLUES[k + 1][1] - BLUES[k][1]));
        int b = (int) Math.round(BLUES[k][2] + f * (BLUES[k + 1][2] - BLUES[k][2]));
        return (r << 16) | (gr << 8) | b;
    }

    /** Contour lines of {@code v} at {@value #CONTOUR_LEVELS} levels between a low quantile and the max. */
    private static void contours(Graphics2D g, Axis x, Axis y, double[] gx, double[] gy, double[][] v, double max) {
        double[] finite = Arrays.stream(v).flatMapToDouble(Arrays::stream).filter(Double::isFinite).sorted().toArray();
        double lo = Math.max(finite[(int) (0.05 * (finite.length - 1))], max - 30);
        if (!(max - lo > 1e-12)) {
            return;
        }
        double floor = lo - 1;
        Path2D.Double path = new Path2D.Double();
        for (int k = 1; k <= CONTOUR_LEVELS; k++) {
            double c = lo + (max - lo) * k / (CONTOUR_LEVELS + 1);
            marchingSquares(v, c, floor, (x0, y0, x1, y1) -> {
                path.moveTo(x.px(interp(gx, x0)), y.px(interp(gy, y0)));
                path.lineTo(x.px(interp(gx, x1)), y.px(interp(gy, y1)));
            });
        }
        g.setColor(new Color(40, 40, 40, 160));
        g.setStroke(new BasicStroke(1.0f));
        g.draw(path);
    }

    private static double interp(double[] grid, double fractionalIndex) {
        int i = Math.min(grid.length - 2, (int) Math.floor(fractionalIndex));
        return grid[i] + (fractionalIndex - i) * (grid[i + 1] - grid[i]);
    }

    /** Receives one contour segment in fractional grid indices (column, row). */
    @FunctionalInterface
    interface SegmentSink {
        void segment(double i0, double j0, double i1, double j1);
    }

    /**
     * Marching squares on {@code v[row][column]} at level {@code c}; non-finite values count as
     * {@code floor}. Saddle cells are resolved by the cell's mean value.
     */
    static void marchingSquares(double[][] v, double c, double floor, SegmentSink sink) {
        int rows = v.length;
        int cols = v[0].length;
        double[] ci = new double[4];
        double[] cj = new double[4];
        for (int j = 0; j + 1 < rows; j++) {
            for (int i = 0; i + 1 < cols; i++) {
                double v00 = fin(v[j][i], floor);
                double v10 = fin(v[j][i + 1], floor);
                double v11 = fin(v[j + 1][i + 1], floor);
                double v01 = fin(v[j + 1][i], floor);
                int m = 0;
                // edges in order: bottom (00-10), right (10-11), top (01-11), left (00-01)
                if ((v00 > c) != (v10 > c)) {
                    ci[m] = i + (c - v00) / (v10 - v00);
                    cj[m++] = j;
                }
                if ((v10 > c) != (v11 > c)) {
                    ci[m] = i + 1;
                    cj[m++] = j + (c - v10) / (v11 - v10);
                }
                if ((v01 > c) != (v11 > c)) {
                    ci[m] = i + (c - v01) / (v11 - v01);
                    cj[m++] = j + 1;
                }
                if ((v00 > c) != (v01 > c)) {
                    ci[m] = i;
                    cj[m++] = j + (c - v00) / (v01 - v00);
                }
                if (m == 2) {
                    sink.segment(ci[0], cj[0], ci[1], cj[1]);
                } else if (m == 4) {
                    boolean centreHigh = (v00 + v10 + v11 + v01) / 4 > c;
                    if (centreHigh == (v00 > c)) {
                        // v00 and v11 connect through the centre: cut off corners 10 and 01
                        sink.segment(ci[0], cj[0], ci[1], cj[1]);
                        sink.segment(ci[2], cj[2], ci[3], cj[3]);
                    } else {
                        // cut off corners 00 and 11
                        sink.segment(ci[3], cj[3], ci[0], cj[0]);
                        sink.segment(ci[1], cj[1], ci[2], cj[2]);
                    }
                }
            }
        }
    }

    private static double fin(double x, double floor) {
        return Double.isFinite(x) ? x : (x > 0 ? Double.MAX_VALUE : floor);
    }

    // ================================================================== pairwise marginals

    /** Image size of {@link #pairwiseMarginals} for {@code k} coordinates: {@code {width, height}}. */
    public static int[] pairwiseSize(int k) {
        int panel = panelSize(k);
        return new int[] {70 + k * panel + 20, 80 + k * panel + 50};
    }

    private static int panelSize(int k) {
        return Math.max(120, Math.min(240, 1000 / Math.max(1, k)));
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
        Objects.requireNonNull(samples, "samples");
        if (maxCoords < 1) {
            throw new IllegalArgumentException("maxCoords must be >= 1, got " + maxCoords);
        }
        int dim = dimension(samples);
        if (reference != null && reference.length > 0 && dimension(reference) != dim) {
            throw new IllegalArgumentException("samples have dimension " + dim + " but reference has "
                    + dimension(reference));
        }
        int k = Math.max(1, Math.min(maxCoords, dim));
        int panel = panelSize(k);
        int[] size = pairwiseSize(k);
        BufferedImage img = blank(size[0], size[1]);
        Graphics2D g = graphics(img);
        double left = 70;
        double top = 80;
        double gap = 6;

        Axis[] ranges = new Axis[k];
        for (int c = 0; c < k; c++) {
            double[] r = robustRange(samples, reference, c);
            ranges[c] = new Axis(r[0], r[1], false, 0, 1);
        }
        double[][] modelDots = subsample(samples, MAX_PAIR_DOTS);
        double[][] refDots = reference == null ? null : subsample(reference, MAX_PAIR_DOTS);
        int ticks = panel >= 200 ? 4 : 3;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                Rectangle2D.Double area = new Rectangle2D.Double(left + j * panel + gap / 2, top + i * panel + gap / 2,
                        panel - gap, panel - gap);
                Axis x = ranges[j].placed(area.x, area.x + area.width);
                Axis y = ranges[i].placed(area.y + area.height, area.y);
                g.setColor(Color.WHITE);
                g.fill(area);
                g.setClip(area);
                if (i == j) {
                    histograms(g, area, x, samples, reference, i);
                } else {
                    if (refDots != null) {
                        scatter(g, x, y, refDots, j, i, REFERENCE);
                    }
                    scatter(g, x, y, modelDots, j, i, MODEL);
                }
                g.setClip(null);
                g.setColor(new Color(60, 60, 60));
                g.setStroke(new BasicStroke(1f));
                g.draw(area);
                g.setFont(tickFont());
                if (i == k - 1) {
                    for (double t : x.ticks(ticks)) {
                        double px = x.px(t);
                        g.draw(new Line2D.Double(px, area.y + area.height, px, area.y + area.height + 4));
                        text(g, x.label(t, ticks), px, area.y + area.height + 6, 0.5, 0);
                    }
                    g.setFont(labelFont());
                    text(g, "x" + j, area.x + area.width / 2, area.y + area.height + 22, 0.5, 0);
                    g.setFont(tickFont());
                }
                if (j == 0 && i != 0) {
                    for (double t : y.ticks(ticks)) {
                        double py = y.px(t);
                        g.draw(new Line2D.Double(area.x - 4, py, area.x, py));
                        text(g, y.label(t, ticks), area.x - 6, py, 1, 0.5);
                    }
                }
                if (j == 0) {
                    g.setFont(labelFont());
                    text(g, "x" + i, 14, area.y + area.height / 2, 0.5, 0.5);
                }
            }
        }
        title(g, title, size[0]);
        List<LegendEntry> legend = new ArrayList<>();
        legend.add(new LegendEntry("model (n = " + samples.length + ")", MODEL, true));
        if (reference != null) {
            legend.add(new LegendEntry("reference (n = " + reference.length + ")", REFERENCE, true));
        }
        g.setFont(labelFont());
        double lx = left;
        for (LegendEntry e : legend) {
            g.setColor(e.colour());
            g.fill(dot(lx + 5, 52, 4.5));
            g.setColor(Color.DARK_GRAY);
            lx += 14 + text(g, e.label(), lx + 14, 52, 0, 0.5) + 24;
        }
        g.dispose();
        return img;
    }

    private static int dimension(double[][] xs) {
        int d = 0;
        for (double[] row : xs) {
            if (row != null) {
                d = Math.max(d, row.length);
            }
        }
        return d;
    }

    private static double[][] subsample(double[][] xs, int max) {
        if (xs.length <= max) {
            return xs;
        }
        double[][] out = new double[max][];
        for (int i = 0; i < max; i++) {
            out[i] = xs[(int) ((long) i * xs.length / max)];
        }
        return out;
    }

    /** The union of the 0.5 %–99.5 % ranges of coordinate c in both sets, padded by 5 %. */
    private static double[] robustRange(double[][] a, double[][] b, int c) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[][] set : new double[][][] {a, b}) {
            if (set == null) {
                continue;
            }
            double[] v = Arrays.stream(set).filter(r -> r != null && r.length > c && Double.isFinite(r[c]))
                    .mapToDouble(r -> r[c]).sorted().toArray();
            if (v.length == 0) {
                continue;
            }
            lo = Math.min(lo, v[(int) Math.floor(0.005 * (v.length - 1))]);
            hi = Math.max(hi, v[(int) Math.ceil(0.995 * (v.length - 1))]);
        }
        return padded(lo, hi, 0.05);
    }

    private static double[] padded(double lo, double hi, double fraction) {
        if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
            return new double[] {-1, 1};
        }
        if (hi - lo <= 1e-12 * Math.max(1, Math.abs(lo))) {
            double w = Math.max(0.5, Math.abs(lo) * 0.1);
            return new double[] {lo - w, hi + w};
        }
        double pad = (hi - lo) * fraction;
        return new double[] {lo - pad, hi + pad};
    }

    private static void scatter(Graphics2D g, Axis x, Axis y, double[][] pts, int cx, int cy, Color colour) {
        double alpha = Math.max(0.15, Math.min(0.5, 0.5 * Math.sqrt(1000.0 / Math.max(1, pts.length))));
        g.setColor(withAlpha(colour, alpha));
        for (double[] p : pts) {
            if (p != null && p.length > Math.max(cx, cy) && Double.isFinite(p[cx]) && Double.isFinite(p[cy])) {
                g.fill(dot(x.px(p[cx]), y.px(p[cy]), 1.6));
            }
        }
    }

    private static void histograms(Graphics2D g, Rectangle2D.Double area, Axis x, double[][] model,
            double[][] reference, int c) {
        int bins = 30;
        double[] hm = histogram(model, c, x.lo, x.hi, bins);
        double[] hr = reference == null ? null : histogram(reference, c, x.lo, x.hi, bins);
        double top = Arrays.stream(hm).max().orElse(0);
        if (hr != null) {
            top = Math.max(top, Arrays.stream(hr).max().orElse(0));
        }
        if (top <= 0) {
            return;
        }
        Axis y = new Axis(0, top * 1.1, false, area.y + area.height, area.y);
        if (hr != null) {
            drawHistogram(g, x, y, hr, REFERENCE, true);
        }
        drawHistogram(g, x, y, hm, MODEL, hr == null);
    }

    private static double[] histogram(double[][] xs, int c, double lo, double hi, int bins) {
        double[] h = new double[bins];
        long n = 0;
        for (double[] r : xs) {
            if (r != null && r.length > c && Double.isFinite(r[c])) {
                n++;
                int b = (int) Math.floor((r[c] - lo) / (hi - lo) * bins);
                if (b >= 0 && b < bins) {
                    h[b]++;
                }
            }
        }
        double width = (hi - lo) / bins;
        for (int b = 0; b < bins && n > 0; b++) {
            h[b] /= n * width; // a density, comparable between sets of different sizes
        }
        return h;
    }

    private static void drawHistogram(Graphics2D g, Axis x, Axis y, double[] h, Color colour, boolean filled) {
        int bins = h.length;
        Path2D.Double step = new Path2D.Double();
        step.moveTo(x.px(x.lo), y.px(0));
        for (int b = 0; b < bins; b++) {
            double a = x.lo + (x.hi - x.lo) * b / bins;
            double e = x.lo + (x.hi - x.lo) * (b + 1) / bins;
            step.lineTo(x.px(a), y.px(h[b]));
            step.lineTo(x.px(e), y.px(h[b]));
        }
        step.lineTo(x.px(x.hi), y.px(0));
        step.closePath();
        if (filled) {
            g.setColor(withAlpha(colour, 0.35));
            g.fill(step);
        }
        g.setColor(colour);
        g.setStroke(new BasicStroke(filled ? 1.0f : 1.8f));
        g.draw(step);
    }

    // ================================================================== lines

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
        write(path, renderLines(title, xLabel, yLabel, series, logY));
    }

    /** The image of {@link #lines}. */
    public static BufferedImage renderLines(String title, String xLabel, String yLabel, Map<String, double[][]> series,
            boolean logY) {
        Objects.requireNonNull(series, "series");
        double xlo = Double.POSITIVE_INFINITY;
        double xhi = Double.NEGATIVE_INFINITY;
        double ylo = Double.POSITIVE_INFINITY;
        double yhi = Double.NEGATIVE_INFINITY;
        for (Map.Entry<String, double[][]> e : series.entrySet()) {
            double[][] s = e.getValue();
            if (s == null || s.length != 2 || s[0] == null || s[1] == null || s[0].length != s[1].length) {
                throw new IllegalArgumentException("series '" + e.getKey()
                        + "' must be {xs, ys}: two arrays of equal length");
            }
            for (int i = 0; i < s[0].length; i++) {
                if (usable(s[0][i], s[1][i], logY)) {
                    xlo = Math.min(xlo, s[0][i]);
                    xhi = Math.max(xhi, s[0][i]);
                    ylo = Math.min(ylo, s[1][i]);
                    yhi = Math.max(yhi, s[1][i]);
                }
            }
        }
        BufferedImage img = blank(LINES_WIDTH, LINES_HEIGHT);
        Graphics2D g = graphics(img);
        Rectangle2D.Double area = new Rectangle2D.Double(90, 50, LINES_WIDTH - 90 - 30, LINES_HEIGHT - 50 - 70);
        double[] xr = xlo <= xhi ? (xlo == xhi ? padded(xlo, xhi, 0) : new double[] {xlo, xhi}) : new double[] {0, 1};
        double[] yr;
        if (ylo > yhi) {
            yr = logY ? new double[] {0.1, 10} : new double[] {0, 1};
        } else if (logY) {
            double l = Math.log10(ylo);
            double h = Math.log10(yhi);
            double pad = Math.max(0.05 * (h - l), 0.1);
            yr = new double[] {Math.pow(10, l - pad), Math.pow(10, h + pad)};
        } else {
            yr = padded(ylo, yhi, 0.05);
        }
        Axis x = new Axis(xr[0], xr[1], false, area.x, area.x + area.width);
        Axis y = new Axis(yr[0], yr[1], logY, area.y + area.height, area.y);
        // grid
        g.setColor(new Color(232, 232, 232));
        g.setStroke(new BasicStroke(1f));
        for (double t : x.ticks(8)) {
            g.draw(new Line2D.Double(x.px(t), area.y, x.px(t), area.y + area.height));
        }
        for (double t : y.ticks(6)) {
            g.draw(new Line2D.Double(area.x, y.px(t), area.x + area.width, y.px(t)));
        }
        g.setClip(area);
        List<LegendEntry> legend = new ArrayList<>();
        int k = 0;
        for (Map.Entry<String, double[][]> e : series.entrySet()) {
            Color colour = PALETTE[k++ % PALETTE.length];
            double[][] s = e.getValue();
            Path2D.Double line = new Path2D.Double();
            boolean penDown = false;
            int points = 0;
            for (int i = 0; i < s[0].length; i++) {
                if (!usable(s[0][i], s[1][i], logY)) {
                    penDown = false;
                    continue;
                }
                double px = x.px(s[0][i]);
                double py = y.px(s[1][i]);
                if (penDown) {
                    line.lineTo(px, py);
                } else {
                    line.moveTo(px, py);
                    penDown = true;
                }
                points++;
            }
            g.setColor(colour);
            g.setStroke(new BasicStroke(1.8f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(line);
            if (points <= 30) { // few points: mark them
                for (int i = 0; i < s[0].length; i++) {
                    if (usable(s[0][i], s[1][i], logY)) {
                        g.fill(dot(x.px(s[0][i]), y.px(s[1][i]), 3));
                    }
                }
            }
            legend.add(new LegendEntry(e.getKey(), colour, false));
        }
        g.setClip(null);
        frame(g, LINES_WIDTH, area, title, x, y, xLabel, yLabel, true);
        legend(g, area, legend);
        g.dispose();
        return img;
    }

    private static boolean usable(double x, double y, boolean logY) {
        return Double.isFinite(x) && Double.isFinite(y) && (!logY || y > 0);
    }

    // ================================================================== checking images

    /** What {@link #inspect} found: size, number of distinct colours (capped), share of non-white pixels. */
    public record ImageStats(int width, int height, int distinctColours, double nonWhiteFraction) {
        /** Whether this looks like a drawn plot: more than {@code minColours} colours and some ink. */
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

    // ================================================================== drawing helpers

    /** Writes {@code img} as PNG, atomically. */
    public static void write(Path path, BufferedImage img) throws IOException {
        AtomicFiles.write(path, out -> {
            if (!ImageIO.write(img, "png", out)) {
                throw new IOException("no PNG writer available in this JVM");
            }
        });
    }

    private static BufferedImage blank(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.dispose();
        return img;
    }

    private static Graphics2D graphics(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        return g;
    }

    private static Font tickFont() {
        return new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    }

    private static Font labelFont() {
        return new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    }

    private static Color withAlpha(Color c, double alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), (int) Math.round(255 * alpha));
    }

    private static Shape dot(double cx, double cy, double r) {
        return new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r);
    }

    /**
     * Draws {@code s} with its anchor at ({@code x}, {@code y}): {@code ax}/{@code ay} = 0 left/top,
     * 0.5 centre, 1 right/bottom. Returns the text's width (0 if no fonts are usable).
     */
    private static double text(Graphics2D g, String s, double x, double y, double ax, double ay) {
        if (textBroken || s == null || s.isEmpty()) {
            return 0;
        }
        try {
            FontMetrics fm = g.getFontMetrics();
            double w = fm.stringWidth(s);
            double h = fm.getAscent() + fm.getDescent();
            g.drawString(s, (float) (x - ax * w), (float) (y - ay * h + fm.getAscent()));
            return w;
        } catch (Throwable noFonts) { // e.g. no fontconfig in a minimal container: plot without text
            textBroken = true;
            return 0;
        }
    }

    private static void title(Graphics2D g, String title, int width) {
        if (title != null) {
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
            text(g, title, width / 2.0, 14, 0.5, 0);
        }
    }

    /** Title, frame, ticks and tick labels, axis labels; optional grid is drawn by the caller. */
    private static void frame(Graphics2D g, int imageWidth, Rectangle2D.Double area, String title, Axis x, Axis y,
            String xLabel, String yLabel, boolean many) {
        g.setColor(new Color(50, 50, 50));
        g.setStroke(new BasicStroke(1f));
        g.draw(area);
        g.setFont(tickFont());
        int xt = many ? 8 : 6;
        for (double t : x.ticks(xt)) {
            double px = x.px(t);
            g.draw(new Line2D.Double(px, area.y + area.height, px, area.y + area.height + 5));
            text(g, x.label(t, xt), px, area.y + area.height + 8, 0.5, 0);
        }
        for (double t : y.ticks(6)) {
            double py = y.px(t);
            g.draw(new Line2D.Double(area.x - 5, py, area.x, py));
            text(g, y.label(t, 6), area.x - 8, py, 1, 0.5);
        }
        g.setFont(labelFont());
        if (xLabel != null) {
            text(g, xLabel, area.x + area.width / 2, area.y + area.height + 30, 0.5, 0);
        }
        if (yLabel != null && !textBroken) {
            Graphics2D r = (Graphics2D) g.create();
            r.rotate(-Math.PI / 2);
            // rotated frame: (x, y) → (-y, x)
            text(r, yLabel, -(area.y + area.height / 2), 8, 0.5, 0);
            r.dispose();
        }
        title(g, title, imageWidth);
    }

    private record LegendEntry(String label, Color colour, boolean dot) {}

    private static void legend(Graphics2D g, Rectangle2D.Double area, List<LegendEntry> entries) {
        if (entries.isEmpty() || textBroken) {
            return;
        }
        g.setFont(labelFont());
        FontMetrics fm;
        try {
            fm = g.getFontMetrics();
        } catch (Throwable noFonts) {
            textBroken = true;
            return;
        }
        int lineH = fm.getHeight() + 2;
        int w = 0;
        for (LegendEntry e : entries) {
            w = Math.max(w, fm.stringWidth(e.label()));
        }
        double boxW = w + 44;
        double boxH = entries.size() * lineH + 10;
        double bx = area.x + area.width - boxW - 10;
        double by = area.y + 10;
        g.setColor(new Color(255, 255, 255, 225));
        g.fill(new Rectangle2D.Double(bx, by, boxW, boxH));
        g.setColor(new Color(170, 170, 170));
        g.setStroke(new BasicStroke(1f));
        g.draw(new Rectangle2D.Double(bx, by, boxW, boxH));
        for (int i = 0; i < entries.size(); i++) {
            LegendEntry e = entries.get(i);
            double cy = by + 5 + lineH * (i + 0.5);
            g.setColor(e.colour());
            if (e.dot()) {
                g.fill(dot(bx + 18, cy, 4));
            } else {
                g.setStroke(new BasicStroke(2f));
                g.draw(new Line2D.Double(bx + 8, cy, bx + 30, cy));
            }
            g.setColor(Color.DARK_GRAY);
            text(g, e.label(), bx + 36, cy, 0, 0.5);
        }
    }

    private static void checkRange(String name, double[] r) {
        if (r == null || r.length != 2 || !Double.isFinite(r[0]) || !Double.isFinite(r[1]) || !(r[1] > r[0])) {
            throw new IllegalArgumentException(name + " must be {min, max} with finite min < max, got "
                    + Arrays.toString(r));
        }
    }

    // ================================================================== axes

    /** A data interval mapped onto a pixel interval (linear or log10), with "nice" ticks. */
    static final class Axis {
        final double lo;
        final double hi;
        final boolean log;
        final double p0;
        final double p1;

        Axis(double lo, double hi, boolean log, double p0, double p1) {
            if (log && !(lo > 0)) {
                throw new IllegalArgumentException("log axis needs positive bounds, got " + lo);
            }
            this.lo = lo;
            this.hi = hi;
            this.log = log;
            this.p0 = p0;
            this.p1 = p1;
        }

        Axis placed(double q0, double q1) {
            return new Axis(lo, hi, log, q0, q1);
        }

        double px(double v) {
            double t = log ? (Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo))
                    : (v - lo) / (hi - lo);
            return p0 + t * (p1 - p0);
        }

        /** About {@code target} round values inside [lo, hi]. */
        double[] ticks(int target) {
            if (log) {
                int a = (int) Math.ceil(Math.log10(lo) - 1e-9);
                int b = (int) Math.floor(Math.log10(hi) + 1e-9);
                List<Double> t = new ArrayList<>();
                if (b - a >= 2) { // decades, thinned to about target
                    int stride = Math.max(1, (int) Math.ceil((b - a + 1) / (double) target));
                    for (int e = a; e <= b; e += stride) {
                        t.add(Math.pow(10, e));
                    }
                } else { // few decades: 1, 2, 5 × 10^e
                    for (int e = a - 1; e <= b; e++) {
                        for (double m : new double[] {1, 2, 5}) {
                            double v = m * Math.pow(10, e);
                            if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) {
                                t.add(v);
                            }
                        }
                    }
                }
                if (t.size() >= 3) {
                    return t.stream().mapToDouble(Double::doubleValue).toArray();
                }
            }
            double step = tickStep(target);
            double first = Math.ceil(lo / step - 1e-9) * step;
            List<Double> t = new ArrayList<>();
            for (double v = first; v <= hi + step * 1e-9 && t.size() < 100; v += step) {
                double snapped = Math.round(v / step) * step;
                t.add(Math.abs(snapped) < step * 1e-9 ? 0.0 : snapped);
            }
            return t.stream().mapToDouble(Double::doubleValue).filter(v -> !log || v > 0).toArray();
        }

        /** The linear tick spacing: a 1-2-5 step giving about {@code target}, and never fewer than 3, ticks. */
        double tickStep(int target) {
            double step = niceStep((hi - lo) / Math.max(1, target));
            while ((hi - lo) / step < 2 && step > 0) { // fewer than 3 ticks: next smaller 1-2-5 step
                double p = Math.pow(10, Math.floor(Math.log10(step) + 1e-9));
                double m = Math.rint(step / p);
                step = m == 1 ? p / 2 : m == 2 ? p : 2 * p;
            }
            return step;
        }

        /** A label for tick {@code v}, with just enough decimals for the tick spacing. */
        String label(double v, int target) {
            if (log) {
                double e = Math.log10(v);
                int k = (int) Math.floor(e + 1e-9);
                double mantissa = v / Math.pow(10, k);
                if (Math.abs(mantissa - Math.rint(mantissa)) < 1e-6) {
                    int m = (int) Math.rint(mantissa);
                    if (k >= -3 && k <= 4) {
                        return plain(v, Math.max(0, -k));
                    }
                    return m + "e" + k;
                }
            }
            double step = tickStep(target);
            double mag = Math.max(Math.abs(lo), Math.abs(hi));
            if (mag >= 1e6 || (step < 1e-4 && mag < 1e-3)) {
                return String.format(Locale.ROOT, "%.2g", v).replace("e+0", "e").replace("e-0", "e-");
            }
            int decimals = Math.max(0, (int) Math.ceil(-Math.log10(step) - 1e-9));
            return plain(v, decimals);
        }

        private static String plain(double v, int decimals) {
            String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
            return s.matches("-0(\\.0*)?") ? s.substring(1) : s;
        }

        static double niceStep(double raw) {
            if (!(raw > 0) || !Double.isFinite(raw)) {
                return 1;
            }
            double p = Math.pow(10, Math.floor(Math.log10(raw)));
            double f = raw / p;
            double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
            return nice * p;
        }
    }
}
