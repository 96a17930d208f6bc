#!/usr/bin/env bash
# issue 20: the classical baselines on breast cancer at 4.48e7 target evaluations (a tenth of the neural rows'), then
# DIS-LV on the Brownian motion, one thread
J="java --add-modules jdk.incubator.vector -jar girsanov.jar"   # built from a clean clone at 41901d8
# (run in a scratch folder)
echo "=== baselines breast-cancer $(date -u +%FT%TZ)"
$J bench baselines --targets breast-cancer --budget 44821392 --threads 1 --json > bc-baselines-4.48e7.json 2> bc-baselines.err
echo "exit $? $(date -u +%FT%TZ)"
row=brownian/dis/lv; tag=brownian-dis-lv
echo "=== $row $(date -u +%FT%TZ)"
$J bench quality --rows "$row" --threads 1 --out "q/$tag" --json > "$tag.json" 2> "$tag.err"
echo "exit $? $(date -u +%FT%TZ)"
