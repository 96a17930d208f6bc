#!/usr/bin/env bash
# The Schrödinger-bridge demo of BENCHMARKS.md: N(0, I) to gmm9 given by its density only, on one thread.
# Run from a folder holding girsanov.jar built at def5bd7 (here girsanov-def5bd7.jar).
J="java --add-modules jdk.incubator.vector -jar ${JAR:-girsanov-def5bd7.jar}"
$J bridge --from gaussian:d=2 --to gmm9 --to-density --sigma 3 --steps 30 --rounds 4 --iters 400 --batch 256 --width 32 \
    --layers 2 --lr 2e-3 --exploration 2 --threads 1 --eval-paths 5000 --plot gmm9-k2.png --force --json > gmm9-k2.json 2> gmm9-k2.err
$J bridge --from gaussian:d=2 --to gmm9 --to-density --sigma 3 --steps 30 --rounds 4 --iters 400 --batch 256 --width 32 \
    --layers 2 --lr 2e-3 --exploration 1 --threads 1 --eval-paths 5000 --plot gmm9-k1.png --force --json > gmm9-k1.json 2> gmm9-k1.err
# The longer run of the table (8 rounds of 800 iterations; ran from a jar of the same code, whose short run above gave
# bit-identical numbers):
$J bridge --from gaussian:d=2 --to gmm9 --to-density --sigma 3 --steps 30 --rounds 8 --iters 800 --batch 256 --width 32 \
    --layers 2 --lr 2e-3 --exploration 2 --threads 1 --eval-paths 5000 --plot gmm9-k2-long.png --force --json > gmm9-k2-long.json
