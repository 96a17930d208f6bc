#!/bin/bash
# Issue 16 rows at the protocol (LRDS), after chain.sh; jar of 8e3c495.
while pgrep -f "chain.sh" > /dev/null; do sleep 30; done
J="java --add-modules jdk.incubator.vector -jar girsanov-8e3c495.jar"
for row in gmm9/lrds/lv mw5/lrds/lv; do tag=$(echo $row | tr / -)
  echo "$(date -u +%FT%TZ) start $tag" >> chain3.log
  $J bench quality --rows $row --threads 1 --out q/$tag --json > $tag.json 2> $tag.err
  echo "$(date -u +%FT%TZ) end $tag rc=$?" >> chain3.log
done
