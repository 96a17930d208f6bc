package org.girsanov.cli.commands;

import picocli.CommandLine;
import picocli.CommandLine.Option;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.cli.Build;
import org.girsanov.cli.Cli;
import org.girsanov.cli.Command;
import org.girsanov.io.Json;
import org.girsanov.cli.UsageException;
import org.girsanov.cli.UserError;
import org.girsanov.samplers.metrics.DeltaStd;
import org.girsanov.samplers.metrics.Sinkhorn;
import org.girsanov.samplers.metrics.SinkhornResult;
import org.girsanov.samplers.targets.Target;
import org.girsanov.samplers.train.Evaluation;
import org.girsanov.samplers.train.Evaluator;
import org.girsanov.samplers.train.Trainer;

/**
 * {@code girsanov evaluate}: every metric of a checkpoint, or the sample-based ones (Δstd, Sinkhorn) of a
 * CSV of samples against exact target samples or given reference samples.
 */
@CommandLine.Command(name = "evaluate", header = "metrics of a checkpoint or of a CSV of samples",
        customSynopsis = "evaluate --target SPEC (--checkpoint FILE | --samples FILE.csv) [--reference FILE.csv] [--json]",
        description = "From a checkpoint: log Z estimates, ESS, EUBO, Δstd and Sinkhorn on fresh paths.\n"
                + "From samples: Δstd against the target's true standard deviations where known (else exact samples),\n"
                + "Sinkhorn (ε = 1e-3, run to convergence) against exact target samples; both against --reference\n"
                + "samples when given.")
public final class EvaluateCommand extends Command {
    /** Upper bounds of the evaluation flags (memory: Sinkhorn holds a K × K cost matrix). */
    static final int MAX_PATHS = 1_000_000;
    static final int MAX_SAMPLE_K = 20_000;
    static final int MAX_THREADS = 256;

    @Option(names = "--target", paramLabel = "SPEC", required = true, description = "the target the samples are meant to follow")
    String target;

    @Option(names = "--checkpoint", paramLabel = "FILE", description = "a checkpoint written by train or demo")
    Path checkpoint;

    @Option(names = "--samples", paramLabel = "FILE", description = "CSV of samples, one row each")
    Path samples;

    @Option(names = "--reference", paramLabel = "FILE", description = "CSV of reference samples (default: exact target samples)")
    Path reference;

    @Option(names = "--paths", paramLabel = "K", description = "paths for a checkpoint's evaluation")
    int paths = 20000;

    @Option(names = "--sample-metric-k", paramLabel = "K", description = "points for Sinkhorn")
    int sampleMetricK = 2000;

    @Option(names = "--refine", paramLabel = "R", description = "a checkpoint: evaluate on its training grid refined R times"
            + " (steps × 2^R), 0 to " + TrainCommand.MAX_REFINE)
    int refine = 0;

    @Option(names = "--threads", paramLabel = "T", description = "worker threads")
    int threads = 2;

    @Option(names = "--json", arity = "0..1", description = Cli.JSON_HELP)
    boolean json;

    @Override
    public Map<String, Object> stopContext() {
        return checkpoint != null ? Checkpoints.describe(checkpoint) : Map.of("samples", String.valueOf(samples));
    }

