package org.girsanov.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.LengthConstraintType;
import org.jfree.chart.block.RectangleConstraint;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/**
 * The look shared by every plot (fonts, colours, white background, light grid) and the rendering of
 * JFreeChart charts onto an off-screen image. Headless: {@code java.awt.headless=true} is set unless
 * already set. If the JVM has no usable fonts (a bare container without fontconfig), a plot is drawn
 * again without any text rather than failing.
 */
final class ChartStyle {

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Color GRID = new Color(225, 225, 225);
    static final Color INK = new Color(50, 50, 50);
    static final Color[] PALETTE = {
        new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44), new Color(214, 39, 40),
        new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194), new Color(127, 127, 127),
        new Color(188, 189, 34), new Color(23, 190, 207)};

    /** Whether text can be drawn here: false in a bare container without fontconfig. */
    private static final boolean TEXT = probeFonts();

    private ChartStyle() {}

    /** Draws onto {@code g}; {@code text} false means: no titles, labels, tick labels or legends. */
    @FunctionalInterface
    interface Painter {
        void paint(Graphics2D g, boolean text);
    }

    /** A white {@code width × height} RGB image painted by {@code painter} (without text if fonts are unusable). */
    static BufferedImage image(int width, int height, Painter painter) {
        return paint(width, height, painter, TEXT);
    }

    private static boolean probeFonts() {
        try {
            BufferedImage probe = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = probe.createGraphics();
            g.setFont(LABEL);
            g.getFontMetrics().stringWidth("x0");
            g.drawString("x0", 0, 8);
            g.dispose();
            return true;
        } catch (Error | RuntimeException noFonts) { // e.g. no fontconfig in a minimal container
            return false;
        }
    }

    private static BufferedImage paint(int width, int height, Painter painter, boolean text) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            painter.paint(g, text);
        } finally {
            g.dispose();
        }
        return img;
    }

    /** {@code chart} drawn over the whole image. */
    static BufferedImage image(int width, int height, java.util.function.Function<Boolean, JFreeChart> chart) {
        return image(width, height, (g, text) -> chart.apply(text).draw(g, new Rectangle2D.Double(0, 0, width, height)));
    }

    /** A chart of {@code plot} in the shared style: title on top, legend (if any) below the data, never over it. */
    static JFreeChart chart(String title, XYPlot plot, boolean legend, boolean text) {
        style(plot, text);
        JFreeChart chart = new JFreeChart(text ? title : null, TITLE, plot, legend && text);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(8, 8, 8, 16));
        if (chart.getTitle() != null) {
            chart.getTitle().setPaint(Color.BLACK);
        }
        LegendTitle l = chart.getLegend();
        if (l != null) {
            l.setItemFont(LABEL);
            l.setPosition(RectangleEdge.BOTTOM);
            l.setFrame(org.jfree.chart.block.BlockBorder.NONE);
        }
        return chart;
    }

    /** White background, light grid, dark frame, the shared fonts; no text at all if {@code text} is false. */
    static void style(XYPlot plot, boolean text) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlineStroke(new BasicStroke(1f));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setOutlinePaint(INK);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        for (int i = 0; i < plot.getDomainAxisCount(); i++) {
            axis(plot.getDomainAxis(i), text);
        }
        for (int i = 0; i < plot.getRangeAxisCount(); i++) {
            axis(plot.getRangeAxis(i), text);
        }
    }

    static void axis(ValueAxis a, boolean text) {
        if (a == null) {
            return;
        }
        a.setLabelFont(LABEL);
        a.setTickLabelFont(TICK);
        a.setLabelPaint(INK);
        a.setTickLabelPaint(INK);
        a.setAxisLinePaint(INK);
        a.setTickMarkPaint(INK);
        if (!text) {
            a.setLabel(null);
            a.setTickLabelsVisible(false);
        }
    }

    /** A linear axis over exactly {@code [lo, hi]} (no auto-range, no forced zero). */
    static NumberAxis fixedAxis(String label, double lo, double hi) {
        NumberAxis a = new NumberAxis(label);
        a.setAutoRangeIncludesZero(false);
        a.setRange(lo, hi);
        return a;
    }

    /** {@code c} with opacity {@code alpha} in [0, 1]. */
    static Color withAlpha(Color c, double alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), (int) Math.round(255 * alpha));
    }

    /** A layout constraint of fixed width, free height (what JFreeChart's titles can arrange in). */
    static RectangleConstraint widthOnly(double width) {
        return new RectangleConstraint(width, null, LengthConstraintType.FIXED, 0, null, LengthConstraintType.NONE);
    }

    /** A title drawn into {@code area} (nothing without text). */
    static void title(Graphics2D g, String title, Rectangle2D area, boolean text) {
        if (text && title != null) {
            TextTitle t = new TextTitle(title, TITLE);
            t.setPaint(Color.BLACK);
            t.arrange(g, widthOnly(area.getWidth()));
            t.draw(g, area);
        }
    }
}
