#!/usr/bin/env bash
# --standardise pilot-cov or pilot on the real posteriors (issue 20; and synthetic targets as a check): the CPU protocol (train's default, the rows of bench quality),
# one thread, evaluated on 100 000 paths as bench quality does; jar from a clean clone at 4b47797. Each row's
# metrics.json is copied here as 4b47797-<target>-<sampler>-<loss>-<how>.json, its log as .err.
#   cd benchmarks/results/real-targets-standardised && bash 4b47797-chain.sh /path/to/girsanov-4b47797.jar ROWS [HOW] [RUNS]
#   ROWS: target/sampler/loss,... (e.g. brownian/pis/lv); HOW: pilot or pilot-cov (default pilot-cov)
J="java --add-modules jdk.incubator.vector -jar $1"
how=${3:-pilot-cov}
runs=${4:-/work/scratch/std}
mkdir -p "$runs"
for row in $(echo "$2" | tr ',' ' '); do
  IFS=/ read -r target sampler loss <<< "$row"
  tag=4b47797-$target-$sampler-$loss-$how
  [ -f "$tag.json" ] && continue
  if [ -d "$runs/$tag" ]; then resume=--resume; else resume=; fi
  echo "$(date -u +%FT%TZ) start $tag $resume" >> 4b47797-chain.log
  $J train --target "$target" --sampler "$sampler" --loss "$loss" --standardise "$how" --threads 1 \
      --eval-paths 100000 --no-plots --out "$runs/$tag" $resume --json > "$runs/$tag.json.tmp" 2>> "$runs/$tag.err"
  rc=$?
  [ $rc = 0 ] && cp "$runs/$tag/metrics.json" "$tag.json"
  cp "$runs/$tag.err" "$tag.err"
  echo "$(date -u +%FT%TZ) end $tag rc=$rc" >> 4b47797-chain.log
  [ $rc = 0 ] || break
done