    @Override
    public int run(PrintStream out, PrintStream err) throws Exception {
        Target target = TrainRunner.parseTarget(this.target);
        boolean ckpt = checkpoint != null;
        if (ckpt == (samples != null)) {
            throw new UsageException("give exactly one of --checkpoint FILE or --samples FILE.csv");
        }
        if (ckpt && reference != null) {
            throw new UsageException("--reference goes with --samples, not with --checkpoint");
        }
        int paths = Inputs.intIn("--paths", this.paths, 2, MAX_PATHS);
        int sampleK = Inputs.intIn("--sample-metric-k", sampleMetricK, 2, MAX_SAMPLE_K);
        int threads = Inputs.intIn("--threads", this.threads, 1, MAX_THREADS);
        int refine = Inputs.intIn("--refine", this.refine, 0, TrainCommand.MAX_REFINE);
        if (!ckpt && given("--refine")) {
            throw new UsageException("--refine goes with --checkpoint (it refines the sampler's time grid), not with --samples");
        }
        DMatrixRMaj samples = ckpt ? null : SamplesCsv.read("--samples", this.samples);
        DMatrixRMaj ref = reference != null ? SamplesCsv.read("--reference", reference) : null;
        long t0 = System.nanoTime();
        Json.Obj m = Json.object().with("target", this.target);
        if (ckpt) {
            try (Trainer t = Checkpoints.open(checkpoint, threads)) {
                if (!t.target().name().equals(target.name()) || t.target().dimension() != target.dimension()) {
                    throw new UserError("--target " + this.target + " does not match the checkpoint's target "
                            + t.config().targetSpec());
                }
                err.println("evaluating " + checkpoint + " on " + paths + " paths ...");
                Evaluation ev = new Evaluator(paths, sampleK, true, refine).evaluate(t);
                m.withAll(ev.all());
                m.with("seed", t.config().run().seed());
            }
        } else {
            if (samples.numCols != target.dimension()) {
                throw new UserError("--samples: " + this.samples + ": samples have " + samples.numCols + " columns; target "
                        + target.name() + " has dimension " + target.dimension());
            }
            boolean given = ref != null;
            if (ref == null && !target.hasExactSampler() && target.reference().isPresent()) {
                // a real target: Δstd against its reference moments; the sample metrics need reference samples
                m.with("delta_std", Evaluator.deltaStd(samples, target, null)).with("samples", samples.numRows);
            } else if (ref != null) {
                if (ref.numCols != samples.numCols) {
                    throw new UserError("--reference: " + reference + ": " + ref.numCols + " columns; samples have " + samples.numCols);
                }
            } else if (target.hasExactSampler()) {
                ref = target.sample(samples.numRows, RandomSource.XO_RO_SHI_RO_128_PP.create(20261122L));
            } else {
                throw new UserError("target " + target.name() + " has no exact sampler; give --reference FILE.csv");
            }
            if (ref != null) {
                // an explicit --reference is what the user asked to compare with; else the target's true std where known
                m.with("delta_std", given ? DeltaStd.compute(samples, ref) : Evaluator.deltaStd(samples, target, ref));
                int k = Math.min(sampleK, Math.min(samples.numRows, ref.numRows));
                SinkhornResult s = Sinkhorn.cost(firstRows(samples, k), firstRows(ref, k));
                m.with("sinkhorn", s.cost()).with("sinkhorn_k", k).with("sinkhorn_iterations", s.iterations())
                        .with("sinkhorn_converged", s.converged());
                m.with("samples", samples.numRows);
            }
        }
        m.with("wall_seconds", (System.nanoTime() - t0) / 1e9).withAll(Build.info());
        for (Map.Entry<String, Object> e : m.entrySet()) {
            err.printf("%-22s %s%n", e.getKey(), e.getValue() instanceof Double d ? human(d) : e.getValue());
        }
        if (json) {
            out.println(Json.write(m));
        }
        return Cli.EXIT_OK;
    }

    /** A real number for people: six significant digits, no {@code 6.686163295488434E-5} (the JSON keeps every digit). */
    static String human(double v) {
        if (!Double.isFinite(v) || v == 0) {
            return Double.toString(v);
        }
        double a = Math.abs(v);
        return a >= 1e-4 && a < 1e6 ? new java.math.BigDecimal(v).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString()
                : String.format(java.util.Locale.ROOT, "%.5e", v);
    }

    private static DMatrixRMaj firstRows(DMatrixRMaj m, int k) {
        DMatrixRMaj out = new DMatrixRMaj(k, m.numCols);
        System.arraycopy(m.data, 0, out.data, 0, k * m.numCols);
        return out;
    }
}
