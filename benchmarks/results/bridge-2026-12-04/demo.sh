#!/usr/bin/env bash
# The Schrödinger-bridge demo of BENCHMARKS.md: N(0, I) to gmm9 given by its density only, on one thread.
# Run from a folder holding girsanov.jar built at def5bd7 (here girsanov-def5bd7.jar).
J="java --add-modules jdk.incubator.vector -jar ${JAR:-girsanov-def5bd7.jar}"
$J bridge --from gaussian:d=2 --to gmm9 --to-density --sigma 3 --steps 30 --rounds 4 --iters 400 --batch 256 --width 32 \
    --layers 2 --lr 2e-3 --exploration 2 --threads 1 --eval-paths 5000 --plot gmm9-k2.png --force --json > gmm9-k2.json 2> gmm9-k2.err
$J bridge --from gaussian:d=2 --to gmm9 --to-density --sigma 3 --steps 30 --rounds 4 --iters 400 --batch 256 --width 32 \
    --layers 2 --lr 2e-3 --exploration 1 --threads 1 --eval-paths 5000 --plot gmm9-k1.png --force --json > gmm9-k1.json 2> gmm9-k1.err
# Samples to samples: a 2 x 2 grid mixture to gmm9, both by their exact samplers (maximum likelihood on both sides)
$J bridge --from grid:size=2,spacing=6,var=0.3 --to gmm9 --sigma 3 --steps 30 --rounds 4 --iters 400 --batch 256 --width 32 \
    --layers 2 --lr 2e-3 --threads 1 --eval-paths 5000 --plot grid4-gmm9.png --force --json > grid4-gmm9.json 2> grid4-gmm9.err
