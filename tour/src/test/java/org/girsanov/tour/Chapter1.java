package org.girsanov.tour;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.GradCheck;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;

/** Chapter 1 (docs/tour/01-tape.md): a reverse-mode tape in a page, checked by central differences, then the library's. */
public final class Chapter1 {
    static final double X = 0.7;
    static final double Y = -1.3;

    /** A scalar on the tape: its value, its adjoint ∂f/∂(this node), and how to hand that adjoint to its parents. */
    static final class Node {
        final String op;
        final double value;
        double adjoint;
        Runnable backward = () -> { };

        Node(String op, double value) {
            this.op = op;
            this.value = value;
        }
    }

    /** The nodes in the order they were computed: a topological order, so one reverse sweep is the backward pass. */
    static final class TinyTape {
        final List<Node> nodes = new ArrayList<>();

        Node record(String op, double value) {
            Node n = new Node(op, value);
            nodes.add(n);
            return n;
        }

        Node input(double x) {
            return record("input", x);
        }

        // Each op: the forward value, and beside it the chain rule that sends out.adjoint to the parents.
        Node add(Node a, Node b) {
            Node out = record("add", a.value + b.value);
            out.backward = () -> { a.adjoint += out.adjoint; b.adjoint += out.adjoint; };
            return out;
        }

        Node mul(Node a, Node b) {
            Node out = record("mul", a.value * b.value);
            out.backward = () -> { a.adjoint += b.value * out.adjoint; b.adjoint += a.value * out.adjoint; };
            return out;
        }

        Node sin(Node a) {
            Node out = record("sin", Math.sin(a.value));
            out.backward = () -> a.adjoint += Math.cos(a.value) * out.adjoint;
            return out;
        }

        Node exp(Node a) {
            Node out = record("exp", Math.exp(a.value));
            out.backward = () -> a.adjoint += out.value * out.adjoint;
            return out;
        }

        Node log(Node a) {
            Node out = record("log", Math.log(a.value));
            out.backward = () -> a.adjoint += out.adjoint / a.value;
            return out;
        }

        /** Seed ∂f/∂f = 1, then every node, last first, adds its share to its parents' adjoints. */
        void backward(Node f) {
            f.adjoint = 1;
            for (int i = nodes.size() - 1; i >= 0; i--) {
                nodes.get(i).backward.run();
            }
        }
    }

    /** f(x, y) = sin(x·y) + x·log(1 + e^y) on the tiny tape. */
    static Node f(TinyTape t, Node x, Node y) {
        return t.add(t.sin(t.mul(x, y)), t.mul(x, t.log(t.add(t.input(1), t.exp(y)))));
    }

    /** The same f on the library's tape: a 1×1 batch, the same ops. */
    static Var f(Var x, Var y) {
        return x.mul(y).sin().add(x.mul(y.exp().addScalar(1).log()));
    }

    static double value(double x, double y) {
        TinyTape t = new TinyTape();
        return f(t, t.input(x), t.input(y)).value;
    }

    public static void run(PrintStream out) {
        TinyTape t = new TinyTape();
        Node x = t.input(X);
        Node y = t.input(Y);
        Node fxy = f(t, x, y);
        out.printf(Locale.ROOT, "f(%.1f, %.1f) = %.12f, recorded as %d nodes:%n", X, Y, fxy.value, t.nodes.size());
        for (int i = 0; i < t.nodes.size(); i++) {
            out.printf(Locale.ROOT, "  %2d %-5s %15.12f%n", i, t.nodes.get(i).op, t.nodes.get(i).value);
        }
        t.backward(fxy);
        out.printf(Locale.ROOT, "tiny tape      df/dx = %.12f   df/dy = %.12f%n", x.adjoint, y.adjoint);
        for (double h : new double[] {1e-1, 1e-2, 1e-3}) {
            double dx = (value(X + h, Y) - value(X - h, Y)) / (2 * h);
            double dy = (value(X, Y + h) - value(X, Y - h)) / (2 * h);
            out.printf(Locale.ROOT, "central h=%.0e df/dx = %.9f      df/dy = %.9f      errors %.1e %.1e%n",
                    h, dx, dy, Math.abs(dx - x.adjoint), Math.abs(dy - y.adjoint));
        }

        Tape tape = new Tape();
        Var lx = tape.input(new DMatrixRMaj(1, 1, true, X));
        Var ly = tape.input(new DMatrixRMaj(1, 1, true, Y));
        Var[] g = tape.grad(f(lx, ly), true, lx, ly);
        out.printf(Locale.ROOT, "library Tape   df/dx = %.12f   df/dy = %.12f   same as the tiny tape: %b%n",
                g[0].scalar(), g[1].scalar(), Math.abs(g[0].scalar() - x.adjoint) + Math.abs(g[1].scalar() - y.adjoint) < 1e-14);
        double dxx = tape.grad(g[0], false, lx)[0].scalar();
        out.printf(Locale.ROOT, "backward recorded (createGraph), differentiated again: d2f/dx2 = %.9f%n", dxx);
        GradCheck.Result check = GradCheck.inputs(in -> f(in[0], in[1]), 1e-5,
                new DMatrixRMaj(1, 1, true, X), new DMatrixRMaj(1, 1, true, Y));
        out.printf(Locale.ROOT, "GradCheck.inputs at h=1e-5: max relative error below 1e-8: %b%n", check.maxRelativeError() < 1e-8);
    }

    public static void main(String[] args) {
        run(System.out);
    }
}
