#!/bin/bash
# Issue 16: PIS-LV on the unequal-weight mixture at the protocol (LRDS's comparison), after chain4.sh; jar of 8e3c495.
while pgrep -f "chain4.sh" > /dev/null; do sleep 20; done
J="java --add-modules jdk.incubator.vector -jar girsanov-8e3c495.jar"
tag=unequal-pis-lv; echo "$(date -u +%FT%TZ) start $tag" >> chain6.log
$J train --target gmm:file=unequal.json --sampler pis --loss lv --threads 1 --eval-paths 100000 --no-plots --out r/$tag --json > $tag.json 2> $tag.err
echo "$(date -u +%FT%TZ) end $tag rc=$?" >> chain6.log
