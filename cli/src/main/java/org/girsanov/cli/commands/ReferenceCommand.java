package org.girsanov.cli.commands;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.girsanov.cli.Args;
import org.girsanov.cli.Build;
import org.girsanov.cli.Cli;
import org.girsanov.cli.Command;
import org.girsanov.cli.Flag;
import org.girsanov.io.Json;
import org.girsanov.cli.UserError;
import org.girsanov.samplers.reference.ChainMoments;
import org.girsanov.samplers.reference.LogZEstimate;
import org.girsanov.samplers.reference.ReferenceEstimate;
import org.girsanov.samplers.targets.HessianTarget;
import org.girsanov.samplers.targets.GeneralizedLinearModel;
import org.girsanov.samplers.targets.Target;

/**
 * {@code girsanov reference}: recomputes the reference {@code log Z} (two independent estimators) and posterior
 * moments of a target without closed forms ({@link ReferenceEstimate}), and with {@code --out} merges the entry
 * into a references JSON file (the shipped one is
 * io/src/main/resources/org/girsanov/io/data/references.json).
 */
public final class ReferenceCommand implements Command {

    @Override
    public String name() {
        return "reference";
    }

    @Override
    public String summary() {
        return "recompute a real target's reference log Z and posterior moments";
    }

    @Override
    public String usage() {
        return "reference --target SPEC [--seed S] [--is-draws N] [--nu V] [--smc-particles P] [--smc-levels K]\n"
                + "          [--smc-runs R] [--smc-leapfrog L] [--smc-sigma σ] [--chains M] [--warmup W] [--steps T]\n"
                + "          [--leapfrog L] [--note TEXT] [--out FILE.json] [--json]\n\n"
                + "log Z by (a) importance sampling from a multivariate t_V at the Laplace approximation (mode by Newton,\n"
                + "closed-form Hessian) and (b) R independent SMC runs from N(0, σ² I) (σ: the logistic prior by default);\n"
                + "moments from M HMC chains on the Laplace-whitened target, with split R-hat and ESS. The target must have a\n"
                + "closed-form Hessian (logistic, probit, poisson, breast-cancer, sonar, ionosphere, eight-schools:form=noncentred).\n"
                + "--out merges the entry under the target's name into FILE.json (only when (a) and (b) agree within\n"
                + "3 standard errors). Long: run it under nice.";
    }

    @Override
    public List<Flag> flags() {
        return List.of(Flag.required("target", "SPEC", "the target (see train --help)"),
                Flag.option("seed", "S", "root seed of every estimator's stream").withDefault(1),
                Flag.option("is-draws", "N", "importance-sampling draws").withDefault(1_000_000),
                Flag.option("nu", "V", "degrees of freedom of the t proposal").withDefault(20),
                Flag.option("smc-particles", "P", "particles per SMC run").withDefault(1000),
                Flag.option("smc-levels", "K", "annealing levels per SMC run").withDefault(1000),
                Flag.option("smc-runs", "R", "independent SMC runs").withDefault(10),
                Flag.option("smc-leapfrog", "L", "HMC leapfrog steps per SMC move").withDefault(5),
                Flag.option("smc-sigma", "σ", "std of the SMC start N(0, σ² I); default the logistic prior"),
                Flag.option("chains", "M", "HMC chains for the moments").withDefault(8),
                Flag.option("warmup", "W", "warm-up steps per chain").withDefault(1000),
                Flag.option("steps", "T", "kept steps per chain").withDefault(10000),
                Flag.option("leapfrog", "L", "HMC leapfrog steps for the moments").withDefault(10),
                Flag.option("note", "TEXT", "stored with the entry, e.g. the commit"),
                Flag.option("out", "FILE", "references JSON file to merge the entry into"), Cli.JSON_FLAG);
    }

