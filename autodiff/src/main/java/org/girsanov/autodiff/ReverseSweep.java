package org.girsanov.autodiff;

import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * The reverse sweep of a {@link Tape} (micrograd's recipe, batched): from {@code adj[output] = seed}, for each node
 * in reverse tape order and each parent {@code p} that needs a gradient, {@code adj[p] += vjp_node(adj[node])_p};
 * parameter leaves add their adjoint to their gradient buffer (or {@code sink}); adjoints of nodes that are not
 * requested inputs are dropped as soon as they have been passed on.
 */
final class ReverseSweep {
    private ReverseSweep() {
    }

    /** The adjoints of {@code inputs} (zeros for inputs {@code output} does not depend on), written into {@code result}. */
    static Var[] run(Tape tape, List<Var> nodes, Var output, Var seed, Tape g, Var[] inputs, Gradients sink, Var[] result) {
        final int top = output.index;
        final Var[] adj = new Var[top + 1];
        adj[top] = seed;
        final boolean[] keep = new boolean[top + 1];
        for (Var in : inputs) {
            if (in.tape == tape && in.requiresGrad && in.index <= top && in.index >= 0) {
                keep[in.index] = true;
            }
        }
        for (int i = top; i >= 0; i--) {
            Var gi = adj[i];
            if (gi == null) {
                continue;
            }
            Var node = nodes.get(i);
            if (node.rule == null) {
                if (node.parameter != null && inputs.length == 0) {
                    DMatrixRMaj buf = sink == null ? node.parameter.grad() : sink.bufferFor(node.parameter);
                    Gradients.addInto(buf, gi.value);
                }
                continue;
            }
            Var[] pg = node.rule.backward(g, node, gi);
            Var[] ps = node.parents;
            for (int j = 0; j < ps.length; j++) {
                Var p = ps[j];
                if (pg[j] == null || !p.requiresGrad) {
                    continue;
                }
                if (pg[j].rows() != p.rows() || pg[j].cols() != p.cols()) {
                    throw new IllegalStateException("backward of " + node.op + ": gradient for parent " + j
                            + " has shape " + pg[j].shape() + " but the parent is " + p.shape());
                }
                adj[p.index] = adj[p.index] == null ? pg[j] : g.add(adj[p.index], pg[j]);
            }
            if (!keep[i]) {
                adj[i] = null;
            }
        }
        for (int k = 0; k < inputs.length; k++) {
            Var in = inputs[k];
            Var a = (in.tape == tape && in.requiresGrad && in.index >= 0 && in.index <= top) ? adj[in.index] : null;
            result[k] = a != null ? a : tape.constant(new DMatrixRMaj(in.rows(), in.cols()));
        }
        return result;
    }
}
