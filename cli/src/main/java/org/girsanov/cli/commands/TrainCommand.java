package org.girsanov.cli.commands;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.girsanov.cli.Args;
import org.girsanov.cli.Cli;
import org.girsanov.cli.Command;
import org.girsanov.cli.Flag;
import org.girsanov.io.Json;
import org.girsanov.cli.UsageException;
import org.girsanov.cli.UserError;
import org.girsanov.io.TargetSpecs;
import org.girsanov.samplers.train.DivergenceForm;
import org.girsanov.samplers.train.GridSpec;
import org.girsanov.samplers.train.LossKind;
import org.girsanov.samplers.train.Presets;
import org.girsanov.samplers.train.SamplerKind;
import org.girsanov.samplers.train.TrainingConfig;
import org.girsanov.samplers.train.Underdamped;

/** {@code girsanov train}: trains a sampler with the CPU protocol of its quality-suite row, or given flags. */
public final class TrainCommand implements Command {
    /** The most grid refinements of the final evaluation (the evaluator's limit). */
    static final int MAX_REFINE = 10;

    static final List<Flag> FLAGS = List.of(
            Flag.required("target", "SPEC", "gmm9, gmm25, gmm40, funnel:d=10, manywell:d=5,w=5,delta=4, gaussian:d=3,"
                    + " gmm:file=PATH.json, breast-cancer, sonar, ionosphere, german-credit, eight-schools:form=noncentred,"
                    + " brownian, logistic:data=PATH.csv, probit:data=PATH.csv, poisson:data=PATH.csv"),
            Flag.option("sampler", "NAME", "pis, dds, dis, bridge, gfn, cmcd, mcd, lrds, idem, nets, ldvi, pinn, or rdmc (nothing learned)").withDefault("pis"),
            Flag.option("loss", "NAME", "kl, lv, tb, db or subtb (default lv; ldvi: kl, the ELBO); idem: dem (its own regression, the default); nets: nets (the transport residual, the default); pinn: pinn (the Fokker-Planck residual, the default); rdmc: none"),
            Flag.option("score-draws", "K", "rdmc and idem: posterior draws per point of the Monte Carlo score (default: idem " + TrainingConfig.Marginal.DEFAULT_DRAWS + ", rdmc " + TrainingConfig.Marginal.DEFAULT_RDMC_DRAWS + ")"),
            Flag.option("steps", "N", "time steps of the training grid (default: the protocol's)"),
            Flag.option("batch", "B", "paths per gradient step (default: the protocol's)"),
            Flag.option("iterations", "I", "gradient steps (default: the protocol's)"),
            Flag.option("lr", "LR", "initial learning rate (decays exponentially to 1e-4)"),
            Flag.option("seed", "S", "root seed").withDefault(0),
            Flag.option("threads", "T", "worker threads; results do not depend on it").withDefault(2),
            Flag.option("grid", "KIND", "training time grid: uniform, jittered (a fresh jittered uniform grid every iteration; evaluated on the uniform one), cosine or power:κ (default: the protocol's)"),
            Flag.option("eval-refine", "R", "evaluate on the training grid refined R times (steps × 2^R), 0 to " + MAX_REFINE).withDefault(0),
            Flag.option("replay-every", "R", "off-policy losses: every R-th iteration trains on backward paths from a replay buffer refreshed by MALA (0: off)").withDefault(0),
            Flag.option("divergence", "FORM", "bridge log-weight: none (Euler-Maruyama kernel ratio, the default), exact or hutchinson[:m] (controlled Girsanov form with the divergence of the backward control); nets: the divergence of b in its residual, exact (the default) or hutchinson[:m]; pinn: the divergence of b and the Laplacian of u in its residual, likewise"),
            Flag.toggle("no-langevin", "drop the Langevin term NN2(t) * grad log rho from the drift of pis, dds, dis, bridge,"
                    + " gfn (the ablation of He et al. 2025)"),
            Flag.option("epsilon", "E", "nets: the Langevin rate of dX = (b + E grad log pi_t) dt + sqrt(2E) dW, finite and > 0 (default 1)"),
            Flag.option("sigma", "S", "pinn: the diffusion coefficient of dX = b dt + S dW, finite and > 0 (default 1)"),
            Flag.option("prior-std", "S", "cmcd, mcd, nets, ldvi, pinn: the prior N(0, S^2 I) the annealing path starts from, finite and > 0 (default 1)"),
            Flag.option("step", "H", "ldvi: the leapfrog step h, finite and > 0 (default " + Underdamped.DEFAULT.step() + ")"),
            Flag.option("friction", "G", "ldvi: the friction gamma of the momentum refreshes v <- eta v + sqrt(1 - eta^2) xi, eta = exp(-gamma h/2), finite and > 0 (default " + Underdamped.DEFAULT.friction() + ")"),
            Flag.toggle("learn-step", "ldvi: learn h and gamma with the network (from --step and --friction)"),
            Flag.option("lr-logz-scale", "S", "TB, DB, sub-TB: learning rate of the learned log Z relative to the networks' (default: the protocol's)"),
            Flag.option("exploration", "K", "initial noise scale of the behaviour process (off-policy losses)"),
            Flag.option("eval-paths", "K", "paths of the final evaluation").withDefault(20000),
            Flag.option("sample-metric-k", "K", "points for Sinkhorn and EUBO").withDefault(2000),
            Flag.option("out", "DIR", "run folder (default runs/TARGET-SAMPLER-LOSS)"),
            Flag.toggle("resume", "continue from the run folder's checkpoint (flags given must match it, except --iterations to extend it)"),
            Flag.toggle("force", "replace the run the folder holds (its files are deleted first)"),
            Flag.toggle("no-plots", "skip the PNG plots"),
            Flag.option("stop-after", "I", "stop at iteration I as if interrupted (keeps the checkpoint; for testing --resume)"),
            Inputs.checkpointSecondsFlag(),
            Cli.JSON_FLAG);

