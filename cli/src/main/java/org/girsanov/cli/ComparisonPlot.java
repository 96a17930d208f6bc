package org.girsanov.cli;

import java.awt.BasicStroke;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Objects;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.DefaultXYDataset;

/**
 * Ours beside a published value, metric by metric: one panel per metric stacked over a shared axis of rows (e.g. the
 * methods of one target), our value a filled circle, the published one a hollow diamond at the same row, so a gap reads
 * as the vertical distance between the two marks. A value that is missing (NaN) or cannot be drawn (≤ 0 on a log axis)
 * is left out.
 */
final class ComparisonPlot {
    static final int WIDTH = 900;
    static final int PANEL_HEIGHT = 210;

    private ComparisonPlot() {
    }

    static BufferedImage render(String title, List<String> rows, List<Plots.Comparison> panels) {
        Objects.requireNonNull(rows, "rows");
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("no panels to draw");
        }
        for (Plots.Comparison p : panels) {
            if (p.ours().length != rows.size() || p.published().length != rows.size()) {
                throw new IllegalArgumentException("panel '" + p.metric() + "' has " + p.ours().length + " and "
                        + p.published().length + " values for " + rows.size() + " rows");
            }
        }
        return ChartStyle.image(WIDTH, 110 + PANEL_HEIGHT * panels.size(), text -> {
            SymbolAxis x = new SymbolAxis(null, rows.toArray(new String[0]));
            x.setRange(-0.5, rows.size() - 0.5);
            x.setGridBandsVisible(false);
            CombinedDomainXYPlot plot = new CombinedDomainXYPlot(x);
            plot.setGap(12);
            LegendItemCollection legend = null;
            for (Plots.Comparison p : panels) {
                XYPlot sub = panel(p, rows.size());
                ChartStyle.style(sub, text);
                plot.add(sub, 1);
                if (legend == null) {
                    legend = sub.getLegendItems();
                }
            }
            plot.setFixedLegendItems(legend); // one legend for the stack, not one entry per panel
            return ChartStyle.chart(title, plot, true, text);
        });
    }

    private static XYPlot panel(Plots.Comparison p, int n) {
        DefaultXYDataset data = new DefaultXYDataset();
        data.addSeries("ours", points(p.ours(), p.logY(), n));
        data.addSeries("published", points(p.published(), p.logY(), n));
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        r.setSeriesPaint(0, Plots.MODEL);
        r.setSeriesShape(0, new Ellipse2D.Double(-5, -5, 10, 10));
        r.setSeriesPaint(1, Plots.REFERENCE);
        r.setSeriesShape(1, diamond(7));
        r.setSeriesShapesFilled(1, false);
        r.setUseOutlinePaint(false);
        r.setSeriesStroke(1, new BasicStroke(2f));
        r.setDrawOutlines(true);
        ValueAxis y;
        if (p.logY()) {
            LogAxis log = new LogAxis(p.metric());
            log.setSmallestValue(1e-6);
            log.setBase(10);
            log.setNumberFormatOverride(new java.text.DecimalFormat("0.#####"));
            log.setTickUnit(new NumberTickUnit(1.0)); // one tick per decade ...
            decades(log, p); // ... of which the range shows at least two
            y = log;
        } else {
            NumberAxis lin = new NumberAxis(p.metric());
            lin.setAutoRangeIncludesZero(true);
            y = lin;
        }
        return new XYPlot(data, null, y, r);
    }

    /** The whole decades around the panel's drawable values, so a log axis always has labelled ticks. */
    private static void decades(LogAxis axis, Plots.Comparison p) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (double[] v : new double[][] {p.ours(), p.published()}) {
            for (double x : v) {
                if (Double.isFinite(x) && x > 0) {
                    lo = Math.min(lo, x);
                    hi = Math.max(hi, x);
                }
            }
        }
        if (hi > 0) {
            double a = Math.pow(10, Math.floor(Math.log10(lo)));
            double b = Math.pow(10, Math.ceil(Math.log10(hi)));
            axis.setRange(a / 1.3, (b > a ? b : 10 * a) * 1.3);
        }
    }

    private static double[][] points(double[] v, boolean logY, int n) {
        double[][] s = new double[2][n];
        for (int i = 0; i < n; i++) {
            s[0][i] = i;
            s[1][i] = Double.isFinite(v[i]) && (!logY || v[i] > 0) ? v[i] : Double.NaN;
        }
        return s;
    }

    private static Shape diamond(double r) {
        Path2D.Double d = new Path2D.Double();
        d.moveTo(0, -r);
        d.lineTo(r, 0);
        d.lineTo(0, r);
        d.lineTo(-r, 0);
        d.closePath();
        return d;
    }
}
