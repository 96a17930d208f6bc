#!/usr/bin/env bash
# issue 15: the annealed families at the CPU protocol with the pilot-estimated prior (PilotScale), one thread;
# girsanov.jar built from a clean clone at cff31c7
J="java --add-modules jdk.incubator.vector -jar girsanov.jar"
for row in ${ROWS:-gmm9/nets/nets gmm9/mcd/lv gmm9/cmcd/lv}; do
  tag=cff31c7-$(echo "$row" | tr '/:=' '---')
  echo "=== $row $(date -u +%FT%TZ)"
  $J bench quality --rows "$row" --threads 1 --out "q/$tag" --json > "$tag.json" 2> "$tag.err"
  echo "exit $? $(date -u +%FT%TZ)"
done
