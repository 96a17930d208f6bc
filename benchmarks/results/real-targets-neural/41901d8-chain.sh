#!/usr/bin/env bash
# issue 20: DIS-LV, DDS-LV, GFN-TB on eight schools (non-centred), the CPU protocol, one thread
J="java --add-modules jdk.incubator.vector -jar girsanov.jar"   # built from a clean clone at 41901d8
# (run in a scratch folder)
for row in eight-schools:form=noncentred/dis/lv eight-schools:form=noncentred/dds/lv eight-schools:form=noncentred/gfn/tb; do
  tag=$(echo "$row" | tr '/:=' '---')
  echo "=== $row $(date -u +%FT%TZ)"
  $J bench quality --rows "$row" --threads 1 --out "q/$tag" --json > "$tag.json" 2> "$tag.err"
  echo "exit $? $(date -u +%FT%TZ)"
done
