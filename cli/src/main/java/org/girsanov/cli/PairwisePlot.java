package org.girsanov.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Objects;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.AxisSpace;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.statistics.HistogramDataset;
import org.jfree.data.statistics.HistogramType;
import org.jfree.data.xy.DefaultXYDataset;

/**
 * A corner grid of JFreeChart panels: scatter plots of coordinate pairs off the diagonal, density
 * histograms on it; model samples in blue, reference samples in orange. Panels share their axis
 * ranges along rows and columns (the 0.5–99.5 % quantile range of both sets, padded by 5 %), so a
 * few stray samples do not squash the picture; tick labels only on the outer row and column.
 */
final class PairwisePlot {

    private static final int MAX_DOTS = 3_000;
    private static final int BINS = 30;
    private static final double LEFT = 70;
    private static final double TOP = 80;

    private PairwisePlot() {}

    static int[] size(int k) {
        int panel = panelSize(k);
        return new int[] {(int) LEFT + k * panel + 20, (int) TOP + k * panel + 50};
    }

    private static int panelSize(int k) {
        return Math.max(120, Math.min(240, 1000 / Math.max(1, k)));
    }

    static BufferedImage render(String title, double[][] samples, double[][] reference, int maxCoords) {
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
        double[][] ranges = new double[k][];
        for (int c = 0; c < k; c++) {
            ranges[c] = robustRange(samples, reference, c);
        }
        double[][] modelDots = subsample(samples, MAX_DOTS);
        double[][] refDots = reference == null ? null : subsample(reference, MAX_DOTS);
        int[] size = size(k);
        return ChartStyle.image(size[0], size[1], (g, text) -> {
            int panel = panelSize(k);
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    JFreeChart c = new JFreeChart(panel(i, j, k, ranges, samples, reference, modelDots, refDots, text));
                    c.removeLegend();
                    c.setBackgroundPaint(Color.WHITE);
                    c.setPadding(RectangleInsets.ZERO_INSETS);
                    c.setBorderVisible(false);
                    double left = j == 0 ? LEFT - 3 : 0;
                    double bottom = i == k - 1 ? 40 : 0;
                    c.draw(g, new Rectangle2D.Double(LEFT + j * panel + 3 - left, TOP + i * panel + 3,
                            panel - 6 + left, panel - 6 + bottom));
                }
            }
            ChartStyle.title(g, title, new Rectangle2D.Double(0, 8, size[0], 26), text);
            if (text) {
                LegendItemCollection items = new LegendItemCollection();
                items.add(new LegendItem("model (n = " + samples.length + ")", Plots.MODEL));
                if (reference != null) {
                    items.add(new LegendItem("reference (n = " + reference.length + ")", Plots.REFERENCE));
                }
                LegendTitle legend = new LegendTitle(() -> items);
                legend.setItemFont(ChartStyle.LABEL);
                legend.setFrame(BlockBorder.NONE);
                legend.setBackgroundPaint(Color.WHITE);
                Rectangle2D.Double area = new Rectangle2D.Double(LEFT, 40, size[0] - LEFT - 20, 30);
                legend.arrange(g, ChartStyle.widthOnly(area.width));
                legend.draw(g, area);
            }
        });
    }

    private static XYPlot panel(int i, int j, int k, double[][] ranges, double[][] samples, double[][] reference,
            double[][] modelDots, double[][] refDots, boolean text) {
        NumberAxis x = ChartStyle.fixedAxis(i == k - 1 ? "x" + j : null, ranges[j][0], ranges[j][1]);
        XYPlot plot;
        if (i == j) {
            HistogramDataset h = new HistogramDataset();
            h.setType(HistogramType.SCALE_AREA_TO_1); // densities: comparable between sets of different sizes
            if (reference != null) {
                add(h, "reference", reference, i, ranges[i]);
            }
            add(h, "model", samples, i, ranges[i]);
            NumberAxis y = new NumberAxis(j == 0 ? "x" + i : null);
            y.setTickLabelsVisible(false);
            y.setTickMarksVisible(false);
            XYBarRenderer bars = new XYBarRenderer();
            bars.setBarPainter(new StandardXYBarPainter());
            bars.setShadowVisible(false);
            bars.setDrawBarOutline(false);
            int s = 0;
            if (reference != null) {
                bars.setSeriesPaint(s++, ChartStyle.withAlpha(Plots.REFERENCE, 0.45));
            }
            bars.setSeriesPaint(s, ChartStyle.withAlpha(Plots.MODEL, reference != null ? 0.55 : 0.7));
            plot = new XYPlot(h.getSeriesCount() > 0 ? h : null, x, y, bars);
        } else {
            NumberAxis y = ChartStyle.fixedAxis(j == 0 ? "x" + i : null, ranges[i][0], ranges[i][1]);
            plot = new XYPlot(null, x, y, null);
            plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD); // model dots over reference dots
            int d = 0;
            if (refDots != null) {
                scatter(plot, d++, refDots, j, i, Plots.REFERENCE);
            }
            scatter(plot, d, modelDots, j, i, Plots.MODEL);
        }
        ChartStyle.style(plot, text);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setOutlineStroke(new BasicStroke(1f));
        plot.getDomainAxis().setVisible(i == k - 1);
        plot.getRangeAxis().setVisible(j == 0);
        plot.getDomainAxis().setTickLabelFont(ChartStyle.TICK.deriveFont(11f));
        plot.getRangeAxis().setTickLabelFont(ChartStyle.TICK.deriveFont(11f));
        AxisSpace left = new AxisSpace();
        left.setLeft(j == 0 ? LEFT - 3 : 0);
        AxisSpace bottom = new AxisSpace();
        bottom.setBottom(i == k - 1 ? 40 : 0);
        plot.setFixedRangeAxisSpace(left);
        plot.setFixedDomainAxisSpace(bottom);
        plot.setInsets(RectangleInsets.ZERO_INSETS);
        return plot;
    }

    private static void add(HistogramDataset h, String key, double[][] xs, int c, double[] range) {
        double[] v = Arrays.stream(xs).filter(r -> r != null && r.length > c && Double.isFinite(r[c])
                && r[c] >= range[0] && r[c] <= range[1]).mapToDouble(r -> r[c]).toArray();
        if (v.length > 0) {
            h.addSeries(key, v, BINS, range[0], range[1]);
        }
    }

    private static void scatter(XYPlot plot, int index, double[][] pts, int cx, int cy, Color colour) {
        double[] xs = new double[pts.length];
        double[] ys = new double[pts.length];
        int m = 0;
        for (double[] p : pts) {
            if (p != null && p.length > Math.max(cx, cy) && Double.isFinite(p[cx]) && Double.isFinite(p[cy])) {
                xs[m] = p[cx];
                ys[m++] = p[cy];
            }
        }
        DefaultXYDataset data = new DefaultXYDataset();
        data.addSeries("s" + index, new double[][] {Arrays.copyOf(xs, m), Arrays.copyOf(ys, m)});
        double alpha = Math.max(0.15, Math.min(0.5, 0.5 * Math.sqrt(1000.0 / Math.max(1, m))));
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        r.setSeriesShape(0, new Ellipse2D.Double(-1.6, -1.6, 3.2, 3.2));
        r.setSeriesPaint(0, ChartStyle.withAlpha(colour, alpha));
        plot.setDataset(index, data);
        plot.setRenderer(index, r);
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
        if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
            return new double[] {-1, 1};
        }
        if (hi - lo <= 1e-12 * Math.max(1, Math.abs(lo))) {
            double w = Math.max(0.5, Math.abs(lo) * 0.1);
            return new double[] {lo - w, hi + w};
        }
        double pad = (hi - lo) * 0.05;
        return new double[] {lo - pad, hi + pad};
    }
}
