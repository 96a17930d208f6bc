#!/usr/bin/env bash
# issue 20 (with issue 15's families): CMCD-LV and MCD-LV on the real posteriors at the CPU protocol, one thread;
# jar from a clean clone at 99f9921 (the kept first pass: same numbers, fewer target evaluations than a streamed run).
#   cd benchmarks/results/real-targets-neural && bash 99f9921-chain-annealed.sh /path/to/girsanov-99f9921.jar
J="java --add-modules jdk.incubator.vector -jar $1"
for row in eight-schools:form=noncentred/cmcd/lv eight-schools:form=noncentred/mcd/lv breast-cancer/cmcd/lv brownian/cmcd/lv; do
  tag=99f9921-$(echo "$row" | tr '/:=' '---')
  [ -f "$tag.json" ] && continue
  echo "$(date -u +%FT%TZ) start $tag" >> 99f9921-chain-annealed.log
  $J bench quality --rows "$row" --threads 1 --out "/tmp/q20/$tag" --force --json > "$tag.json.tmp" 2> "$tag.err"
  rc=$?
  [ $rc = 0 ] && mv "$tag.json.tmp" "$tag.json"
  echo "$(date -u +%FT%TZ) end $tag rc=$rc" >> 99f9921-chain-annealed.log
done
