package org.girsanov.cli.commands;

import picocli.CommandLine;
import picocli.CommandLine.Option;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.girsanov.cli.Build;
import org.girsanov.cli.Cli;
import org.girsanov.cli.Command;
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
@CommandLine.Command(name = "reference", header = "recompute a real target's reference log Z and posterior moments",
        customSynopsis = "reference --target SPEC [--seed S] [--is-draws N] [--nu V] [--smc-particles P] [--smc-levels K]",
        description = "          [--smc-runs R] [--smc-leapfrog L] [--smc-sigma σ] [--chains M] [--warmup W] [--steps T]\n"
                + "          [--leapfrog L] [--note TEXT] [--out FILE.json] [--json]\n\n"
                + "log Z by (a) importance sampling from a multivariate t_V at the Laplace approximation (mode by Newton,\n"
                + "closed-form Hessian) and (b) R independent SMC runs from N(0, σ² I) (σ: the logistic prior by default);\n"
                + "moments from M HMC chains on the Laplace-whitened target, with split R-hat and ESS. The target must have a\n"
                + "closed-form Hessian (logistic, probit, poisson, breast-cancer, sonar, ionosphere, eight-schools:form=noncentred).\n"
                + "--out merges the entry under the target's name into FILE.json (only when (a) and (b) agree within\n"
                + "3 standard errors). Long: run it under nice.")
public final class ReferenceCommand extends Command {
    @Option(names = "--target", paramLabel = "SPEC", required = true, description = "the target (see train --help)")
    String target;

    @Option(names = "--seed", paramLabel = "S", description = "root seed of every estimator's stream")
    long seed = 1;

    @Option(names = "--is-draws", paramLabel = "N", description = "importance-sampling draws")
    int isDraws = 1_000_000;

    @Option(names = "--nu", paramLabel = "V", description = "degrees of freedom of the t proposal")
    int nu = 20;

    @Option(names = "--smc-particles", paramLabel = "P", description = "particles per SMC run")
    int smcParticles = 1000;

    @Option(names = "--smc-levels", paramLabel = "K", description = "annealing levels per SMC run")
    int smcLevels = 1000;

    @Option(names = "--smc-runs", paramLabel = "R", description = "independent SMC runs")
    int smcRuns = 10;

    @Option(names = "--smc-leapfrog", paramLabel = "L", description = "HMC leapfrog steps per SMC move")
    int smcLeapfrog = 5;

    @Option(names = "--smc-sigma", paramLabel = "σ", description = "std of the SMC start N(0, σ² I); default the logistic prior")
    Double smcSigma;

    @Option(names = "--chains", paramLabel = "M", description = "HMC chains for the moments")
    int chains = 8;

    @Option(names = "--warmup", paramLabel = "W", description = "warm-up steps per chain")
    int warmup = 1000;

    @Option(names = "--steps", paramLabel = "T", description = "kept steps per chain")
    int steps = 10000;

    @Option(names = "--leapfrog", paramLabel = "L", description = "HMC leapfrog steps for the moments")
    int leapfrog = 10;

    @Option(names = "--note", paramLabel = "TEXT", description = "stored with the entry, e.g. the commit")
    String note = "";

    @Option(names = "--out", paramLabel = "FILE", description = "references JSON file to merge the entry into")
    Path outFile;

    @Option(names = "--json", arity = "0..1", description = Cli.JSON_HELP)
    boolean json;

