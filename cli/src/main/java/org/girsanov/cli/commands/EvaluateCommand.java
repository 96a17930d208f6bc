package org.girsanov.cli.commands;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.cli.Args;
import org.girsanov.cli.Build;
import org.girsanov.cli.Cli;
import org.girsanov.cli.Command;
import org.girsanov.cli.Flag;
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
public final class EvaluateCommand implements Command {
    /** Upper bounds of the evaluation flags (memory: Sinkhorn holds a K × K cost matrix). */
    static final int MAX_PATHS = 1_000_000;
    static final int MAX_SAMPLE_K = 20_000;
    static final int MAX_THREADS = 256;

    @Override
    public String name() {
        return "evaluate";
    }

    @Override
    public String summary() {
        return "metrics of a checkpoint or of a CSV of samples";
    }

    @Override
    public String usage() {
        return "evaluate --target SPEC (--checkpoint FILE | --samples FILE.csv) [--reference FILE.csv] [--json]\n\n"
                + "From a checkpoint: log Z estimates, ESS, EUBO, Δstd and Sinkhorn on fresh paths.\n"
                + "From samples: Δstd against the target's true standard deviations where known (else exact samples),\n"
                + "Sinkhorn (ε = 1e-3, run to convergence) against exact target samples; both against --reference\n"
                + "samples when given.";
    }

    @Override
    public List<Flag> flags() {
        return List.of(Flag.required("target", "SPEC", "the target the samples are meant to follow"),
                Flag.option("checkpoint", "FILE", "a checkpoint written by train or demo"),
                Flag.option("samples", "FILE", "CSV of samples, one row each"),
                Flag.option("reference", "FILE", "CSV of reference samples (default: exact target samples)"),
                Flag.option("paths", "K", "paths for a checkpoint's evaluation").withDefault(20000),
                Flag.option("sample-metric-k", "K", "points for Sinkhorn").withDefault(2000),
                Flag.option("refine", "R", "a checkpoint: evaluate on its training grid refined R times (steps × 2^R), 0 to "
                        + TrainCommand.MAX_REFINE).withDefault(0),
                Flag.option("threads", "T", "worker threads").withDefault(2), Cli.JSON_FLAG);
    }

    @Override
    public Map<String, Object> stopContext(Args a) {
        return a.has("checkpoint") ? Checkpoints.describe(a.getPath("checkpoint")) : Map.of("samples", a.getString("samples"));
    }

    @Override
    public int run(Args a, PrintStream out, PrintStream err) throws Exception {
        a.requireAtMostPositionals(0);
        Target target = TrainRunner.parseTarget(a.getString("target"));
        boolean ckpt = a.has("checkpoint");
        if (ckpt == a.has("samples")) {
            throw new UsageException("give exactly one of --checkpoint FILE or --samples FILE.csv");
        }
        if (ckpt && a.has("reference")) {
            throw new UsageException("--reference goes with --samples, not with --checkpoint");
        }
        int paths = Inputs.intIn(a, "paths", 2, MAX_PATHS);
        int sampleK = Inputs.intIn(a, "sample-metric-k", 2, MAX_SAMPLE_K);
        int threads = Inputs.intIn(a, "threads", 1, MAX_THREADS);
        int refine = Inputs.intIn(a, "refine", 0, TrainCommand.MAX_REFINE);
        if (!ckpt && a.has("refine")) {
            throw new UsageException("--refine goes with --checkpoint (it refines the sampler's time grid), not with --samples");
        }
        DMatrixRMaj samples = ckpt ? null : SamplesCsv.read("--samples", a.getPath("samples"));
        DMatrixRMaj ref = a.has("reference") ? SamplesCsv.read("--reference", a.getPath("reference")) : null;
        long t0 = System.nanoTime();
        Json.Obj m = Json.object().with("target", a.getString("target"));
        if (ckpt) {
            try (Trainer t = Checkpoints.open(a.getPath("checkpoint"), threads)) {
                if (!t.target().name().equals(target.name()) || t.target().dimension() != target.dimension()) {
                    throw new UserError("--target " + a.getString("target") + " does not match the checkpoint's target "
                            + t.config().targetSpec());
                }
                err.println("evaluating " + a.getPath("checkpoint") + " on " + paths + " paths ...");
                Evaluation ev = new Evaluator(paths, sampleK, true, refine).evaluate(t);
                m.withAll(ev.all());
                m.with("seed", t.config().run().seed());
            }
        } else {
            if (samples.numCols != target.dimension()) {
                throw new UserError("--samples: " + a.getPath("samples") + ": samples have " + samples.numCols + " columns; target "
                        + target.name() + " has dimension " + target.dimension());
            }
            boolean given = ref != null;
            if (ref == null && !target.hasExactSampler() && target.reference().isPresent()) {
                // a real target: Δstd against its reference moments; the sample metrics need reference samples
                m.with("delta_std", Evaluator.deltaStd(samples, target, null)).with("samples", samples.numRows);
            } else if (ref != null) {
                if (ref.numCols != samples.numCols) {
                    throw new UserError("--reference: " + a.getPath("reference") + ": " + ref.numCols + " columns; samples have " + samples.numCols);
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
        if (a.getBoolean("json")) {
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
