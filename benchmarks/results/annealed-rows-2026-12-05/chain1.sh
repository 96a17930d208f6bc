#!/usr/bin/env bash
# issue 15: quality rows of the escorted/annealed families at the CPU protocol, one thread
# girsanov.jar built from a clean clone at ffd3862
J="java --add-modules jdk.incubator.vector -jar girsanov.jar"
for row in gmm9/nets/nets gmm9/mcd/lv mw5/cmcd/lv funnel10/cmcd/lv; do
  tag=ffd3862-$(echo "$row" | tr '/:=' '---')
  echo "=== $row $(date -u +%FT%TZ)"
  $J bench quality --rows "$row" --threads 1 --out "q/$tag" --json > "$tag.json" 2> "$tag.err"
  echo "exit $? $(date -u +%FT%TZ)"
done
