package org.girsanov.samplers.ldvi;

import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.samplers.annealed.AnnealingPath;
import org.girsanov.sde.TimeGrid;

/**
 * One O–BAB–O step of LDVI as three steps of the engine's grid (the grid of the kernels has {@code 3K} steps for
 * {@code K} annealing steps; annealing step {@code k} spans engine steps {@code 3k, 3k+1, 3k+2}, and its level is the
 * time {@code t_{3k+3}} at its end, so the last leapfrog moves on {@code ∇log ρ}):
 * <pre>
 *   O   (n = 3k)     v' = η v + √(1 − η²) ξ₁                                   x unchanged
 *   BAB (n = 3k+1)   v'' = v' + (h/2) ∇log π_k(x),  x' = x + h v'',  v''' = v'' + (h/2) ∇log π_k(x')   (leapfrog Φ_k)
 *   O   (n = 3k+2)   v_{k+1} = η v''' + √(1 − η²) ξ₂                           x unchanged
 * </pre>
 * with {@code π_k = π_{t_{3k+3}}} of the {@link AnnealingPath} and {@code η}, {@code h} of {@link ObaboCoefficients}
 * (mass matrix {@code M = I}). The leapfrog {@code Φ_k} is a composition of shears {@code (x, v) ↦ (x, v + c(x))} and
 * {@code (x, v) ↦ (x + h v, v)}, each with Jacobian determinant 1, so {@code Φ_k} preserves volume; its inverse is
 * {@code Φ_k^{-1}(x', v''') = (x' − h v'', v'' − (h/2)∇log π_k(x' − h v''))} with {@code v'' = v''' − (h/2)∇log π_k(x')}.
 */
final class ObaboDynamics {
    /** What an engine step of an O–BAB–O step does. */
    enum Phase {
        /** The first partial refresh of the momentum. */
        REFRESH_START,
        /** The leapfrog {@code Φ_k}. */
        LEAPFROG,
        /** The second partial refresh. */
        REFRESH_END
    }

    private final AnnealingPath path;
    private final TimeGrid grid;
    private final ObaboCoefficients coefficients;
    private final int d;

    ObaboDynamics(AnnealingPath path, TimeGrid grid, ObaboCoefficients coefficients, int d) {
        if (grid.steps() % 3 != 0) {
            throw new IllegalArgumentException("LDVI: the kernels' grid has " + grid.steps()
                    + " steps; must be 3K (three engine steps, O, BAB and O, per annealing step)");
        }
        this.path = path;
        this.grid = grid;
        this.coefficients = coefficients;
        this.d = d;
    }

    TimeGrid grid() {
        return grid;
    }

    ObaboCoefficients coefficients() {
        return coefficients;
    }

    /** The dimension {@code d} of the positions (the state has {@code 2d} columns). */
    int positionDimension() {
        return d;
    }

    static Phase phase(int n) {
        return Phase.values()[n % 3];
    }

    /** The time {@code t_{3k+3}} of the level {@code π_k} of the annealing step that engine step {@code n} is part of. */
    double levelTime(int n) {
        return grid.time(3 * (n / 3) + 3);
    }

    Var positions(Tape t, Var state) {
        return t.slice(state, 0, d);
    }

    Var momenta(Tape t, Var state) {
        return t.slice(state, d, 2 * d);
    }

    /** {@code Φ_k(x, v)} for engine step {@code n = 3k+1}. */
    Var leapfrog(Tape t, Var state, int n) {
        return leapfrog(t, state, n, 1.0);
    }

    /** {@code Φ_k^{-1}(x', v''')}: the leapfrog with step {@code −h}. */
    Var inverseLeapfrog(Tape t, Var state, int n) {
        return leapfrog(t, state, n, -1.0);
    }

    /** The leapfrog with step {@code sign · h}: B (half), A (whole), B (half). */
    private Var leapfrog(Tape t, Var state, int n, double sign) {
        double level = levelTime(n);
        Var h = t.scale(coefficients.step(t), sign);
        Var halfH = t.scale(h, 0.5);
        Var x = positions(t, state);
        Var v = t.add(momenta(t, state), t.mul(halfH, path.score(t, x, level)));
        Var xNext = t.add(x, t.mul(h, v));
        Var vNext = t.add(v, t.mul(halfH, path.score(t, xNext, level)));
        return t.concat(xNext, vNext);
    }
}