    @Override
    public int run(PrintStream out, PrintStream err) throws Exception {
        String spec = target;
        Target parsed = Inputs.target("--target", spec);
        if (!(parsed instanceof HessianTarget hessian)) {
            throw new UserError("--target: " + parsed.name() + " has no closed-form Hessian; allowed: logistic:data=..., probit:data=..., poisson:data=...,"
                    + " breast-cancer, sonar, ionosphere, eight-schools:form=noncentred");
        }
        double sigma;
        if (smcSigma != null) {
            Inputs.positiveIfGiven("--smc-sigma", smcSigma);
            sigma = smcSigma;
        } else if (hessian instanceof GeneralizedLinearModel l) {
            sigma = l.priorScale();
        } else {
            throw new UserError("--smc-sigma is required for " + hessian.name() + " (it has no N(0, σ² I) prior)");
        }
        ReferenceEstimate.Settings s = new ReferenceEstimate.Settings(Inputs.intIn("--is-draws", isDraws, 2, 100_000_000),
                Inputs.intIn("--nu", nu, 1, 1000), sigma, Inputs.intIn("--smc-particles", smcParticles, 2, 1_000_000),
                Inputs.intIn("--smc-levels", smcLevels, 1, 1_000_000), Inputs.intIn("--smc-runs", smcRuns, 2, 10_000),
                Inputs.intIn("--smc-leapfrog", smcLeapfrog, 1, 1000), Inputs.intIn("--chains", chains, 2, 1000),
                Inputs.intIn("--warmup", warmup, 0, 10_000_000), Inputs.intIn("--steps", steps, 4, 10_000_000),
                Inputs.intIn("--leapfrog", leapfrog, 1, 1000));
        Path file = outFile;
        if (file != null) {
            Inputs.creatable("--out", file);
        }
        long t0 = System.nanoTime();
        ReferenceEstimate r;
        try {
            r = ReferenceEstimate.compute(hessian, s, seed);
        } catch (ArithmeticException e) {
            // a density without a mode (a funnel: eight-schools:form=centred, brownian) has no Laplace proposal
            throw new UserError("--target: " + hessian.name() + " has no mode for the Laplace proposal (" + e.getMessage()
                    + ")" + (hessian.reference().isPresent() ? "; its reference is exact: " + hessian.reference().get().source()
                    : ""));
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        Json.Obj entry = entry(r, spec, seed, note, secs).with("command", command());
        if (hessian.logZ().isPresent()) {
            entry.with("logZ_exact", hessian.logZ().getAsDouble());
        }
        err.printf("%s: log Z (a) %.4f ± %.4f, (b) %.4f ± %.4f, %s; Laplace %.4f; moments max R-hat %.4f, min ESS %.0f"
                        + " (%.0f s)%n", hessian.name(), r.importance().logZ(), r.importance().standardError(), r.smc().logZ(),
                r.smc().standardError(), r.agree() ? "agree" : "DISAGREE", r.laplaceLogZ(), r.moments().maxRhat(),
                r.moments().minEss(), secs);
        if (file != null && r.agree()) {
            Map<String, Object> all = new LinkedHashMap<>();
            if (Files.exists(file)) {
                all.putAll(Json.parseObject(Files.readString(file)));
            }
            all.put(hessian.name(), entry);
            Json.writeFile(file, all);
            err.println("wrote " + hessian.name() + " to " + file);
        }
        if (json) {
            out.println(Json.write(Json.object().with("target", hessian.name()).with("reference", entry)
                    .with("wall_seconds", secs).with("seed", seed).with("version", Build.version())));
        }
        if (!r.agree()) {
            throw new UserError(hessian.name() + ": the estimators disagree by more than 3 standard errors; nothing written."
                    + " Run longer (--is-draws, --smc-particles, --smc-levels)");
        }
        return Cli.EXIT_OK;
    }

    private static Json.Obj entry(ReferenceEstimate r, String spec, long seed, String note, double secs) {
        ChainMoments.Result m = r.moments();
        return Json.object().with("logZ", r.combined().logZ()).with("logZ_se", r.combined().standardError())
                .with("mean", m.mean()).with("std", m.std())
                .with("source", "log Z: " + r.combined().method() + "; moments: " + m.method())
                .with("logZ_importance", estimate(r.importance())).with("logZ_smc", estimate(r.smc()))
                .with("logZ_laplace", r.laplaceLogZ())
                .with("moments", Json.object().with("method", m.method()).with("max_rhat", m.maxRhat())
                        .with("min_ess", m.minEss()).with("rhat", m.rhat()).with("ess", m.ess())
                        .with("mean_se", m.meanError()))
                .with("target_spec", spec).with("seed", seed).with("note", note)
                .with("wall_seconds", secs);
    }

    /** The command line that reproduces the numbers: every flag given except the output ones. */
    private String command() {
        StringBuilder b = new StringBuilder("girsanov reference");
        for (String f : givenFlags()) {
            if (!List.of("--out", "--json", "--note", "--debug").contains(f)) {
                String v = typed(f);
                b.append(' ').append(f).append(' ').append(v.contains(" ") ? "'" + v + "'" : v);
            }
        }
        return b.toString();
    }

    private static Json.Obj estimate(LogZEstimate e) {
        return Json.object().with("logZ", e.logZ()).with("se", e.standardError()).with("method", e.method());
    }
}
