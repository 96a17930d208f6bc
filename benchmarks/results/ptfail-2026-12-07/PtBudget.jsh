import org.girsanov.samplers.mcmc.*;
import org.girsanov.samplers.metrics.ModeCoverage;
import org.girsanov.samplers.targets.*;
import org.girsanov.io.TargetSpecs;
import org.girsanov.sde.RandomStreams;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.ejml.data.DMatrixRMaj;
// PT on the unequal-width mixture: the weight error of the cold chain against the rounds and the ladder
MixtureTarget t = (MixtureTarget) TargetSpecs.parse("gmm:file=widths-d6.json");
for (int temps : new int[] {8, 16, 32}) {
  for (int rounds : new int[] {1000, 8000, 32000}) {
    var rng = new RandomStreams(0).stream(0, 0, 29);
    int d = t.dimension();
    DMatrixRMaj starts = new DMatrixRMaj(16, d);
    var g = ZigguratSampler.NormalizedGaussian.of(rng);
    for (int i = 0; i < starts.data.length; i++) starts.data[i] = g.sample();
    CountingTarget ct = new CountingTarget(t);
    McmcResult r = new ParallelTempering(new Mala(), temps, 0.01, null, 0.1, 500, rounds, 8 * rounds / 1000).run(ct, starts, rng);
    ModeCoverage.Result c = ModeCoverage.compute(t.means(), t.weights(), r.samples());
    System.out.println("swap rates " + java.util.Arrays.toString(r.swapRates()).substring(0, Math.min(60, java.util.Arrays.toString(r.swapRates()).length())) + " temperatures " + temps + " rounds " + rounds + " evaluations " + ct.total() + " counts " + java.util.Arrays.toString(c.counts()) + " weight error " + c.weightError(t.weights()));
  }
}
/exit
