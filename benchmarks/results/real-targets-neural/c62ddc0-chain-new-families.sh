#!/usr/bin/env bash
# issue 20: the new families (LRDS-LV, NETS) on the real posteriors at the CPU protocol, one thread,
# jar from a clean clone at c62ddc0 (breast-cancer LRDS, first in the first order, was stopped: 1.7 s/it)
J="java --add-modules jdk.incubator.vector -jar girsanov-c62ddc0.jar"
for row in eight-schools:form=noncentred/nets/nets brownian/nets/nets eight-schools:form=noncentred/lrds/lv brownian/lrds/lv; do
  tag=$(echo "$row" | tr '/:=' '---')
  echo "$(date -u +%FT%TZ) start $tag" >> chain.log
  $J bench quality --rows "$row" --threads 1 --out "q/$tag" --json > "$tag.json" 2> "$tag.err"
  echo "$(date -u +%FT%TZ) end $tag rc=$?" >> chain.log
done
