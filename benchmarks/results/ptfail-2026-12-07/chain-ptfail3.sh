#!/usr/bin/env bash
# issue 16: PIS-LV on the d = 4 widths mixture, LRDS-LV's comparison, after chain-ptfail.sh; jar of 3628a7b.
while [ ! -s widths-d6-pis-lv.json ]; do sleep 20; done
J="java --add-modules jdk.incubator.vector -jar girsanov-3628a7b.jar"
tag=widths-d4-pis-lv
echo "$(date -u +%FT%TZ) start $tag" >> ptfail.log
$J train --target gmm:file=widths-d4.json --sampler pis --loss lv --threads 1 --eval-paths 100000 --no-plots --out r/$tag --json > $tag.json 2> $tag.err
echo "$(date -u +%FT%TZ) end $tag rc=$?" >> ptfail.log
