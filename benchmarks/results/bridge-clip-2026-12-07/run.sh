#!/usr/bin/env bash
# Issue 13: gmm9 Bridge-LV at the CPU protocol (seed 0, one thread) with both bridge controls' interpolated scores clipped
# at ±10, as the reference's bridge.yaml (clip_score: 10), instead of ±100 — clip10.patch on f3a8c88, jar built from it:
#   bash run.sh JAR     (writes f3a8c88-clip10-gmm9-bridge-lv.json / .err here)
J="java --add-modules jdk.incubator.vector -jar $1"
$J bench quality --rows gmm9/bridge/lv --threads 1 --out /tmp/qb/clip10 --force --json > f3a8c88-clip10-gmm9-bridge-lv.json.tmp 2> f3a8c88-clip10-gmm9-bridge-lv.err \
  && mv f3a8c88-clip10-gmm9-bridge-lv.json.tmp f3a8c88-clip10-gmm9-bridge-lv.json
