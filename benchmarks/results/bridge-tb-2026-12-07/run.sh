#!/usr/bin/env bash
# Issue 13 diagnostic: is gmm9's Bridge collapse specific to the LV loss? gmm9 Bridge-TB at the CPU protocol (seed 0,
# one thread), jar from a clean clone at 9b8415b (the same code for batch <= 512):
#   bash run.sh JAR     (writes 9b8415b-gmm9-bridge-tb.json / .err here)
J="java --add-modules jdk.incubator.vector -jar $1"
$J bench quality --rows gmm9/bridge/tb --threads 1 --out /tmp/qb/tb --force --json > /tmp/qb-tb.json.tmp 2> /tmp/qb-tb.err
rc=$?
cp /tmp/qb-tb.err 9b8415b-gmm9-bridge-tb.err
[ $rc = 0 ] && mv /tmp/qb-tb.json.tmp 9b8415b-gmm9-bridge-tb.json
