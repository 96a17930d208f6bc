#!/bin/bash
# Issue 20 rows at the protocol on the Brownian-motion posterior (DDS-LV, GFN-TB), after chain2.sh; jar of 8e3c495.
while pgrep -f "chain2.sh" > /dev/null; do sleep 30; done
J="java --add-modules jdk.incubator.vector -jar girsanov-8e3c495.jar"
for row in brownian/dds/lv brownian/gfn/tb; do tag=$(echo $row | tr / -)
  echo "$(date -u +%FT%TZ) start $tag" >> chain4.log
  $J bench quality --rows $row --threads 1 --out q/$tag --json > $tag.json 2> $tag.err
  echo "$(date -u +%FT%TZ) end $tag rc=$?" >> chain4.log
done
