#!/usr/bin/env bash
# usage: base.sh SPEC BUDGET NAME
echo "$(date -u +%T) start baselines $1 $2"
java --add-modules jdk.incubator.vector -jar /work/exp/girsanov-4b9479c.jar bench baselines --targets "$1" --budget $2 --json > $3.json 2>$3.err
echo "$(date -u +%T) done baselines $1 $2 rc=$?"
