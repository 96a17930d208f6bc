#!/bin/bash
# Issue 16: LRDS on the unequal-weight mixture and gmm40 at the protocol, after chain3.sh; jar of 8e3c495.
while pgrep -f "chain3.sh" > /dev/null; do sleep 20; done
J="java --add-modules jdk.incubator.vector -jar girsanov-8e3c495.jar"
tag=unequal-lrds-lv; echo "$(date -u +%FT%TZ) start $tag" >> chain5.log
$J train --target gmm:file=unequal.json --sampler lrds --loss lv --threads 1 --eval-paths 100000 --no-plots --out r/$tag --json > $tag.json 2> $tag.err
echo "$(date -u +%FT%TZ) end $tag rc=$?" >> chain5.log
tag=gmm40-lrds-lv; echo "$(date -u +%FT%TZ) start $tag" >> chain5.log
$J bench quality --rows gmm40/lrds/lv --threads 1 --out q/$tag --json > $tag.json 2> $tag.err
echo "$(date -u +%FT%TZ) end $tag rc=$?" >> chain5.log
