package org.girsanov.samplers.targets;

import org.girsanov.autodiff.NormalCdf;
import org.girsanov.autodiff.Sigmoid;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;

/**
 * The likelihood of one example of a generalised linear model as a function of its linear predictor
 * {@code z = a_iᵀw}: {@code ℓ(z; y)}, its derivatives in {@code z}, and the tape expression (McCullagh &amp; Nelder,
 * "Generalized Linear Models", 1989). Each family's formulas are here and only here.
 * <pre>
 *   logistic  ℓ = y z − softplus(z),         ℓ' = y − σ(z),        ℓ'' = −σ(z)(1 − σ(z)),      y ∈ {0, 1}
 *   probit    ℓ = log Φ(q z),  q = 2y − 1,    ℓ' = q s(q z),        ℓ'' = −s(q z)(q z + s(q z)), y ∈ {0, 1}
 *   poisson   ℓ = y z − e^z − log y!,         ℓ' = y − e^z,         ℓ'' = −e^z,                y ∈ {0, 1, 2, …}
 * </pre>
 * with {@code s = φ/Φ} ({@link NormalCdf}); {@code log Φ(qz)} is {@code y log Φ(z) + (1 − y) log Φ(−z)} for
 * binary {@code y}. The tape expression leaves out the data constant {@code −log y!} ({@link #logBase}).
 */
public enum GlmFamily {
    /** Bernoulli with the logit link. */
    LOGISTIC("logistic", RegressionData.Response.BINARY) {
        @Override
        Var logLikelihood(Tape t, Var z, Var response) {
            return t.sub(t.mul(z, response), t.softplus(z));
        }

        @Override
        double dLogLikelihood(double z, double y) {
            return y - Sigmoid.of(z);
        }

        /** {@code σ} in vectors ({@link Sigmoid#inPlace}): the same bits as {@link #dLogLikelihood}, element by element. */
        @Override
        void dLogLikelihoodTransposed(double[] zt, int batch, double[] y) {
            Sigmoid.inPlace(zt, 0, y.length * batch);
            for (int k = 0; k < y.length; k++) {
                final double yk = y[k];
                final int row = k * batch;
                for (int i = 0; i < batch; i++) {
                    zt[row + i] = yk - zt[row + i];
                }
            }
        }

        @Override
        double d2LogLikelihood(double z, double y) {
            double s = Sigmoid.of(z);
            return -(s * (1 - s));
        }
    },
    /** Bernoulli with the probit link {@code P(y = 1) = Φ(z)}. */
    PROBIT("probit", RegressionData.Response.BINARY) {
        @Override
        double tapeResponse(double y) {
            return 2 * y - 1;
        }

        @Override
        Var logLikelihood(Tape t, Var z, Var q) {
            return t.logNormalCdf(t.mul(z, q));
        }

        @Override
        double dLogLikelihood(double z, double y) {
            double q = 2 * y - 1;
            return q * NormalCdf.dLogCdf(q * z);
        }

        @Override
        double d2LogLikelihood(double z, double y) {
            double qz = (2 * y - 1) * z;
            double s = NormalCdf.dLogCdf(qz);
            return -s * (qz + s);
        }
    },
    /** Poisson counts with the log link {@code E[y] = e^z}. */
    POISSON("poisson", RegressionData.Response.COUNT) {
        @Override
        Var logLikelihood(Tape t, Var z, Var response) {
            return t.sub(t.mul(z, response), t.exp(z));
        }

        @Override
        double dLogLikelihood(double z, double y) {
            return y - Math.exp(z);
        }

        @Override
        double d2LogLikelihood(double z, double y) {
            return -Math.exp(z);
        }

        @Override
        double logBase(double y) {
            double s = 0;
            for (int k = 2; k <= (int) y; k++) {
                s += Math.log(k);
            }
            return -s;
        }
    };

    private final String specName;
    private final RegressionData.Response response;

    GlmFamily(String specName, RegressionData.Response response) {
        this.specName = specName;
        this.response = response;
    }

    /** The family's name in target specs ({@code logistic:data=…}). */
    public String specName() {
        return specName;
    }

    /** The responses the family models. */
    public RegressionData.Response response() {
        return response;
    }

    /** The per-example response row the tape expression reads ({@code y}, or {@code q = 2y − 1} for probit). */
    double tapeResponse(double y) {
        return y;
    }

    /** {@code ℓ(z; y)} without {@link #logBase}, elementwise ({@code z}: n × N, {@code response}: 1 × N). */
    abstract Var logLikelihood(Tape t, Var z, Var response);

    /** {@code ∂ℓ/∂z}. */
    abstract double dLogLikelihood(double z, double y);

    /**
     * {@code zt[k·batch + i] ← ℓ'(zt[k·batch + i]; y_k)}: the linear predictors of a batch in the transposed layout
     * {@code N × batch} ({@code N = y.length}, example {@code k} on row {@code k}); {@link #dLogLikelihood} element by
     * element, the same bits.
     */
    void dLogLikelihoodTransposed(double[] zt, int batch, double[] y) {
        for (int k = 0; k < y.length; k++) {
            for (int i = 0; i < batch; i++) {
                zt[k * batch + i] = dLogLikelihood(zt[k * batch + i], y[k]);
            }
        }
    }

    /** {@code ∂²ℓ/∂z²}. */
    abstract double d2LogLikelihood(double z, double y);

    /** The part of {@code ℓ} free of {@code z} ({@code −log y!} for Poisson, else 0). */
    double logBase(double y) {
        return 0;
    }

}
