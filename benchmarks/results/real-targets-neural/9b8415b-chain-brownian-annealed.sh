#!/usr/bin/env bash
# issue 20 (with issue 15's families): CMCD-LV, MCD-LV and LDVI-KL on the Brownian-motion posterior at the CPU protocol,
# one thread; jar from a clean clone at 9b8415b.
#   cd benchmarks/results/real-targets-neural && bash 9b8415b-chain-brownian-annealed.sh /path/to/girsanov-9b8415b.jar
J="java --add-modules jdk.incubator.vector -jar $1"
for row in brownian/cmcd/lv brownian/mcd/lv brownian/ldvi/kl; do
  tag=9b8415b-$(echo "$row" | tr '/:=' '---')
  [ -f "$tag.json" ] && continue
  echo "$(date -u +%FT%TZ) start $tag" >> 9b8415b-chain-brownian-annealed.log
  $J bench quality --rows "$row" --threads 1 --out "/tmp/q20/$tag" --force --json > "/tmp/q20-$tag.json.tmp" 2> "/tmp/q20-$tag.err"
  rc=$?
  [ $rc = 0 ] && mv "/tmp/q20-$tag.json.tmp" "$tag.json"
  cp "/tmp/q20-$tag.err" "$tag.err"
  echo "$(date -u +%FT%TZ) end $tag rc=$rc" >> 9b8415b-chain-brownian-annealed.log
done
