package org.girsanov.samplers.schrodinger;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.sde.TimeGrid;

/**
 * The reciprocal projection of paths onto the reference {@code Q}: keep each path's end points {@code (x_0, x_N)} and
 * redraw its interior from {@code Q}'s pinned process, one grid step at a time,
 * <pre>
 *   x_{n+1} | x_n, x_N  ~  N(A x_n + B x_N, s² I),   with the pinned weights of {@link OuReference} over the
 *   remaining interval h = t_N − t_n and the step τ = t_{n+1} − t_n:
 *   B = e^{−α(h−τ)} v_τ / v_h,   A = e^{−ατ} − e^{−αh} B,   s² = v_τ − e^{−2α(h−τ)} v_τ² / v_h
 * </pre>
 * (exact: {@code Q}'s pinned process is Markov, so the step-by-step draws have its joint law). The result has the
 * coupling of the input and the bridges of {@code Q}: the projection {@code Π ↦ Π_{0,N} ⊗ Q( · | x_0, x_N)} of
 * iterative Markovian fitting (Shi, De Bortoli, Campbell &amp; Doucet, "Diffusion Schrödinger bridge matching",
 * NeurIPS 2023, §3; Peluchetti, "Diffusion bridge mixture transports, Schrödinger bridge problems and generative
 * modeling", JMLR 2023). A half-bridge fitted by maximum likelihood on projected paths is the Markovian projection of a
 * process of {@code Q}'s reciprocal class, so the iterates cannot drift out of that class over the rounds as IPF's
 * do when each fit is approximate ({@link ReciprocalCheck}; BENCHMARKS.md, "The Ornstein–Uhlenbeck reference").
 */
public final class ReciprocalProjection {
    private ReciprocalProjection() {
    }

    /**
     * The projected paths: {@code path.get(0)} and {@code path.get(N)} themselves (shared, not copied), fresh interior
     * states.
     *
     * @param reference {@code Q}
     * @param path states at the times of {@code grid} ({@code N + 1} matrices of {@code n × d})
     * @param grid the times
     * @param rng the noise of the interior draws
     */
    public static List<DMatrixRMaj> of(OuReference reference, List<DMatrixRMaj> path, TimeGrid grid, UniformRandomProvider rng) {
        int steps = grid.steps();
        if (path.size() != steps + 1) {
            throw new IllegalArgumentException("ReciprocalProjection: path has " + path.size() + " states; the grid has "
                    + (steps + 1) + " times");
        }
        DMatrixRMaj end = path.get(steps);
        if (end.numRows != path.get(0).numRows || end.numCols != path.get(0).numCols) {
            throw new IllegalArgumentException("ReciprocalProjection: the end state is " + end.numRows + " x " + end.numCols
                    + " and the start " + path.get(0).numRows + " x " + path.get(0).numCols + "; they must agree");
        }
        ZigguratSampler.NormalizedGaussian z = ZigguratSampler.NormalizedGaussian.of(rng);
        List<DMatrixRMaj> out = new ArrayList<>(steps + 1);
        out.add(path.get(0));
        DMatrixRMaj x = path.get(0);
        for (int n = 0; n + 1 < steps; n++) {
            double h = grid.end() - grid.time(n);
            double tau = grid.dt(n);
            double a = reference.pinnedStartWeight(tau, h);
            double b = reference.pinnedEndWeight(tau, h);
            double s = Math.sqrt(reference.pinnedVariance(tau, h));
            DMatrixRMaj next = new DMatrixRMaj(x.numRows, x.numCols);
            for (int i = 0; i < next.data.length; i++) {
                next.data[i] = a * x.data[i] + b * end.data[i] + s * z.sample();
            }
            out.add(next);
            x = next;
        }
        out.add(end);
        return out;
    }
}
