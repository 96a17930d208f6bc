package org.girsanov.sde.path;

import java.util.List;
import java.util.Objects;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.Var;
import org.girsanov.sde.TimeGrid;

/**
 * A batch of paths {@code x_{0:N}} on a grid: {@code N+1} states, each {@code rows × d} (rows = paths), in
 * time order. The states are tape values: on a recording tape they carry the gradient through the solver.
 */
public record Path(TimeGrid grid, List<Var> states) {

    /** @throws IllegalArgumentException unless there are {@code N+1} states of one shape */
    public Path {
        Objects.requireNonNull(grid, "Path: grid must not be null");
        states = List.copyOf(states);
        if (states.size() != grid.steps() + 1) {
            throw new IllegalArgumentException("Path: " + states.size() + " states for " + grid
                    + "; the grid needs exactly " + (grid.steps() + 1) + " (N+1)");
        }
        Var s0 = states.get(0);
        for (int n = 1; n < states.size(); n++) {
            Var s = states.get(n);
            if (s.rows() != s0.rows() || s.cols() != s0.cols()) {
                throw new IllegalArgumentException("Path: state " + n + " is " + s.shape() + " but state 0 is "
                        + s0.shape() + "; all states must have the same shape");
            }
        }
    }

    /** {@code x_n}. */
    public Var state(int n) {
        return states.get(n);
    }

    /** The value of {@code x_n} ({@code rows × d}, read only). */
    public DMatrixRMaj value(int n) {
        return states.get(n).value();
    }

    /** {@code N}. */
    public int steps() {
        return grid.steps();
    }

    /** Number of paths. */
    public int rows() {
        return states.get(0).rows();
    }

    /** Dimension {@code d}. */
    public int cols() {
        return states.get(0).cols();
    }

    /** Checks that this path lives on {@code expected}. */
    public void requireGrid(String where, TimeGrid expected) {
        if (!grid.equals(expected)) {
            throw new IllegalArgumentException(where + ": the path's grid " + grid + " does not match the kernel's grid "
                    + expected + "; they must be the same grid");
        }
    }
}
