package org.girsanov.cli.commands;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.girsanov.cli.FlagValues;
import org.girsanov.cli.UserError;
import org.girsanov.io.Json;
import org.girsanov.samplers.train.SamplerKind;
import org.girsanov.samplers.train.Standardisation;
import org.girsanov.samplers.train.TrainingConfig;
import org.girsanov.samplers.train.Underdamped;

/**
 * The checks {@code train} and {@code demo} run before any work: the ranges of the evaluation and protocol
 * flags, the names of the flags behind a config error, and whether the run folder may be written.
 */
final class TrainFlags {
    /** Config fields ({@code TrainingConfig}'s messages start with them) and the flags that set them. */
    private static final Map<String, String> FIELD_FLAGS = Map.ofEntries(Map.entry("steps", "--steps"),
            Map.entry("batch", "--batch"), Map.entry("iterations", "--iterations"), Map.entry("lr", "--lr"),
            Map.entry("threads", "--threads"), Map.entry("exploration", "--exploration"),
            Map.entry("replayEvery", "--replay-every"), Map.entry("divergence", "--divergence"),
            Map.entry("logZLrScale", "--lr-logz-scale"), Map.entry("grid", "--grid"), Map.entry("loss", "--loss"),
            Map.entry("scoreDraws", "--score-draws"), Map.entry("step", "--step"), Map.entry("friction", "--friction"),
            Map.entry("precision", "--precision"), Map.entry("chunkSize", "--chunk-size"));

    /** The flags of {@code train} that only training uses, refused with a sampler that learns nothing (rdmc). */
    static final List<String> TRAINING_ONLY = List.of("batch", "iterations", "lr", "lr-logz-scale", "exploration",
            "replay-every", "divergence", "epsilon", "sigma", "prior-std", "standardise", "no-langevin", "precision", "chunk-size", "step", "friction", "learn-step", "resume", "stop-after", "checkpoint-seconds", "eval-refine");

    private TrainFlags() {
    }

    /** A training-config error message, prefixed with the flag it is about when it can be told. */
    static String named(String message) {
        String m = message == null ? "" : message;
        int end = 0;
        while (end < m.length() && Character.isLetter(m.charAt(end))) {
            end++;
        }
        String flag = FIELD_FLAGS.get(m.substring(0, end));
        if (flag == null && m.toLowerCase(java.util.Locale.ROOT).contains("grid")) {
            flag = "--grid";
        }
        return (flag == null ? "bad training flags" : flag) + ": " + m;
    }

    /**
     * The checks of the flags that depend on the sampler: {@code --score-draws} goes with rdmc and idem only, and a
     * sampler that learns nothing refuses every flag of {@link #TRAINING_ONLY}.
     */
    static void checkSampler(TrainCommand a, SamplerKind sampler) {
        boolean marginal = sampler == SamplerKind.RDMC || sampler == SamplerKind.IDEM;
        if (a.scoreDraws != null) {
            if (!marginal) {
                throw new UserError("--score-draws: applies to the samplers rdmc and idem only; " + sampler
                        + " has no Monte Carlo score");
            }
            Inputs.intIn("--score-draws", a.scoreDraws, 1, MAX_SCORE_DRAWS);
        }
        if (!sampler.learned()) {
            for (String f : TRAINING_ONLY) {
                if (a.given("--" + f)) {
                    throw new UserError("--" + f + ": " + sampler + " learns nothing, so it takes no training flag; with "
                            + sampler + " give only --target, --steps, --grid, --score-draws, --seed, --threads,"
                            + " --eval-paths, --sample-metric-k, --out, --force, --no-plots, --json");
                }
            }
        }
    }

    /**
     * The {@code σ} of the config from {@code --epsilon} (nets: {@code σ = √ε}) or {@code --sigma} (pinn), each
     * checked finite and {@code > 0}; {@code preset} when neither is given.
     *
     * @throws UserError naming the flag, for another sampler or a bad value
     */
    static double sigma(TrainCommand a, SamplerKind sampler, double preset) {
        if (a.epsilon != null) {
            return Math.sqrt(positive("epsilon", a.epsilon, sampler, SamplerKind.NETS, "Langevin rate ε"));
        }
        return a.sigma != null ? positive("sigma", a.sigma, sampler, SamplerKind.PINN, "diffusion coefficient σ of its own")
                : preset;
    }

