package org.girsanov.cli.commands;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.girsanov.cli.Cli;
import org.girsanov.cli.Command;
import org.girsanov.cli.Suggest;
import org.girsanov.io.Json;
import org.girsanov.cli.UsageException;
import org.girsanov.cli.UserError;
import org.girsanov.io.TargetSpecs;
import org.girsanov.autodiff.nn.Precision;
import org.girsanov.samplers.train.DivergenceForm;
import org.girsanov.samplers.train.GridSpec;
import org.girsanov.samplers.train.LossKind;
import org.girsanov.samplers.train.Presets;
import org.girsanov.samplers.train.SamplerKind;
import org.girsanov.samplers.train.TrainingConfig;
import org.girsanov.samplers.ldvi.Ldvi;
import org.girsanov.samplers.train.CheckpointPolicy;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code girsanov train}: trains a sampler with the CPU protocol of its quality-suite row, or given flags. */
@CommandLine.Command(name = "train", header = "train a diffusion sampler and evaluate it",
        customSynopsis = "train --target SPEC [--sampler pis|dds|dis|bridge|gfn|cmcd|mcd|lrds|idem|nets|ldvi|pinn|rdmc] [--loss kl|lv|tb|db|subtb|dem|nets|pinn] [flags]",
        description = "Without protocol flags (--steps, --batch, --iterations, --lr) the CPU protocol of the quality suite is\n"
                + "used, so `train --target gmm9 --sampler pis --loss lv` reproduces that row. Writes metrics.json,\n"
                + "samples.csv, config.json, the checkpoint and plots to the run folder. A folder that already holds a\n"
                + "run is refused unless --resume (continue it) or --force (delete its run files, then start over).\n\n"
                + "The checkpoint is written atomically whenever --checkpoint-seconds (default 60) of wall time have\n"
                + "passed since the last one, every 500 iterations and at the end, so a crash, even kill -9, loses at\n"
                + "most about that much work; --resume continues from it to the same final numbers.\n\n"
                + "Ctrl-C (SIGINT) or SIGTERM stops at the next iteration, keeps the checkpoint and exits 130 or 143\n"
                + "(128 + the signal's number; with --json the object says finished: false, the checkpoint and the\n"
                + "iteration); a second Ctrl-C stops at once. On a resume only --iterations (at least the iterations\n"
                + "done; a larger count extends the run, and the learning-rate and exploration schedules stretch to the\n"
                + "new count from there on), --threads, --checkpoint-seconds and the evaluation and output flags may\n"
                + "differ from the checkpoint; flags left out take the checkpoint's values. metrics.json's\n"
                + "train_seconds adds up the training time of every segment (segment_train_seconds: this one's).\n\n"
                + "lrds first runs parallel tempering and fits its reference mixture by EM + BIC, from the seed, so a\n"
                + "resume rebuilds the same reference (the checkpoint refuses one that differs); the MCMC's target\n"
                + "evaluations count in target_evaluations. idem trains its score network by its own regression\n"
                + "(--loss dem). nets (Albergo & Vanden-Eijnden 2025) is the cmcd sampler with sigma^2 = --epsilon whose\n"
                + "drift b is trained by the residual of the continuity equation along the annealing path (--loss nets,\n"
                + "the default) at states replayed from its own trajectories, with a learned free energy F_t = log Z_t and\n"
                + "the divergence of b exact or by Hutchinson (--divergence); log Z and ESS are the cmcd pair's.\n"
                + "ldvi (Geffner & Domke 2021/2023) runs --steps uncorrected O-BAB-O steps (momentum refresh, leapfrog,\n"
                + "refresh) on (x, v) along the annealing path, with a learned momentum correction in the backward\n"
                + "refreshes; --step, --friction and --learn-step set its dynamics, samples.csv holds the positions.\n"
                + "pinn (Sun et al. 2024) learns dX = b dt + --sigma dW together with its log-density u = log p_t (u at\n"
                + "the ends the prior and log rho - log Z, log Z learned) by the residual of the log-space Fokker-Planck\n"
                + "equation (--loss pinn, the default) at replayed states; log Z and ESS are its kernel pair's.\n"
                + "rdmc learns nothing: train runs it on --eval-paths particles and writes metrics.json\n"
                + "(log Z, ESS, target_evaluations: its whole cost), samples.csv and config.json, but no checkpoint,\n"
                + "so sample and evaluate --checkpoint do not apply (evaluate --samples does); the training flags\n"
                + "(--batch, --iterations, --lr, --resume, ...) are refused with it.")
