package org.girsanov.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.math.MathContext;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;
import org.jfree.data.xy.DefaultXYDataset;

/**
 * Curves over training iterations (loss, ESS, log Z estimates), optionally on a log-scale y axis,
 * with a legend below the data; reference values (e.g. the true log Z) are horizontal dashed lines
 * labelled with their name and value.
 */
final class LinePlot {

    private static final Color REFERENCE_LINE = new Color(60, 60, 60);

    private LinePlot() {}

    static BufferedImage render(String title, String xLabel, String yLabel, Map<String, double[][]> series,
            boolean logY, Map<String, Double> references) {
        return render(title, xLabel, yLabel, series, false, logY, references);
    }

    /** As above, with a log-scale x axis when {@code logX} (non-positive x then breaks the line). */
    static BufferedImage render(String title, String xLabel, String yLabel, Map<String, double[][]> series,
            boolean logX, boolean logY, Map<String, Double> references) {
        Objects.requireNonNull(series, "series");
        for (Map.Entry<String, double[][]> e : series.entrySet()) {
            double[][] s = e.getValue();
            if (s == null || s.length != 2 || s[0] == null || s[1] == null || s[0].length != s[1].length) {
                throw new IllegalArgumentException("series '" + e.getKey()
                        + "' must be {xs, ys}: two arrays of equal length");
            }
        }
        Map<String, Double> refs = references == null ? Map.of() : references;
        return ChartStyle.image(Plots.LINES_WIDTH, Plots.LINES_HEIGHT,
                text -> chart(title, xLabel, yLabel, series, logX, logY, refs, text));
    }

    private static JFreeChart chart(String title, String xLabel, String yLabel, Map<String, double[][]> series,
            boolean logX, boolean logY, Map<String, Double> refs, boolean text) {
        DefaultXYDataset data = new DefaultXYDataset();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        int k = 0;
        for (Map.Entry<String, double[][]> e : series.entrySet()) {
            double[][] s = e.getValue();
            double[] xs = new double[s[0].length];
            double[] ys = new double[xs.length];
            int points = 0;
            for (int i = 0; i < xs.length; i++) {
                boolean ok = usable(s[0][i], s[1][i], logY) && (!logX || s[0][i] > 0);
                xs[i] = Double.isFinite(s[0][i]) && (!logX || s[0][i] > 0) ? s[0][i] : Double.NaN;
                ys[i] = ok ? s[1][i] : Double.NaN; // NaN breaks the line
                points += ok ? 1 : 0;
            }
            data.addSeries(e.getKey(), new double[][] {xs, ys});
            r.setSeriesPaint(k, ChartStyle.PALETTE[k % ChartStyle.PALETTE.length]);
            r.setSeriesStroke(k, new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            r.setSeriesShape(k, new Ellipse2D.Double(-3, -3, 6, 6));
            r.setSeriesShapesVisible(k, points <= 30); // few points: mark them
            k++;
        }
        ValueAxis x;
        if (logX) {
            LogAxis log = new LogAxis(xLabel);
            log.setSmallestValue(Double.MIN_NORMAL);
            log.setBase(10);
            log.setNumberFormatOverride(new Significant());
            log.setTickUnit(new NumberTickUnit(1.0)); // one tick per decade
            x = log;
        } else {
            NumberAxis lin = new NumberAxis(xLabel);
            lin.setAutoRangeIncludesZero(false);
            x = lin;
        }
        ValueAxis y;
        if (logY) {
            LogAxis log = new LogAxis(yLabel);
            log.setSmallestValue(Double.MIN_NORMAL);
            log.setBase(10);
            log.setNumberFormatOverride(new Significant()); // "0.004", not "10^-2.4"
            y = log;
        } else {
            NumberAxis lin = new NumberAxis(yLabel);
            lin.setAutoRangeIncludesZero(false);
            y = lin;
        }
        XYPlot plot = new XYPlot(data, x, y, r);
        for (Map.Entry<String, Double> ref : refs.entrySet()) {
            double v = ref.getValue();
            if (!Double.isFinite(v) || (logY && v <= 0)) {
                continue;
            }
            ValueMarker m = new ValueMarker(v, REFERENCE_LINE, new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
            if (text) {
                m.setLabel(ref.getKey() + " = " + String.format(Locale.ROOT, "%.4g", v));
                m.setLabelFont(ChartStyle.TICK);
                m.setLabelPaint(REFERENCE_LINE);
                m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
                m.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
            }
            plot.addRangeMarker(m);
            include(y, v);
        }
        return ChartStyle.chart(title, plot, !series.isEmpty(), text);
    }

    /** Widens the (auto) range of {@code axis} so that the reference value {@code v} is in sight. */
    private static void include(ValueAxis axis, double v) {
        Range r = axis.getRange();
        if (!r.contains(v)) {
            Range wider = Range.expandToInclude(r, v);
            double pad = 0.05 * wider.getLength();
            axis.setRange(axis instanceof LogAxis ? wider : new Range(wider.getLowerBound() - pad,
                    wider.getUpperBound() + pad));
        }
    }

    /** Tick labels with 3 significant digits, plain or (outside 1e-3..1e5) scientific. */
    private static final class Significant extends NumberFormat {
        private static final long serialVersionUID = 1L;

        @Override
        public StringBuffer format(double v, StringBuffer to, FieldPosition pos) {
            double a = Math.abs(v);
            String s = a != 0 && (a < 1e-3 || a >= 1e5) ? String.format(Locale.ROOT, "%.2e", v)
                    : new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
            return to.append(s);
        }

        @Override
        public StringBuffer format(long v, StringBuffer to, FieldPosition pos) {
            return format((double) v, to, pos);
        }

        @Override
        public Number parse(String source, ParsePosition pos) {
            throw new UnsupportedOperationException("tick labels are not parsed");
        }
    }

    private static boolean usable(double x, double y, boolean logY) {
        return Double.isFinite(x) && Double.isFinite(y) && (!logY || y > 0);
    }
}