    /**
     * {@code --prior-std}: {@code s} of the prior {@code N(0, s² I)} the annealed samplers (cmcd, mcd, nets, ldvi, pinn)
     * start from, finite and {@code > 0}, or {@code pilot} ({@link TrainingConfig.Discretisation#PILOT}); {@code preset}
     * when not given.
     *
     * @throws UserError naming the flag, for another sampler or a bad value
     */
    static double priorStd(TrainCommand a, SamplerKind sampler, double preset) {
        if (a.priorStd == null) {
            return preset;
        }
        if (!sampler.annealed()) {
            throw new UserError("--prior-std: applies to the annealed samplers cmcd, mcd, nets, ldvi and pinn only; "
                    + sampler + (sampler == SamplerKind.DDS || sampler == SamplerKind.DIS ? "'s prior N(0, sigma^2 I) is set by"
                    + " its reference process" : " does not start from N(0, s^2 I)"));
        }
        return priorStdValue(a.priorStd);
    }

    /** The value of {@code --standardise} text {@code v}: one of {@link Standardisation#ids()}. */
    static Standardisation standardiseValue(String v) {
        try {
            return Standardisation.parse(v);
        } catch (IllegalArgumentException e) {
            throw new UserError("--standardise: '" + v + "'; must be none (the target's coordinates), pilot (the pilot's"
                    + " per-coordinate mean and std) or pilot-cov (its mean and covariance)");
        }
    }

    /** The value of {@code --prior-std} text {@code v}: a finite number {@code > 0} or {@code pilot}. */
    static double priorStdValue(String v) {
        if ("pilot".equals(v)) {
            return TrainingConfig.Discretisation.PILOT;
        }
        double s;
        try {
            s = FlagValues.toDouble(v);
        } catch (RuntimeException e) {
            s = Double.NaN;
        }
        if (!(s > 0) || !Double.isFinite(s)) {
            throw new UserError("--prior-std: " + v + "; the prior std s must be finite and > 0, or pilot");
        }
        return s;
    }

    private static double positive(String flag, double e, SamplerKind sampler, SamplerKind owner, String what) {
        if (sampler != owner) {
            throw new UserError("--" + flag + ": applies to the sampler " + owner + " only; " + sampler + " has no "
                    + what);
        }
        if (!(e > 0) || !Double.isFinite(e)) {
            throw new UserError("--" + flag + ": " + Inputs.text(e) + "; the " + what.replace(" of its own", "")
                    + " must be finite and > 0");
        }
        return e;
    }

    /**
     * {@code --step}, {@code --friction} and {@code --learn-step} of the ldvi sampler over {@code preset}; the values are
     * checked by {@link Underdamped} (its messages name the field, {@link #named} the flag).
     *
     * @throws UserError naming the flag, for another sampler
     */
    static Underdamped underdamped(TrainCommand a, SamplerKind sampler, Underdamped preset) {
        for (String f : List.of("step", "friction", "learn-step")) {
            if (a.given("--" + f) && sampler != SamplerKind.LDVI) {
                throw new UserError("--" + f + ": applies to the sampler ldvi only; " + sampler
                        + " has no underdamped (position-momentum) dynamics");
            }
        }
        return new Underdamped(a.given("--step") ? a.step : preset.step(), a.given("--friction") ? a.friction : preset.friction(),
                a.given("--learn-step") ? a.learnStep : preset.learn());
    }

