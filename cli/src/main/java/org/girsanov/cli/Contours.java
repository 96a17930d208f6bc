package org.girsanov.cli;

import java.awt.geom.Path2D;
import java.util.Arrays;

/**
 * Contour lines of a function sampled on a grid (marching squares): the one part of the density plot
 * that JFreeChart does not draw. The lines come out as a {@link Path2D} in data coordinates.
 */
final class Contours {

    private Contours() {}

    /** Receives one contour segment in fractional grid indices (column, row). */
    @FunctionalInterface
    interface SegmentSink {
        void segment(double i0, double j0, double i1, double j1);
    }

    /**
     * {@code levels} contour lines of {@code v[j][i]} (the value at {@code (gx[i], gy[j])}), evenly
     * spaced between a low quantile (at most 30 below the max) and the max {@code max}.
     */
    static Path2D.Double lines(double[] gx, double[] gy, double[][] v, double max, int levels) {
        Path2D.Double path = new Path2D.Double();
        double[] finite = Arrays.stream(v).flatMapToDouble(Arrays::stream).filter(Double::isFinite).sorted().toArray();
        if (finite.length == 0) {
            return path;
        }
        double lo = Math.max(finite[(int) (0.05 * (finite.length - 1))], max - 30);
        if (!(max - lo > 1e-12)) {
            return path;
        }
        double floor = lo - 1;
        for (int k = 1; k <= levels; k++) {
            double c = lo + (max - lo) * k / (levels + 1);
            marchingSquares(v, c, floor, (x0, y0, x1, y1) -> {
                path.moveTo(interp(gx, x0), interp(gy, y0));
                path.lineTo(interp(gx, x1), interp(gy, y1));
            });
        }
        return path;
    }

    private static double interp(double[] grid, double fractionalIndex) {
        int i = Math.min(grid.length - 2, (int) Math.floor(fractionalIndex));
        return grid[i] + (fractionalIndex - i) * (grid[i + 1] - grid[i]);
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
}
