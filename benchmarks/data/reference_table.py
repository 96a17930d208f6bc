#!/usr/bin/env python3
"""Prints benchmarks/results/real-targets-reference.md from the shipped references.json (standard library only):

    python3 benchmarks/data/reference_table.py > benchmarks/results/real-targets-reference.md
"""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
REFS = os.path.join(HERE, "..", "..", "samplers", "src", "main", "resources", "org", "girsanov", "samplers", "targets",
                    "data", "references.json")


def main():
    with open(REFS) as f:
        refs = json.load(f)
    print("# Reference log Z and posterior moments of the real targets\n")
    print("Written by `benchmarks/data/reference_table.py` from the shipped")
    print("`io/src/main/resources/org/girsanov/io/data/references.json`, which")
    print("`benchmarks/real-targets-reference.sh` (`girsanov reference`) computes; method in")
    print("docs/targets-and-metrics.md, \"Reference log Z\". (a) importance sampling from a multivariate t at the")
    print("Laplace approximation, (b) independent SMC runs from the prior; the reference is their inverse-variance mean,")
    print("stored only when they agree within 3 combined standard errors. Eight schools has an exact log Z by")
    print("quadrature (`EightSchoolsMarginal`); its row checks the estimators against it.\n")
    print("| target | d | reference log Z | (a) importance sampling | (b) SMC | Laplace | exact | moments: max R̂, min ESS |")
    print("|---|---|---|---|---|---|---|---|")
    for name, e in refs.items():
        a, b, m = e["logZ_importance"], e["logZ_smc"], e["moments"]
        exact = "%.4f" % e["logZ_exact"] if "logZ_exact" in e else "—"
        print("| %s | %d | **%.4f ± %.4f** | %.4f ± %.4f | %.4f ± %.4f | %.4f | %s | %.4f, %.0f |" % (
            name, len(e["std"]), e["logZ"], e["logZ_se"], a["logZ"], a["se"], b["logZ"], b["se"], e["logZ_laplace"], exact,
            m["max_rhat"], m["min_ess"]))
    print()
    for name, e in refs.items():
        print("## %s\n" % name)
        print("- (a) %s" % e["logZ_importance"]["method"])
        print("- (b) %s" % e["logZ_smc"]["method"])
        print("- moments: %s" % e["moments"]["method"])
        for r in e.get("replications", []):
            print("- replication (%s): log Z %.4f ± %.4f from (a) %.4f ± %.4f and (b) %.4f ± %.4f; moments max R̂ %.4f,"
                  " min ESS %.0f" % (r["command"], r["logZ"], r["logZ_se"], r["logZ_importance"]["logZ"],
                                     r["logZ_importance"]["se"], r["logZ_smc"]["logZ"], r["logZ_smc"]["se"],
                                     r["moments"]["max_rhat"], r["moments"]["min_ess"]))
        print("- command: `%s` (seed %d, %s, %.0f s on the shared 2-core machine)\n" % (
            e["command"], e["seed"], e.get("note", ""), e["wall_seconds"]))
        print("| coordinate | mean | std | MCSE(mean) | R̂ | ESS |")
        print("|---|---|---|---|---|---|")
        for j, (mu, sd) in enumerate(zip(e["mean"], e["std"])):
            if "eight" in name:
                label = ["μ", "log τ"][j] if j < 2 else ("θ" if "-centred" in name else "η") + str(j - 1)
            else:
                label = "intercept" if j == 0 else "w%d" % j
            print("| %s | %.4f | %.4f | %.4f | %.4f | %.0f |" % (label, mu, sd, e["moments"]["mean_se"][j],
                                                             e["moments"]["rhat"][j], e["moments"]["ess"][j]))
        print()


if __name__ == "__main__":
    main()
