package org.girsanov.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYShapeAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultXYDataset;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * A 2-D target density as a heat map (JFreeChart's {@link XYBlockRenderer}, "Blues" colour map of
 * density / max) with 10 log-density contour lines ({@link Contours}) and samples drawn over it as
 * semi-transparent dots; the legend and the colour bar sit outside the data.
 */
final class DensityPlot {

    private static final int GRID = 161;
    private static final int CONTOUR_LEVELS = 10;
    private static final int MAX_DOTS = 20_000;
    private static final Color SAMPLE_DOT = new Color(214, 39, 40);
    private static final Color CONTOUR = new Color(40, 40, 40, 160);
    /** Sequential "Blues" colour map for densities, from 0 (white) to 1. */
    private static final int[][] BLUES = {
        {255, 255, 255}, {222, 235, 247}, {198, 219, 239}, {158, 202, 225}, {107, 174, 214}, {66, 146, 198},
        {33, 113, 181}, {8, 81, 156}, {8, 48, 107}};

    private DensityPlot() {}

    static BufferedImage render(String title, Plots.BatchLogDensity logDensity, double[] xRange, double[] yRange,
            double[][] samples) {
        checkRange("xRange", xRange);
        checkRange("yRange", yRange);
        double[] gx = grid(xRange);
        double[] gy = grid(yRange);
        double[][] v = logDensity == null ? null : evaluate(logDensity, gx, gy);
        double max = Double.NEGATIVE_INFINITY;
        if (v != null) {
            for (double[] row : v) {
                for (double x : row) {
                    if (x > max && x < Double.POSITIVE_INFINITY) {
                        max = x;
                    }
                }
            }
        }
        double top = max;
        double[][] dots = dots(samples);
        return ChartStyle.image(Plots.DENSITY_WIDTH, Plots.DENSITY_HEIGHT,
                text -> chart(title, gx, gy, top > Double.NEGATIVE_INFINITY ? v : null, top, dots, samples, text));
    }

