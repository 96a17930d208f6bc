package org.girsanov.samplers.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.autodiff.nn.Parameter;
import org.girsanov.autodiff.nn.Precision;
import org.girsanov.samplers.targets.GridMixture;
import org.girsanov.samplers.train.LossKind;
import org.girsanov.samplers.train.SamplerKind;
import org.girsanov.samplers.train.Trainer;
import org.girsanov.samplers.train.TrainingConfig;
import org.junit.jupiter.api.Test;

/**
 * The reference control network in float32 against itself in float64: the same parameters, the value and the
 * parameter gradients within float's error, and a training step of PIS-LV whose loss and updated parameters stay
 * within that error of the double step's (so the float32 option changes the arithmetic, not the sampler).
 */
class FourierMlpPrecisionTest {
    private static double[] valueAndGradient(FourierMlp net, DMatrixRMaj x, double time) {
        for (Parameter p : net.parameters()) {
            p.grad().zero();
        }
        Tape t = new Tape();
        Var y = net.apply(t, t.input(x), time);
        t.backward(t.sum(t.mul(y, y)));
        List<Parameter> ps = net.parameters();
        int len = y.value().data.length;
        for (Parameter p : ps) {
            len += p.grad().data.length;
        }
        double[] r = new double[len];
        System.arraycopy(y.value().data, 0, r, 0, y.value().data.length);
        int o = y.value().data.length;
        for (Parameter p : ps) {
            System.arraycopy(p.grad().data, 0, r, o, p.grad().data.length);
            o += p.grad().data.length;
        }
        return r;
    }

    @Test
    void theFloat32NetworkIsTheFloat64NetworkToFloatPrecision() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(4L);
        DMatrixRMaj x = new DMatrixRMaj(67, 3);
        for (int i = 0; i < x.data.length; i++) {
            x.data[i] = 3 * rng.nextDouble() - 1.5;
        }
        FourierMlp f64 = new FourierMlp("c", 3, 3, 64, 2, Precision.FLOAT64, RandomSource.XO_RO_SHI_RO_128_PP.create(9L));
        FourierMlp f32 = new FourierMlp("c", 3, 3, 64, 2, Precision.FLOAT32, RandomSource.XO_RO_SHI_RO_128_PP.create(9L));
        // the zero-initialised last layer would hide the hidden layers' gradients: move every parameter off its start
        for (int k = 0; k < f64.parameters().size(); k++) {
            double[] a = f64.parameters().get(k).value().data;
            double[] b = f32.parameters().get(k).value().data;
            for (int i = 0; i < a.length; i++) {
                a[i] += 0.2 * (rng.nextDouble() - 0.5);
                b[i] = a[i];
            }
        }
        double[] ref = valueAndGradient(f64, x, 0.37);
        double[] got = valueAndGradient(f32, x, 0.37);
        double num = 0;
        double den = 0;
        for (int i = 0; i < ref.length; i++) {
            num += (got[i] - ref[i]) * (got[i] - ref[i]);
            den += ref[i] * ref[i];
        }
        double err = Math.sqrt(num / den);
        assertTrue(err < 1e-5 && err > 0, "float32 against float64, value and gradients: relative error " + err);
    }

    @Test
    void aPisLvStepInFloat32IsTheDoubleStepToFloatPrecision() {
        double[] loss = new double[2];
        double[][] theta = new double[2][];
        for (Precision p : Precision.values()) {
            TrainingConfig c = TrainingConfig.defaults("gmm9", SamplerKind.PIS, LossKind.LV).toBuilder().precision(p).build()
                    .withBatch(128).withSteps(20).withThreads(1);
            Trainer trainer = new Trainer(c, GridMixture.gmm9());
            trainer.step();
            loss[p.ordinal()] = trainer.step().loss();
            theta[p.ordinal()] = trainer.parameters().get(3).value().data.clone();
            trainer.executor().close();
        }
        assertEquals(loss[0], loss[1], 1e-4 * Math.abs(loss[0]), "the loss of the second step");
        assertNotEquals(loss[0], loss[1], "float32 ran");
        for (int i = 0; i < theta[0].length; i++) {
            assertEquals(theta[0][i], theta[1][i], 1e-6 + 1e-4 * Math.abs(theta[0][i]), "parameter " + i + " after two steps");
        }
    }

    @Test
    void aFloat32StepGivesTheSameBitsOnOneAndThreeThreads() {
        double[][] theta = new double[2][];
        double[] loss = new double[2];
        int k = 0;
        for (int threads : new int[] {1, 3}) {
            TrainingConfig c = TrainingConfig.defaults("gmm9", SamplerKind.PIS, LossKind.LV).toBuilder()
                    .precision(Precision.FLOAT32).build().withBatch(256).withSteps(10).withThreads(threads);
            try (Trainer trainer = new Trainer(c, GridMixture.gmm9())) {
                trainer.step();
                loss[k] = trainer.step().loss();
                theta[k] = trainer.parameters().get(trainer.parameters().size() - 3).value().data.clone();
            }
            k++;
        }
        assertEquals(loss[0], loss[1], 0.0);
        org.junit.jupiter.api.Assertions.assertArrayEquals(theta[0], theta[1], 0.0);
    }
}