    /**
     * Whether the drift network carries the Langevin term: the preset's {@code langevin} unless {@code --no-langevin}
     * is given, which applies only where the preset has the term.
     *
     * @throws UserError naming the flag, for a sampler whose network has no Langevin term to drop
     */
    static boolean langevin(TrainCommand a, SamplerKind sampler, boolean preset) {
        if (!a.noLangevin) {
            return preset;
        }
        if (!preset) {
            throw new UserError("--no-langevin: " + sampler + "'s network has no Langevin term NN2(t) * grad log rho to drop"
                    + " (it applies to the samplers whose drift network carries one: pis, dds, dis, bridge, gfn, ...)");
        }
        return false;
    }

    /** The most posterior draws per point of a Monte Carlo score. */
    static final int MAX_SCORE_DRAWS = 1_000_000;

    /** The evaluation and reporting options of {@code train}, every value checked. */
    static TrainRunner.Options options(TrainCommand a, PrintStream out) {
        Inputs.intIn("--threads", a.threads, 1, EvaluateCommand.MAX_THREADS);
        if (a.steps != null) {
            Inputs.intIn("--steps", a.steps, 1, 1_000_000);
        }
        if (a.batch != null) {
            Inputs.intIn("--batch", a.batch, 1, 1_000_000);
        }
        if (a.iterations != null) {
            Inputs.intIn("--iterations", a.iterations, 0, Integer.MAX_VALUE);
        }
        Inputs.positiveIfGiven("--lr", a.lr);
        Inputs.positiveIfGiven("--lr-logz-scale", a.lrLogZScale);
        Inputs.positiveIfGiven("--exploration", a.exploration);
        Inputs.intIn("--replay-every", a.replayEvery, 0, Integer.MAX_VALUE);
        long stopAfter = a.stopAfter != null ? Inputs.longIn("--stop-after", a.stopAfter, 0, Long.MAX_VALUE) : Long.MAX_VALUE;
        return new TrainRunner.Options(Inputs.intIn("--eval-paths", a.evalPaths, 2, EvaluateCommand.MAX_PATHS),
                Inputs.intIn("--sample-metric-k", a.sampleMetricK, 2, EvaluateCommand.MAX_SAMPLE_K),
                Inputs.intIn("--eval-refine", a.evalRefine, 0, TrainCommand.MAX_REFINE), !a.noPlots, stopAfter,
                a.json ? TrainRunner.StopReport.json(out) : null, Inputs.checkpointSeconds(a.checkpointSeconds));
    }

    /**
     * Makes {@code dir} ready for a new run: a folder holding a run is refused unless {@code force}, which
     * deletes that run's files first (so a folder never mixes two runs; other files stay).
     */
    static void claim(Path dir, boolean force, boolean resume, String command, PrintStream err) throws IOException {
        List<String> files = RunFolder.runFiles(dir);
        if (files.isEmpty()) {
            if (resume) {
                err.println("no checkpoint at " + RunFolder.checkpoint(dir) + "; starting a new run");
            }
            return;
        }
        if (!force) {
            throw new UserError("--out: " + dir + " already holds a run (" + String.join(", ", files) + ")"
                    + (resume ? " but no checkpoint to resume; pass --force to replace it"
                            : "; pass --resume to continue it, or --force to replace it")
                    + ", or give another --out");
        }
        err.println(command + ": --force: deleting the previous run in " + dir + " (" + String.join(", ", files) + ")");
        RunFolder.clear(dir, true);
    }

    /**
     * Whether {@code dir} holds a run of {@code config}: its {@code config.json} has the same settings apart from
     * the thread count and the evaluation paths (which the run folder records for its final evaluation).
     */
    static boolean holdsRunOf(Path dir, org.girsanov.samplers.train.TrainingConfig config) {
        Path cfg = dir.resolve("config.json");
        if (!Files.isRegularFile(cfg)) {
            return false;
        }
        try {
            Object json = Json.parse(Files.readString(cfg));
            if (!(json instanceof Map<?, ?> m)) {
                return false;
            }
            Map<String, String> want = config.toMap();
            for (Map.Entry<String, String> e : want.entrySet()) {
                boolean free = e.getKey().equals("threads") || e.getKey().equals("eval_paths"); // the run folder's own
                if (!free && !RunFolder.sameSetting(e.getValue(), m.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
