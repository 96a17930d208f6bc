// The LRDS pilot (ParallelTempering: MALA, 8 rungs to beta 0.01, 16 chains, 500 + 1000 rounds, thin 8; seed streams as
// LrdsReference.build) on the unequal-width mixtures, seeds 0-2: the cold chain's counts per mode and weight error.
import org.girsanov.samplers.mcmc.*;
import org.girsanov.samplers.metrics.ModeCoverage;
import org.girsanov.samplers.targets.*;
import org.girsanov.io.TargetSpecs;
import org.girsanov.sde.RandomStreams;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.ejml.data.DMatrixRMaj;
for (String f : new String[] {"widths-d4.json", "widths-d6.json", "widths-d10.json"}) {
  MixtureTarget t = (MixtureTarget) TargetSpecs.parse("gmm:file=" + f);
  for (long seed = 0; seed < 3; seed++) {
    var rng = new RandomStreams(seed).stream(0, 0, 29);
    int d = t.dimension();
    DMatrixRMaj starts = new DMatrixRMaj(16, d);
    var g = ZigguratSampler.NormalizedGaussian.of(rng);
    for (int i = 0; i < starts.data.length; i++) starts.data[i] = g.sample();
    McmcResult r = new ParallelTempering(new Mala(), 8, 0.01, null, 0.1, 500, 1000, 8).run(t, starts, rng);
    ModeCoverage.Result c = ModeCoverage.compute(t.means(), t.weights(), r.samples());
    System.out.println(f + " seed " + seed + " counts " + java.util.Arrays.toString(c.counts()) + " weight error " + c.weightError(t.weights()));
  }
}
/exit
