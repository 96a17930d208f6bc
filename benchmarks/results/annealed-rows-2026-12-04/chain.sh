#!/usr/bin/env bash
# issue 15: quality rows of the escorted/annealed families on gmm9 at the CPU protocol, one thread
J="java --add-modules jdk.incubator.vector -jar girsanov.jar"
# run in a scratch folder with girsanov.jar built from a clean clone at 41901d8
for row in gmm9/cmcd/lv gmm9/ldvi/kl gmm9/nets/nets gmm9/mcd/kl; do
  tag=$(echo "$row" | tr '/:=' '---')
  echo "=== $row $(date -u +%FT%TZ)"
  $J bench quality --rows "$row" --threads 1 --out "q/$tag" --json > "$tag.json" 2> "$tag.err"
  echo "exit $? $(date -u +%FT%TZ)"
done