public final class TrainCommand extends Command {
    /** The most grid refinements of the final evaluation (the evaluator's limit). */
    static final int MAX_REFINE = 10;

    @Option(names = "--target", paramLabel = "SPEC", required = true, description = "gmm9, gmm25, gmm40, funnel:d=10,"
            + " manywell:d=5,w=5,delta=4, gaussian:d=3, gmm:file=PATH.json, breast-cancer, sonar, ionosphere, german-credit,"
            + " eight-schools:form=noncentred, brownian, lgcp[:cells=40], logistic:data=PATH.csv, probit:data=PATH.csv,"
            + " poisson:data=PATH.csv")
    String target;

    @Option(names = "--sampler", paramLabel = "NAME", description = "pis, dds, dis, bridge, gfn, cmcd, mcd, lrds, idem, nets,"
            + " ldvi, pinn, or rdmc (nothing learned)")
    String sampler = "pis";

    @Option(names = "--loss", paramLabel = "NAME", description = "kl, lv, tb, db or subtb (default lv; ldvi: kl, the ELBO);"
            + " idem: dem (its own regression, the default); nets: nets (the transport residual, the default); pinn: pinn"
            + " (the Fokker-Planck residual, the default); rdmc: none")
    String loss;

    @Option(names = "--score-draws", paramLabel = "K", description = "rdmc and idem: posterior draws per point of the Monte"
            + " Carlo score (default: idem " + TrainingConfig.Marginal.DEFAULT_DRAWS + ", rdmc "
            + TrainingConfig.Marginal.DEFAULT_RDMC_DRAWS + ")")
    Integer scoreDraws;

    @Option(names = "--steps", paramLabel = "N", description = "time steps of the training grid (default: the protocol's)")
    Integer steps;

    @Option(names = "--batch", paramLabel = "B", description = "paths per gradient step (default: the protocol's)")
    Integer batch;

    @Option(names = "--iterations", paramLabel = "I", description = "gradient steps (default: the protocol's)")
    Integer iterations;

    @Option(names = "--lr", paramLabel = "LR", description = "initial learning rate (decays exponentially to 1e-4)")
    Double lr;

    @Option(names = "--seed", paramLabel = "S", description = "root seed")
    long seed = 0;

    @Option(names = "--threads", paramLabel = "T", description = "worker threads; results do not depend on it")
    int threads = 2;

    @Option(names = "--chunk-size", paramLabel = "C", description = "paths per batch chunk, the unit of work of a thread"
            + " (default: batch / 8 within [64, 256]); results depend on it (each chunk has its own random streams), the speed too (BENCHMARKS.md)")
    Integer chunkSize;

    @Option(names = "--grid", paramLabel = "KIND", description = "training time grid: uniform, jittered (a fresh jittered"
            + " uniform grid every iteration; evaluated on the uniform one), cosine or power:κ (default: the protocol's)")
    String grid;

    @Option(names = "--eval-refine", paramLabel = "R", description = "evaluate on the training grid refined R times"
            + " (steps × 2^R), 0 to " + MAX_REFINE)
    int evalRefine = 0;

    @Option(names = "--replay-every", paramLabel = "R", description = "off-policy losses: every R-th iteration trains on"
            + " backward paths from a replay buffer refreshed by MALA (0: off)")
    int replayEvery = 0;

    @Option(names = "--divergence", paramLabel = "FORM", description = "bridge log-weight: none (Euler-Maruyama kernel ratio,"
            + " the default), exact or hutchinson[:m] (controlled Girsanov form with the divergence of the backward control);"
            + " nets: the divergence of b in its residual, exact (the default) or hutchinson[:m]; pinn: the divergence of b"
            + " and the Laplacian of u in its residual, likewise")
    String divergence;