    private static JFreeChart chart(String title, double[] gx, double[] gy, double[][] v, double max,
            double[][] dots, double[][] samples, boolean text) {
        NumberAxis x = ChartStyle.fixedAxis("x\u2080", gx[0], gx[gx.length - 1]);
        NumberAxis y = ChartStyle.fixedAxis("x\u2081", gy[0], gy[gy.length - 1]);
        XYPlot plot = new XYPlot(null, x, y, null);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD); // the dots over the heat map
        LegendItemCollection legend = new LegendItemCollection();
        PaintScale scale = new Blues();
        if (v != null) {
            plot.setDataset(0, heat(gx, gy, v, max));
            XYBlockRenderer heat = new XYBlockRenderer();
            heat.setBlockWidth(gx[1] - gx[0]);
            heat.setBlockHeight(gy[1] - gy[0]);
            heat.setPaintScale(scale);
            plot.setRenderer(0, heat);
            plot.addAnnotation(new XYShapeAnnotation(Contours.lines(gx, gy, v, max, CONTOUR_LEVELS),
                    new BasicStroke(1f), CONTOUR), false);
            legend.add(new LegendItem("log-density contours", null, null, null, new Line2D.Double(-7, 0, 7, 0),
                    new BasicStroke(1.5f), CONTOUR));
        }
        if (samples != null) {
            DefaultXYDataset pts = new DefaultXYDataset();
            pts.addSeries("samples", dots);
            double alpha = Math.max(0.12, Math.min(0.6, 0.6 * Math.sqrt(2000.0 / Math.max(1, samples.length))));
            XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
            r.setSeriesShape(0, new Ellipse2D.Double(-2.2, -2.2, 4.4, 4.4));
            r.setSeriesPaint(0, ChartStyle.withAlpha(SAMPLE_DOT, alpha));
            plot.setDataset(1, pts);
            plot.setRenderer(1, r);
            legend.add(new LegendItem("samples (n = " + samples.length + ")", SAMPLE_DOT));
        }
        plot.setFixedLegendItems(legend);
        JFreeChart chart = ChartStyle.chart(title, plot, legend.getItemCount() > 0, text);
        if (v != null) {
            NumberAxis bar = new NumberAxis(text ? "density / max" : null);
            ChartStyle.axis(bar, text);
            bar.setRange(0, 1);
            PaintScaleLegend colourBar = new PaintScaleLegend(scale, bar);
            colourBar.setPosition(RectangleEdge.RIGHT);
            colourBar.setMargin(new RectangleInsets(4, 10, 4, 0));
            colourBar.setStripWidth(12);
            colourBar.setBackgroundPaint(Color.WHITE);
            chart.addSubtitle(colourBar);
        }
        return chart;
    }

    private static double[] grid(double[] range) {
        double[] g = new double[GRID];
        for (int i = 0; i < GRID; i++) {
            g[i] = range[0] + (range[1] - range[0]) * i / (GRID - 1);
        }
        return g;
    }

    /** {@code v[j][i]} = log-density at {@code (gx[i], gy[j])}; NaN becomes −∞. */
    private static double[][] evaluate(Plots.BatchLogDensity logDensity, double[] gx, double[] gy) {
        int n = GRID;
        double[][] pts = new double[n * n][];
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
        double[][] v = new double[n][n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                double val = flat[j * n + i];
                v[j][i] = Double.isNaN(val) ? Double.NEGATIVE_INFINITY : val;
            }
        }
        return v;
    }

    private static DefaultXYZDataset heat(double[] gx, double[] gy, double[][] v, double max) {
        int n = gx.length;
        double[][] xyz = new double[3][n * n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                double d = Math.exp(v[j][i] - max); // in [0, 1]
                xyz[0][j * n + i] = gx[i];
                xyz[1][j * n + i] = gy[j];
                xyz[2][j * n + i] = Double.isFinite(d) ? d : 0;
            }
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries("density", xyz);
        return data;
    }

    /** The first two coordinates of at most {@value #MAX_DOTS} finite samples, as {@code {xs, ys}}. */
    private static double[][] dots(double[][] samples) {
        if (samples == null) {
            return null;
        }
        int stride = Math.max(1, (samples.length + MAX_DOTS - 1) / MAX_DOTS);
        double[] xs = new double[(samples.length + stride - 1) / stride];
        double[] ys = new double[xs.length];
        int m = 0;
        for (int s = 0; s < samples.length; s += stride) {
            double[] p = samples[s];
            if (p != null && p.length >= 2 && Double.isFinite(p[0]) && Double.isFinite(p[1])) {
                xs[m] = p[0];
                ys[m++] = p[1];
            }
        }
        return new double[][] {java.util.Arrays.copyOf(xs, m), java.util.Arrays.copyOf(ys, m)};
    }

    static void checkRange(String name, double[] r) {
        if (r == null || r.length != 2 || !Double.isFinite(r[0]) || !Double.isFinite(r[1]) || !(r[1] > r[0])) {
            throw new IllegalArgumentException(name + " must be {min, max} with finite min < max");
        }
    }

    /** Density / max in [0, 1] → the "Blues" colour map. */
    private static final class Blues implements PaintScale {
        @Override
        public double getLowerBound() {
            return 0;
        }

        @Override
        public double getUpperBound() {
            return 1;
        }

        @Override
        public Paint getPaint(double t) {
            double u = Math.max(0, Math.min(1, Double.isFinite(t) ? t : 0)) * (BLUES.length - 1);
            int k = Math.min(BLUES.length - 2, (int) Math.floor(u));
            double f = u - k;
            return new Color((int) Math.round(BLUES[k][0] + f * (BLUES[k + 1][0] - BLUES[k][0])),
                    (int) Math.round(BLUES[k][1] + f * (BLUES[k + 1][1] - BLUES[k][1])),
                    (int) Math.round(BLUES[k][2] + f * (BLUES[k + 1][2] - BLUES[k][2])));
        }
    }
}