    @Override
    public String name() {
        return "train";
    }

    @Override
    public String summary() {
        return "train a diffusion sampler and evaluate it";
    }

    @Override
    public String usage() {
        return "train --target SPEC [--sampler pis|dds|dis|bridge|gfn|cmcd|mcd|lrds|idem|nets|ldvi|pinn|rdmc] [--loss kl|lv|tb|db|subtb|dem|nets|pinn] [flags]\n\n"
                + "Without protocol flags (--steps, --batch, --iterations, --lr) the CPU protocol of the quality suite is\n"
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
                + "(--batch, --iterations, --lr, --resume, ...) are refused with it.";
    }

    @Override
    public List<Flag> flags() {
        return FLAGS;
    }

    static TrainingConfig config(Args a) {
        // file parameters made absolute: the stored spec must name the same file from any directory
        String spec = TargetSpecs.withAbsolutePaths(a.getString("target"));
        SamplerKind sampler = SamplerKind.parse(a.getChoice("sampler", SamplerKind.ids()));
        LossKind loss = a.has("loss") ? LossKind.parse(a.getChoice("loss", LossKind.ids())) : sampler.defaultLoss();
        TrainFlags.checkSampler(a, sampler);
        int dimension = TrainRunner.parseTarget(spec).dimension();
        TrainingConfig p;
        try {
            p = Presets.cpu(spec, dimension, sampler, loss);
        } catch (IllegalArgumentException e) {
            throw new UserError(TrainFlags.named(e.getMessage()));
        }
        try {
            return p.toBuilder().scoreDraws(a.has("score-draws") ? a.getInt("score-draws") : p.marginal().scoreDraws()).steps(a.getInt("steps", p.time().steps()))
                    .batch(a.getInt("batch", p.optimisation().batch()))
                    .iterations(a.getInt("iterations", p.optimisation().iterations()))
                    .lr(a.getDouble("lr", p.optimisation().lr())).seed(a.getLong("seed")).threads(a.getInt("threads"))
                    .exploration(a.getDouble("exploration", p.exploration().kappa()))
                    .grid(a.has("grid") ? GridSpec.parse(a.getString("grid")) : p.time().grid())
                    .replayEvery(a.getInt("replay-every"))
                    .divergence(a.has("divergence") ? DivergenceForm.parse(a.getString("divergence")) : p.divergence())
                    .sigma(TrainFlags.sigma(a, sampler, p.time().sigma()))
                    .priorStd(TrainFlags.priorStd(a, sampler, p.time().priorStd()))
                    .underdamped(TrainFlags.underdamped(a, sampler, p.underdamped()))
                    .langevin(TrainFlags.langevin(a, sampler, p.network().langevin()))
                    .logZLrScale(a.getDouble("lr-logz-scale", p.optimisation().logZLrScale())).build();
        } catch (IllegalArgumentException e) {
            throw new UserError(TrainFlags.named(e.getMessage()));
        }
    }

    @Override
    public int run(Args a, PrintStream out, PrintStream err) throws Exception {
        a.requireAtMostPositionals(0);
        boolean resume = a.getBoolean("resume");
        boolean force = a.getBoolean("force");
        if (resume && force) {
            throw new UsageException("--resume continues the run in the folder and --force replaces it; give one");
        }
        TrainingConfig c = config(a);
        TrainRunner.Options o = TrainFlags.options(a, out);
        Path dir = a.getPath("out", Path.of("runs", TrainRunner.publishedName(a.getString("target").strip()).replaceAll("[^A-Za-z0-9_.=-]", "_")
                + "-" + c.sampler().id() + "-" + c.loss().id()));
        Inputs.folder("--out", dir);
        boolean resuming = resume && Files.exists(RunFolder.checkpoint(dir));
        if (!c.sampler().learned()) {
            TrainFlags.claim(dir, force, false, "train", err);
            return finish(TrainRunner.run(c, dir, false, o, err), a.getBoolean("json"), out, err);
        }
        if (resuming) {
            c = ResumeCheck.config(a, RunFolder.checkpoint(dir));
        } else {
            TrainFlags.claim(dir, force, resume, "train", err);
        }
        return finish(TrainRunner.run(c, dir, resuming, o, err), a.getBoolean("json"), out, err);
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
