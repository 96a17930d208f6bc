#!/usr/bin/env bash
# issue 15: gmm40 NETS at the CPU protocol and with --prior-std pilot, side by side on one thread each; jar of c62ddc0 (clean clone)
J="java --add-modules jdk.incubator.vector -jar girsanov-c62ddc0.jar"
run() { echo "$(date -u +%FT%TZ) start $1" >> nets.log; shift; $J "$@"; echo "$(date -u +%FT%TZ) end rc=$?" >> nets.log; }
run gmm40-nets-prior1 bench quality --rows gmm40/nets/nets --threads 1 --out q/gmm40-nets-prior1 --json > gmm40-nets-prior1.json 2> gmm40-nets-prior1.err &
run gmm40-nets-pilot train --target gmm40 --sampler nets --prior-std pilot --threads 1 --eval-paths 100000 --no-plots --out q/gmm40-nets-pilot --json > gmm40-nets-pilot.json 2> gmm40-nets-pilot.err &
wait
