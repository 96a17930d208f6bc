#!/bin/bash
# Background rows of session 2026-12-04 #2, jar built from a fresh clone of commit 8e3c495.
# Each: the default `train` protocol (Presets.cpu), 1 thread, evaluated on 100 000 paths.
J="java --add-modules jdk.incubator.vector -jar girsanov-8e3c495.jar"
run() { tag=$1; shift; echo "$(date -u +%FT%TZ) start $tag" >> chain.log
  $J train "$@" --threads 1 --eval-paths 100000 --no-plots --out r/$tag --json > $tag.json 2> $tag.err
  echo "$(date -u +%FT%TZ) end $tag rc=$?" >> chain.log; }
run gmm25-pis-tb-ls2 --target gmm25 --sampler pis --loss tb --replay-every 2
run mw-d10-w3-delta3-pis-lv --target manywell:d=10,w=3,delta=3 --sampler pis --loss lv
run grid16-s4-v05-pis-lv --target grid:size=4,spacing=4,var=0.5 --sampler pis --loss lv
run funnel-d6-s2-pis-lv --target funnel:d=6,scale=2 --sampler pis --loss lv
run gmm25-pis-tb --target gmm25 --sampler pis --loss tb
