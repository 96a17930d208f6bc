package org.girsanov.cli.commands;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.girsanov.autodiff.io.ParameterFile;
import org.girsanov.cli.UserError;
import org.girsanov.io.TargetSpecs;
import org.girsanov.autodiff.nn.Precision;
import org.girsanov.samplers.train.DivergenceForm;
import org.girsanov.samplers.train.GridSpec;
import org.girsanov.samplers.train.SamplerFactory;
import org.girsanov.samplers.train.Trainer;
import org.girsanov.samplers.train.TrainingConfig;

/**
 * What {@code train --resume} continues: the checkpoint's own config, with only the flags that may change
 * on a resume applied. A flag the user gave that would change the training (target, sampler, loss, batch,
 * learning rate, seed, …) and differs from the checkpoint is an error listing every such flag with both
 * values; a flag not given takes the checkpoint's value.
 */
final class ResumeCheck {

    /**
     * The flags a resume may change: {@code --iterations} extends the run (never below the iterations done),
     * {@code --threads} and {@code --checkpoint-seconds} do not change the numbers, the rest decide only the
     * evaluation, output and reporting.
     */
    static final List<String> FREE = List.of("iterations", "threads", "checkpoint-seconds", "out", "resume", "force",
            "no-plots", "stop-after", "json", "eval-paths", "sample-metric-k", "eval-refine");

    private record Compared(String flag, Function<TrainingConfig, Object> stored, Function<TrainCommand, Object> given) {
    }

    /** The flags that must agree with the checkpoint, each with how to read it from the config and the args. */
    static final List<String> COMPARED_FLAGS;
    private static final List<Compared> COMPARED = List.of(
            new Compared("target", c -> canonical(c.targetSpec()), t -> canonical(t.target)),
            new Compared("sampler", c -> c.sampler().id(), t -> t.sampler),
            new Compared("loss", c -> c.loss().id(), t -> t.loss),
            new Compared("steps", c -> c.time().steps(), t -> t.steps),
            new Compared("batch", c -> c.optimisation().batch(), t -> t.batch),
            new Compared("lr", c -> c.optimisation().lr(), t -> t.lr),
            new Compared("seed", c -> c.run().seed(), t -> t.seed),
            new Compared("grid", c -> c.time().grid(), t -> GridSpec.parse(t.grid)),
            new Compared("replay-every", c -> c.exploration().replayEvery(), t -> t.replayEvery),
            new Compared("divergence", TrainingConfig::divergence, t -> DivergenceForm.parse(t.divergence)),
            new Compared("lr-logz-scale", c -> c.optimisation().logZLrScale(), t -> t.lrLogZScale),
            new Compared("exploration", c -> c.exploration().kappa(), t -> t.exploration),
            new Compared("score-draws", c -> c.marginal().scoreDraws(), t -> t.scoreDraws),
            new Compared("epsilon", c -> c.time().sigma() > 0 ? c.time().sigma() : SamplerFactory.defaultSigma(c.sampler()),
                    t -> Math.sqrt(t.epsilon)),
            new Compared("sigma", c -> c.time().sigma() > 0 ? c.time().sigma() : SamplerFactory.defaultSigma(c.sampler()),
                    t -> t.sigma),
            new Compared("prior-std", c -> priorStdSetting(c.time().priorStd()),
                    t -> priorStdSetting(TrainFlags.priorStdValue(t.priorStd))),
            new Compared("standardise", c -> c.time().standardise(), t -> TrainFlags.standardiseValue(t.standardise)),
            new Compared("step", c -> c.underdamped().step(), t -> t.step),
            new Compared("friction", c -> c.underdamped().friction(), t -> t.friction),
            new Compared("learn-step", c -> c.underdamped().learn(), t -> t.learnStep),
            new Compared("no-langevin", c -> !c.network().langevin(), t -> t.noLangevin),
            new Compared("precision", c -> c.network().precision(), t -> Precision.parse("--precision", t.precision)),
            new Compared("chunk-size", c -> c.run().chunkSize(), t -> t.chunkSize));

    static {
        COMPARED_FLAGS = COMPARED.stream().map(Compared::flag).toList();
    }

    private ResumeCheck() {
    }

    /** A prior std setting as it reads: {@code pilot}, or the std (the default when unset). */
    private static Object priorStdSetting(double s) {
        if (s == TrainingConfig.Discretisation.PILOT) {
            return "pilot";
        }
        return s > 0 ? s : TrainingConfig.Discretisation.DEFAULT_PRIOR_STD;
    }

    /** The config to continue {@code ckpt} with, after checking the given flags against it. */
    static TrainingConfig config(TrainCommand a, Path ckpt) {
        TrainingConfig stored;
        long done;
        try {
            stored = Trainer.readConfig(ckpt);
            done = Long.parseLong(ParameterFile.read(ckpt).metadata().getOrDefault("iteration", "0"));
        } catch (IOException | RuntimeException e) {
            throw new UserError("--resume: cannot read the checkpoint " + ckpt + ": " + e.getMessage(), e);
        }
        List<String> differ = new ArrayList<>();
        for (Compared c : COMPARED) {
            if (a.given("--" + c.flag())) {
                Object s = c.stored().apply(stored);
                if (!s.equals(c.given().apply(a))) {
                    differ.add("  --" + c.flag() + ": the checkpoint has " + s + ", given " + a.typed("--" + c.flag()));
                }
            }
        }
        if (!differ.isEmpty()) {
            throw new UserError("--resume: " + (differ.size() == 1 ? "a flag contradicts" : differ.size() + " flags contradict")
                    + " the checkpoint " + ckpt + ":\n" + String.join("\n", differ) + "\nleave "
                    + (differ.size() == 1 ? "it" : "them") + " out to continue the run as it was, or train into another --out");
        }
        int iterations = a.iterations != null ? a.iterations : stored.optimisation().iterations();
        if (iterations < done) {
            throw new UserError("--iterations: " + iterations + " is fewer than the " + done + " iterations the checkpoint "
                    + ckpt + " has done; give at least " + done + " (a larger count extends the run)");
        }
        return stored.withIterations(iterations).withThreads(a.threads);
    }

    /**
     * A target spec as the published tables name it, so {@code funnel10} and {@code funnel:d=10} agree, with its
     * file parameters absolute, so a relative path to the checkpoint's file agrees with the stored absolute one.
     */
    private static String canonical(String spec) {
        return TrainRunner.publishedName(TargetSpecs.withAbsolutePaths(spec.strip().replace(" ", "")));
    }
}
