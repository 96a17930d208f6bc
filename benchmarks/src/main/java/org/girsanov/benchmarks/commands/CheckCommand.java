package org.girsanov.benchmarks.commands;

import java.io.PrintStream;
import java.util.List;
import org.girsanov.benchmarks.cli.Args;
import org.girsanov.benchmarks.cli.Cli;
import org.girsanov.benchmarks.cli.Command;
import org.girsanov.benchmarks.cli.Flag;
import org.girsanov.benchmarks.cli.UsageException;
import org.girsanov.benchmarks.cli.UserError;
import org.girsanov.sde.check.ConsistencyChecker;
import org.girsanov.sde.check.ConsistencyReport;
import org.girsanov.sde.check.ProcessPairs;

/** {@code girsanov check consistency}: the Δt → 0 consistency checker on a named (forward, backward) pair. */
public final class CheckCommand implements Command {

    @Override
    public String name() {
        return "check";
    }

    @Override
    public String summary() {
        return "check consistency: discrete log-weights against the continuous RND as Δt → 0";
    }

    @Override
    public String usage() {
        return "check consistency --sde NAME [--levels L] [--paths K] [--steps N] [--seed S] [--json]\n\n"
                + "Refines one Brownian path per sample (Δt, Δt/2, …), compares the discrete log-weight with the\n"
                + "continuous Radon–Nikodym derivative, fits the strong order, and splits the detailed-balance\n"
                + "residual into its Nelson (O(√Δt)) and Fokker–Planck (O(Δt)) parts (Berner et al. 2025).\n"
                + "Pairs: " + String.join(", ", ProcessPairs.names());
    }

    @Override
    public List<Flag> flags() {
        return List.of(Flag.required("sde", "NAME", "the (forward, backward) pair: " + String.join(", ", ProcessPairs.names())),
                Flag.option("levels", "L", "refinement levels").withDefault(5),
                Flag.option("paths", "K", "paths").withDefault(400),
                Flag.option("steps", "N", "steps of the coarsest grid").withDefault(4),
                Flag.option("seed", "S", "seed").withDefault(1), Cli.JSON_FLAG);
    }

    @Override
    public int run(Args a, PrintStream out, PrintStream err) throws Exception {
        if (a.positionals().size() != 1 || !a.positionals().get(0).equals("consistency")) {
            a.requireAtMostPositionals(1);
            throw new UsageException("check: expected the subcommand 'consistency'; usage: girsanov check consistency --sde NAME");
        }
        String name = a.getString("sde");
        if (!ProcessPairs.names().contains(name)) {
            throw new UserError("--sde: unknown pair '" + name + "'; valid: " + String.join(", ", ProcessPairs.names()));
        }
        ConsistencyReport r;
        try {
            ConsistencyChecker.Config cfg = new ConsistencyChecker.Config(Inputs.intIn(a, "steps", 1, 1000),
                    Inputs.intIn(a, "levels", 2, 15), 2, Inputs.intIn(a, "paths", 2, 1_000_000), a.getLong("seed"));
            r = ConsistencyChecker.check(ProcessPairs.named(name), cfg);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        err.println(r.toTable());
        if (a.getBoolean("json")) {
            out.println(r.toJson());
        }
        return Cli.EXIT_OK;
    }
}
