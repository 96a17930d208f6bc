package org.girsanov.cli.commands;

import java.io.PrintStream;
import java.nio.file.Path;
import org.girsanov.cli.Cli;
import org.girsanov.cli.Command;
import org.girsanov.io.Json;
import org.girsanov.cli.UsageException;
import org.girsanov.cli.UserError;
import org.girsanov.samplers.families.Sampler;
import org.girsanov.samplers.losses.DetailedBalanceLoss;
import org.girsanov.samplers.losses.LogFlow;
import org.girsanov.samplers.losses.SubTrajectoryBalanceLoss;
import org.girsanov.samplers.train.Trainer;
import org.girsanov.sde.check.ConsistencyChecker;
import org.girsanov.sde.check.ConsistencyReport;
import org.girsanov.sde.check.PairConsistency;
import org.girsanov.sde.check.ProcessPairs;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code girsanov check consistency}: the Δt → 0 consistency checker on a named (forward, backward) pair. */
@CommandLine.Command(name = "check", header = "check consistency: discrete log-weights against the continuous RND as Δt → 0",
        customSynopsis = "check consistency --sde NAME [--levels L] [--paths K] [--steps N] [--seed S] [--json]",
        description = "check consistency --checkpoint FILE [--levels L] [--paths K] [--seed S] [--json]\n\n"
                + "Refines one Brownian path per sample (Δt, Δt/2, …), compares the discrete log-weight with the\n"
                + "continuous Radon–Nikodym derivative, fits the strong order, and splits the detailed-balance\n"
                + "residual into its Nelson (O(√Δt)) and Fokker–Planck (O(Δt)) parts (Berner et al. 2025).\n"
                + "With --checkpoint: the trained sampler itself, on its training grid refined (the reference is the\n"
                + "grid two refinements below the last level); the split uses its log-flows if it was trained with db\n"
                + "or subtb. Pairs: " + ProcessPairs.NAMES)
public final class CheckCommand extends Command {
    @Parameters(arity = "0..1", paramLabel = "WHAT", hidden = true)
    String what;

    @Option(names = "--sde", paramLabel = "NAME", description = "the (forward, backward) pair: " + ProcessPairs.NAMES)
    String sde;

    @Option(names = "--checkpoint", paramLabel = "FILE", description = "a trained sampler's checkpoint (instead of --sde)")
    Path checkpoint;

    @Option(names = "--levels", paramLabel = "L", description = "refinement levels")
    int levels = 5;

    @Option(names = "--paths", paramLabel = "K", description = "paths")
    int paths = 400;

    @Option(names = "--steps", paramLabel = "N", description = "steps of the coarsest grid")
    int steps = 4;

    @Option(names = "--seed", paramLabel = "S", description = "seed")
    long seed = 1;

    @Option(names = "--json", arity = "0..1", description = Cli.JSON_HELP)
    boolean json;

    @Override
    public int run(PrintStream out, PrintStream err) throws Exception {
        if (!"consistency".equals(what)) {
            throw new UsageException("check: expected the subcommand 'consistency'; usage: girsanov check consistency --sde NAME");
        }
        if ((sde != null) == (checkpoint != null)) {
            throw new UsageException("check consistency: give exactly one of --sde NAME and --checkpoint FILE");
        }
        if (checkpoint != null) {
            return runCheckpoint(out, err);
        }
        if (!ProcessPairs.names().contains(sde)) {
            throw new UserError("--sde: unknown pair '" + sde + "'; valid: " + String.join(", ", ProcessPairs.names()));
        }
        ConsistencyReport r;
        try {
            ConsistencyChecker.Config cfg = new ConsistencyChecker.Config(Inputs.intIn("--steps", steps, 1, 1000),
                    Inputs.intIn("--levels", levels, 2, 15), 2, Inputs.intIn("--paths", paths, 2, 1_000_000), seed);
            r = ConsistencyChecker.check(ProcessPairs.named(sde), cfg);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        return report(r, out, err);
    }

    private int report(ConsistencyReport r, PrintStream out, PrintStream err) {
        err.println(r.toTable());
        if (json) {
            out.println(Json.write(json(r)));
        }
        return Cli.EXIT_OK;
    }

    /**
     * The report as the JSON object of {@code check consistency --json}: {@code pair}, {@code paths}, {@code levels}
     * (each {@code dt}, {@code mean_abs_error}, {@code max_abs_error}, {@code nelson}, {@code fokker_planck}) and
     * {@code fitted_order}; a value that is not finite is {@code null}.
     */
    static Json.Obj json(ConsistencyReport r) {
        java.util.List<Json.Obj> levels = new java.util.ArrayList<>();
        for (ConsistencyReport.Level l : r.levels()) {
            levels.add(Json.object().with("dt", finite(l.dt())).with("mean_abs_error", finite(l.meanAbsError()))
                    .with("max_abs_error", finite(l.maxAbsError())).with("nelson", finite(l.nelson()))
                    .with("fokker_planck", finite(l.fokkerPlanck())));
        }
        return Json.object().with("pair", r.pair()).with("paths", r.paths()).with("levels", levels)
                .with("fitted_order", finite(r.fittedOrder()));
    }

    private static Double finite(double x) {
        return Double.isFinite(x) ? x : null;
    }

    /** The trained sampler of a checkpoint (EMA weights when it has them, as {@code evaluate} uses). */
    private int runCheckpoint(PrintStream out, PrintStream err) {
        PairConsistency.Config cfg;
        try {
            cfg = new PairConsistency.Config(Inputs.intIn("--levels", levels, 2, 11), 2, Inputs.intIn("--paths", paths, 2, 1_000_000),
                    seed);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        try (Trainer trainer = Checkpoints.open(checkpoint, 1)) {
            Sampler s = trainer.model();
            LogFlow flow = trainer.loss() instanceof DetailedBalanceLoss db ? db.flow()
                    : trainer.loss() instanceof SubTrajectoryBalanceLoss sub ? sub.flow() : null;
            ConsistencyReport r = trainer.withWeights(true, () -> PairConsistency.check(
                    s.name() + " on " + trainer.target().name(), s::withGrid, s.grid(),
                    flow == null ? null : flow.asMarginal(s), cfg));
            return report(r, out, err);
        }
    }
}
