#!/usr/bin/env bash
# --standardise pilot on the real posteriors (issue 20): the CPU protocol (train's default, the rows of bench quality),
# one thread, evaluated on 100 000 paths as bench quality does; jar from a clean clone at 7d47cd7. Each row's
# metrics.json is copied here as 7d47cd7-<target>-<sampler>-<loss>.json, its log as .err.
#   cd benchmarks/results/real-targets-standardised && bash 7d47cd7-chain.sh /path/to/girsanov-7d47cd7.jar ROWS [RUNS]
#   ROWS: target/sampler/loss,... (e.g. brownian/pis/lv,breast-cancer/pis/lv)
J="java --add-modules jdk.incubator.vector -jar $1"
runs=${3:-/work/scratch/std}
mkdir -p "$runs"
for row in $(echo "$2" | tr ',' ' '); do
  IFS=/ read -r target sampler loss <<< "$row"
  tag=7d47cd7-$target-$sampler-$loss
  [ -f "$tag.json" ] && continue
  if [ -d "$runs/$tag" ]; then how=--resume; else how=; fi
  echo "$(date -u +%FT%TZ) start $tag $how" >> 7d47cd7-chain.log
  $J train --target "$target" --sampler "$sampler" --loss "$loss" --standardise pilot --threads 1 \
      --eval-paths 100000 --no-plots --out "$runs/$tag" $how --json > "$runs/$tag.json.tmp" 2>> "$runs/$tag.err"
  rc=$?
  [ $rc = 0 ] && cp "$runs/$tag/metrics.json" "$tag.json"
  cp "$runs/$tag.err" "$tag.err"
  echo "$(date -u +%FT%TZ) end $tag rc=$rc" >> 7d47cd7-chain.log
  [ $rc = 0 ] || break
done