    @Override
    public int run(Args a, PrintStream out, PrintStream err) throws Exception {
        a.requireAtMostPositionals(0);
        String spec = a.getString("target");
        Target parsed = Inputs.target("--target", spec);
        if (!(parsed instanceof HessianTarget target)) {
            throw new UserError("--target: " + parsed.name() + " has no closed-form Hessian; allowed: logistic:data=..., probit:data=..., poisson:data=...,"
                    + " breast-cancer, sonar, ionosphere, eight-schools:form=noncentred");
        }
        double sigma;
        if (a.has("smc-sigma")) {
            Inputs.positiveIfGiven(a, "smc-sigma");
            sigma = a.getDouble("smc-sigma");
        } else if (target instanceof GeneralizedLinearModel l) {
            sigma = l.priorScale();
        } else {
            throw new UserError("--smc-sigma is required for " + target.name() + " (it has no N(0, σ² I) prior)");
        }
        ReferenceEstimate.Settings s = new ReferenceEstimate.Settings(Inputs.intIn(a, "is-draws", 2, 100_000_000),
                Inputs.intIn(a, "nu", 1, 1000), sigma, Inputs.intIn(a, "smc-particles", 2, 1_000_000),
                Inputs.intIn(a, "smc-levels", 1, 1_000_000), Inputs.intIn(a, "smc-runs", 2, 10_000),
                Inputs.intIn(a, "smc-leapfrog", 1, 1000), Inputs.intIn(a, "chains", 2, 1000),
                Inputs.intIn(a, "warmup", 0, 10_000_000), Inputs.intIn(a, "steps", 4, 10_000_000),
                Inputs.intIn(a, "leapfrog", 1, 1000));
        Path file = a.has("out") ? a.getPath("out") : null;
        if (file != null) {
            Inputs.creatable("--out", file);
        }
        long seed = a.getLong("seed");
        long t0 = System.nanoTime();
        ReferenceEstimate r;
        try {
            r = ReferenceEstimate.compute(target, s, seed);
        } catch (ArithmeticException e) {
            // a density without a mode (a funnel: eight-schools:form=centred, brownian) has no Laplace proposal
            throw new UserError("--target: " + target.name() + " has no mode for the Laplace proposal (" + e.getMessage()
                    + ")" + (target.reference().isPresent() ? "; its reference is exact: " + target.reference().get().source()
                    : ""));
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        Json.Obj entry = entry(r, spec, seed, a, secs).with("command", command(a));
        if (target.logZ().isPresent()) {
            entry.with("logZ_exact", target.logZ().getAsDouble());
        }
        err.printf("%s: log Z (a) %.4f ± %.4f, (b) %.4f ± %.4f, %s; Laplace %.4f; moments max R-hat %.4f, min ESS %.0f"
                        + " (%.0f s)%n", target.name(), r.importance().logZ(), r.importance().standardError(), r.smc().logZ(),
                r.smc().standardError(), r.agree() ? "agree" : "DISAGREE", r.laplaceLogZ(), r.moments().maxRhat(),
                r.moments().minEss(), secs);
        if (file != null && r.agree()) {
            Map<String, Object> all = new LinkedHashMap<>();
            if (Files.exists(file)) {
                all.putAll(Json.parseObject(Files.readString(file)));
            }
            all.put(target.name(), entry);
            Json.writeFile(file, all);
            err.println("wrote " + target.name() + " to " + file);
        }
        if (a.getBoolean("json")) {
            out.println(Json.write(Json.object().with("target", target.name()).with("reference", entry)
                    .with("wall_seconds", secs).with("seed", seed).with("version", Build.version())));
        }
        if (!r.agree()) {
            throw new UserError(target.name() + ": the estimators disagree by more than 3 standard errors; nothing written."
                    + " Run longer (--is-draws, --smc-particles, --smc-levels)");
        }
        return Cli.EXIT_OK;
    }

    private static Json.Obj entry(ReferenceEstimate r, String spec, long seed, Args a, double secs) {
        ChainMoments.Result m = r.moments();
        return Json.object().with("logZ", r.combined().logZ()).with("logZ_se", r.combined().standardError())
                .with("mean", m.mean()).with("std", m.std())
                .with("source", "log Z: " + r.combined().method() + "; moments: " + m.method())
                .with("logZ_importance", estimate(r.importance())).with("logZ_smc", estimate(r.smc()))
                .with("logZ_laplace", r.laplaceLogZ())
                .with("moments", Json.object().with("method", m.method()).with("max_rhat", m.maxRhat())
                        .with("min_ess", m.minEss()).with("rhat", m.rhat()).with("ess", m.ess())
                        .with("mean_se", m.meanError()))
                .with("target_spec", spec).with("seed", seed).with("note", a.getString("note", ""))
                .with("wall_seconds", secs);
    }

    /** The command line that reproduces the numbers: every flag given except the output ones. */
    private String command(Args a) {
        StringBuilder b = new StringBuilder("girsanov reference");
        for (Flag f : flags()) {
            if (a.has(f.name()) && !List.of("out", "json", "note").contains(f.name())) {
                String v = a.getString(f.name());
                b.append(" --").append(f.name()).append(' ').append(v.contains(" ") ? "'" + v + "'" : v);
            }
        }
        return b.toString();
    }

    private static Json.Obj estimate(LogZEstimate e) {
        return Json.object().with("logZ", e.logZ()).with("se", e.standardError()).with("method", e.method());
    }
}