    @Option(names = "--no-langevin", arity = "0..1", description = "drop the Langevin term NN2(t) * grad log rho from the"
            + " drift of pis, dds, dis, bridge, gfn (the ablation of He et al. 2025)")
    boolean noLangevin;

    @Option(names = "--precision", paramLabel = "P", description = "arithmetic of the control networks' hidden layers:"
            + " float64 (the default) or float32 (twice the vector lanes; pis, dds, dis, bridge, gfn, cmcd, mcd, idem, without"
            + " a divergence); log-weights, losses and the optimiser stay double")
    String precision;

    @Option(names = "--epsilon", paramLabel = "E", description = "nets: the Langevin rate of dX = (b + E grad log pi_t) dt"
            + " + sqrt(2E) dW, finite and > 0 (default 1)")
    Double epsilon;

    @Option(names = "--sigma", paramLabel = "S", description = "pinn: the diffusion coefficient of dX = b dt + S dW, finite"
            + " and > 0 (default 1)")
    Double sigma;

    @Option(names = "--prior-std", paramLabel = "S", description = "cmcd, mcd, nets, ldvi, pinn: the prior N(0, S^2 I) the"
            + " annealing path starts from, finite and > 0, or pilot: estimated from a pilot parallel-tempering run on the"
            + " target (the RMS of its coordinate stds; the evaluations count) (default 1)")
    String priorStd;

    @Option(names = "--standardise", paramLabel = "HOW", description = "none (default): the sampler runs in the target's"
            + " coordinates; pilot: in the coordinates z = (x - m)/s of a pilot parallel-tempering run (its per-coordinate"
            + " mean m and std s; the evaluations count); pilot-cov: z = L^-1 (x - m), L L^T the pilot's covariance."
            + " Samples and metrics are read back in x")
    String standardise;

    @Option(names = "--step", paramLabel = "H", description = "ldvi: the leapfrog step h, finite and > 0")
    double step = Ldvi.DEFAULT_STEP;

    @Option(names = "--friction", paramLabel = "G", description = "ldvi: the friction gamma of the momentum refreshes"
            + " v <- eta v + sqrt(1 - eta^2) xi, eta = exp(-gamma h/2), finite and > 0")
    double friction = Ldvi.DEFAULT_FRICTION;

    @Option(names = "--learn-step", arity = "0..1", description = "ldvi: learn h and gamma with the network (from --step"
            + " and --friction)")
    boolean learnStep;

    @Option(names = "--lr-logz-scale", paramLabel = "S", description = "TB, DB, sub-TB: learning rate of the learned log Z"
            + " relative to the networks' (default: the protocol's)")
    Double lrLogZScale;

    @Option(names = "--exploration", paramLabel = "K", description = "initial noise scale of the behaviour process"
            + " (off-policy losses)")
    Double exploration;

    @Option(names = "--eval-paths", paramLabel = "K", description = "paths of the final evaluation")
    int evalPaths = 20000;

    @Option(names = "--sample-metric-k", paramLabel = "K", description = "points for Sinkhorn and EUBO")
    int sampleMetricK = 2000;

    @Option(names = "--out", paramLabel = "DIR", description = "run folder (default runs/TARGET-SAMPLER-LOSS)")
    Path out;

    @Option(names = "--resume", arity = "0..1", description = "continue from the run folder's checkpoint (flags given must"
            + " match it, except --iterations to extend it)")
    boolean resume;

    @Option(names = "--force", arity = "0..1", description = "replace the run the folder holds (its files are deleted first)")
    boolean force;

    @Option(names = "--no-plots", arity = "0..1", description = "skip the PNG plots")
    boolean noPlots;

    @Option(names = "--stop-after", paramLabel = "I", description = "stop at iteration I as if interrupted (keeps the"
            + " checkpoint; for testing --resume)")
    Long stopAfter;

    @Option(names = "--checkpoint-seconds", paramLabel = "S", description = Inputs.CHECKPOINT_SECONDS_HELP)
    double checkpointSeconds = CheckpointPolicy.DEFAULT_SECONDS;

