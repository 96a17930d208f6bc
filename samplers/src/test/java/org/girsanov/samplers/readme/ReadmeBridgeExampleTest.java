package org.girsanov.samplers.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.samplers.schrodinger.BridgeEnd;
import org.girsanov.samplers.schrodinger.IpfConfig;
import org.girsanov.samplers.schrodinger.SchrodingerIpf;
import org.girsanov.samplers.targets.GaussianTarget;
import org.girsanov.sde.RandomStreams;
import org.junit.jupiter.api.Test;

/** The README's Schrödinger-bridge example, as written there (with a tiny budget), so it keeps compiling and running. */
class ReadmeBridgeExampleTest {

    @Test
    void bridgeExampleRuns() {
        DMatrixRMaj x0 = GaussianTarget.isotropic("a", new double[2], 1.0, 0.0).sample(500, RandomSource.XO_RO_SHI_RO_128_PP.create(1));
        DMatrixRMaj x1 = GaussianTarget.isotropic("b", new double[] {3, 0}, 0.25, 0.0).sample(500, RandomSource.XO_RO_SHI_RO_128_PP.create(2));
        BridgeEnd from = BridgeEnd.ofSamples(x0);                 // n0 × d samples of ρ0 (or BridgeEnd.of(target))
        BridgeEnd to = BridgeEnd.ofSamples(x1);                   // n1 × d samples of ρ1, or BridgeEnd.density(target)
        IpfConfig config = IpfConfig.defaults().withSigma(1.5).withSteps(20).withRounds(6)
                .withRounds(1).withIterations(2).withNetwork(8, 1); // a tiny budget for the test
        try (SchrodingerIpf ipf = new SchrodingerIpf(from, to, config)) {
            ipf.run(round -> System.err.println(round));          // backward, then forward half-bridge per round
            List<DMatrixRMaj> path = ipf.simulateForward(1000, RandomStreams.philox(1, 0, 0)); // states at t_0, …, t_N
            DMatrixRMaj transported = path.get(path.size() - 1);  // ≈ ρ1, coupled to path.get(0) as the bridge couples them
            assertEquals(21, path.size());
            assertEquals(1000, transported.numRows);
            assertEquals(1, ipf.rounds().size());
        }
    }
}
