#!/usr/bin/env bash
# issue 20 (with issue 15's families): CMCD-LV, then MCD-LV, on the breast-cancer posterior at the CPU protocol, one
# thread; jar from a clean clone at 9b8415b. A row takes hours: its run folder is outside the repository and the
# script resumes a row from its folder's checkpoint when run again (bench quality --resume).
#   cd benchmarks/results/real-targets-neural && bash 9b8415b-chain-breast-cancer-annealed.sh /path/to/girsanov-9b8415b.jar [RUNS]
J="java --add-modules jdk.incubator.vector -jar $1"
runs=${2:-/work/scratch/q20}
for row in breast-cancer/cmcd/lv breast-cancer/mcd/lv; do
  tag=9b8415b-$(echo "$row" | tr '/:=' '---')
  [ -f "$tag.json" ] && continue
  if [ -d "$runs/$tag" ]; then how=--resume; else how=; fi
  echo "$(date -u +%FT%TZ) start $tag $how" >> 9b8415b-chain-breast-cancer-annealed.log
  $J bench quality --rows "$row" --threads 1 --out "$runs/$tag" $how --json > "$runs/$tag.json.tmp" 2>> "$runs/$tag.err"
  rc=$?
  [ $rc = 0 ] && mv "$runs/$tag.json.tmp" "$tag.json"
  cp "$runs/$tag.err" "$tag.err"
  echo "$(date -u +%FT%TZ) end $tag rc=$rc" >> 9b8415b-chain-breast-cancer-annealed.log
  [ $rc = 0 ] || break
done
