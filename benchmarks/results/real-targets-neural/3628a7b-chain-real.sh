#!/usr/bin/env bash
# issue 20: LRDS-LV on the three real posteriors at the CPU protocol, one thread; jar from a clean clone at 3628a7b
J="java --add-modules jdk.incubator.vector -jar girsanov-3628a7b.jar"
for row in breast-cancer/lrds/lv eight-schools:form=noncentred/lrds/lv brownian/lrds/lv; do
  tag=$(echo "$row" | tr '/:=' '---')
  echo "$(date -u +%FT%TZ) start $tag" >> chain.log
  $J bench quality --rows "$row" --threads 1 --out "q/$tag" --json > "$tag.json" 2> "$tag.err"
  echo "$(date -u +%FT%TZ) end $tag rc=$?" >> chain.log
done
