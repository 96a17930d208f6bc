#!/usr/bin/env bash
# issue 15: MCD, LDVI, CMCD and NETS rows still owed at the CPU protocol, one thread; jar from a clean clone at 3628a7b
J="java --add-modules jdk.incubator.vector -jar girsanov-3628a7b.jar"
for row in ${ROWS:-mw5/mcd/lv funnel10/mcd/lv mw5/ldvi/kl gmm40/cmcd/lv mw50/nets/nets funnel10/ldvi/kl}; do
  tag=$(echo "$row" | tr '/:=' '---')
  echo "$(date -u +%FT%TZ) start $tag" >> annealed.log
  $J bench quality --rows "$row" --threads 1 --out "q/$tag" --json > "$tag.json" 2> "$tag.err"
  echo "$(date -u +%FT%TZ) end $tag rc=$?" >> annealed.log
done
