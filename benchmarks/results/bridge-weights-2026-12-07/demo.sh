#!/usr/bin/env bash
# The Schrödinger-bridge demo of BENCHMARKS.md with the bridge's log Z, ESS, EUBO and mode weights: N(0, I) to gmm9
# given by its density only, its mirror image (gmm9 at the start by its density), and samples to samples; one thread.
# Run from a folder holding the jar built at 8802f22 (girsanov-8802f22.jar).
J="java --add-modules jdk.incubator.vector -jar ${JAR:-girsanov-8802f22.jar}"
C="--sigma 3 --steps 30 --batch 256 --width 32 --layers 2 --lr 2e-3 --threads 1 --eval-paths 5000 --force --json"
$J bridge --from gaussian:d=2 --to gmm9 --to-density --rounds 4 --iters 400 --exploration 2 $C --plot gmm9-k2.png > gmm9-k2.json 2> gmm9-k2.err
$J bridge --from gaussian:d=2 --to gmm9 --to-density --rounds 4 --iters 400 --exploration 1 $C --plot gmm9-k1.png > gmm9-k1.json 2> gmm9-k1.err
$J bridge --from grid:size=2,spacing=6,var=0.3 --to gmm9 --rounds 4 --iters 400 $C --plot grid4-gmm9.png > grid4-gmm9.json 2> grid4-gmm9.err
$J bridge --from gmm9 --from-density --to gaussian:d=2 --rounds 4 --iters 400 --exploration 2 $C --plot gmm9-start-k2.png > gmm9-start-k2.json 2> gmm9-start-k2.err
$J bridge --from gaussian:d=2 --to gmm9 --to-density --rounds 8 --iters 800 --exploration 2 $C --plot gmm9-k2-long.png > gmm9-k2-long.json 2> gmm9-k2-long.err
