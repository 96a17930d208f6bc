#!/usr/bin/env bash
# issue 15: the prior-scale lever for the annealed families on gmm9 (a target-informed override, not the protocol):
# CMCD-LV with the prior N(0, 4^2 I) (gmm9's coordinate std is 4.1), else train's defaults (= the CPU protocol)
J="java --add-modules jdk.incubator.vector -jar girsanov.jar"
tag=ffd3862-gmm9-cmcd-lv-prior4
echo "=== $tag $(date -u +%FT%TZ)"
$J train --target gmm9 --sampler cmcd --loss lv --prior-std 4 --threads 1 --eval-paths 100000 --no-plots --out "r/$tag" --json > "$tag.json" 2> "$tag.err"
echo "exit $? $(date -u +%FT%TZ)"
