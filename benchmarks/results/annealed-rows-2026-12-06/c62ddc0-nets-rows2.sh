#!/usr/bin/env bash
# issue 15: the NETS rows c62ddc0-nets-rows.sh did not reach (it was stopped after mw5 at the protocol to free a core),
# after the breast-cancer DDS-LV row; one thread, jar of c62ddc0 (clean clone)
# (started at 22:53 beside the DDS-LV row instead of after it)
J="java --add-modules jdk.incubator.vector -jar girsanov-c62ddc0.jar"
run() { echo "$(date -u +%FT%TZ) start $1" >> nets.log; shift; $J "$@"; echo "$(date -u +%FT%TZ) end rc=$?" >> nets.log; }
run mw5-nets-pilot train --target mw5 --sampler nets --prior-std pilot --threads 1 --eval-paths 100000 --no-plots --out q/mw5-nets-pilot --json > mw5-nets-pilot.json 2> mw5-nets-pilot.err
run funnel10-nets-prior1 bench quality --rows funnel10/nets/nets --threads 1 --out q/funnel10-nets-prior1 --json > funnel10-nets-prior1.json 2> funnel10-nets-prior1.err
run funnel10-nets-pilot train --target funnel10 --sampler nets --prior-std pilot --threads 1 --eval-paths 100000 --no-plots --out q/funnel10-nets-pilot --json > funnel10-nets-pilot.json 2> funnel10-nets-pilot.err
