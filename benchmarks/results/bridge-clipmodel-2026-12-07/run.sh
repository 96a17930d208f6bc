#!/usr/bin/env bash
# Issue 13: gmm9 Bridge-LV at the CPU protocol (seed 0, one thread) with both bridge controls' network outputs (NN1 and
# the coefficient NN2(t)) clipped at ±10 elementwise, as the reference's bridge.yaml (clip_model: 10; ours clips the
# score only) — clipmodel10.patch on bc5de0e, jar built from it:
#   bash run.sh JAR     (writes bc5de0e-clipmodel10-gmm9-bridge-lv.json / .err here)
J="java --add-modules jdk.incubator.vector -jar $1"
$J bench quality --rows gmm9/bridge/lv --threads 1 --out /tmp/qb/clipmodel10 --force --json > /tmp/qb-clipmodel10.json.tmp 2> /tmp/qb-clipmodel10.err
rc=$?
cp /tmp/qb-clipmodel10.err bc5de0e-clipmodel10-gmm9-bridge-lv.err
[ $rc = 0 ] && mv /tmp/qb-clipmodel10.json.tmp bc5de0e-clipmodel10-gmm9-bridge-lv.json