    @Option(names = "--json", arity = "0..1", description = Cli.JSON_HELP)
    boolean json;

    TrainingConfig config() {
        // file parameters made absolute: the stored spec must name the same file from any directory
        String spec = TargetSpecs.withAbsolutePaths(target);
        SamplerKind sampler = SamplerKind.parse(Suggest.choice("--sampler", this.sampler, SamplerKind.ids()));
        LossKind loss = this.loss != null ? LossKind.parse(Suggest.choice("--loss", this.loss, LossKind.ids())) : sampler.defaultLoss();
        TrainFlags.checkSampler(this, sampler);
        int dimension = TrainRunner.parseTarget(spec).dimension();
        TrainingConfig p;
        try {
            p = Presets.cpu(spec, dimension, sampler, loss);
        } catch (IllegalArgumentException e) {
            throw new UserError(TrainFlags.named(e.getMessage()));
        }
        try {
            TrainingConfig.Builder b = p.toBuilder().scoreDraws(scoreDraws != null ? scoreDraws : p.marginal().scoreDraws())
                    .steps(steps != null ? steps : p.time().steps())
                    .batch(batch != null ? batch : p.optimisation().batch())
                    .iterations(iterations != null ? iterations : p.optimisation().iterations())
                    .lr(lr != null ? lr : p.optimisation().lr()).seed(seed).threads(threads)
                    .exploration(exploration != null ? exploration : p.exploration().kappa())
                    .grid(grid != null ? GridSpec.parse(grid) : p.time().grid())
                    .replayEvery(replayEvery)
                    .divergence(divergence != null ? DivergenceForm.parse(divergence) : p.divergence())
                    .sigma(TrainFlags.sigma(this, sampler, p.time().sigma()))
                    .priorStd(TrainFlags.priorStd(this, sampler, p.time().priorStd()))
                    .standardise(standardise != null ? TrainFlags.standardiseValue(standardise) : p.time().standardise())
                    .underdamped(TrainFlags.underdamped(this, sampler, p.underdamped()))
                    .langevin(TrainFlags.langevin(this, sampler, p.network().langevin()))
                    .precision(precision != null ? Precision.parse("precision", precision) : p.network().precision())
                    .logZLrScale(lrLogZScale != null ? lrLogZScale : p.optimisation().logZLrScale());
            if (chunkSize != null) {
                b.chunkSize(Inputs.intIn("--chunk-size", chunkSize, 1, 4096));
            }
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new UserError(TrainFlags.named(e.getMessage()));
        }
    }

    @Override
    public int run(PrintStream stdout, PrintStream err) throws Exception {
        if (resume && force) {
            throw new UsageException("--resume continues the run in the folder and --force replaces it; give one");
        }
        TrainingConfig c = config();
        TrainRunner.Options o = TrainFlags.options(this, stdout);
        Path dir = out != null ? out : Path.of("runs", TrainRunner.publishedName(target.strip()).replaceAll("[^A-Za-z0-9_.=-]", "_")
                + "-" + c.sampler().id() + "-" + c.loss().id());
        Inputs.folder("--out", dir);
        boolean resuming = resume && Files.exists(RunFolder.checkpoint(dir));
        if (!c.sampler().learned()) {
            TrainFlags.claim(dir, force, false, "train", err);
            return finish(TrainRunner.run(c, dir, false, o, err), json, stdout, err);
        }
        if (resuming) {
            c = ResumeCheck.config(this, RunFolder.checkpoint(dir));
        } else {
            TrainFlags.claim(dir, force, resume, "train", err);
        }
        return finish(TrainRunner.run(c, dir, resuming, o, err), json, stdout, err);
    }

    /** Reports an outcome: a stopped run has already written its JSON object; a finished one writes its metrics. */
    static int finish(TrainRunner.Outcome o, boolean json, PrintStream out, PrintStream err) {
        if (!o.finished()) {
            return o.exitCode();
        }
        err.println();
        err.print(TrainRunner.table(o.metrics()));
        err.println("run folder: " + o.dir());
        if (json) {
            out.println(Json.write(o.metrics()));
        }
        return Cli.EXIT_OK;
    }
}
