package org.girsanov.autodiff.nn;

import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;

/** Elementwise activation functions, each an op (or a composition of ops) of {@link Tape}. */
public enum Activation {
    /** {@code a}. */
    IDENTITY,
    /** {@code tanh a}. */
    TANH,
    /** {@code max(a, 0)}. */
    RELU,
    /** GELU, tanh approximation (Hendrycks &amp; Gimpel 2016), see {@link Tape#gelu}. */
    GELU,
    /** SiLU / swish {@code a σ(a)} (Elfwing et al. 2018; Ramachandran et al. 2017). */
    SILU,
    /** Logistic {@code 1/(1 + e^{−a})}. */
    SIGMOID,
    /** {@code log(1 + e^a)}. */
    SOFTPLUS;

    /** Applies the activation elementwise on tape {@code t}. */
    public Var apply(Tape t, Var a) {
        switch (this) {
            case IDENTITY: return a;
            case TANH: return t.tanh(a);
            case RELU: return t.relu(a);
            case GELU: return t.gelu(a);
            case SILU: return t.silu(a);
            case SIGMOID: return t.sigmoid(a);
            case SOFTPLUS: return t.softplus(a);
            default: throw new AssertionError(this);
        }
    }
}
