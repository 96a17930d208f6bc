#!/usr/bin/env bash
# issue 16: the same two widths in d = 4, where the LRDS pilot (seed 0) puts 350 of 2 000 samples in the narrow mode
# (weight error 0.65, pt-probe.txt): its reference has both modes with wrong weights. Does LRDS-LV repair them? jar of 3628a7b.
J="java --add-modules jdk.incubator.vector -jar girsanov-3628a7b.jar"
tag=widths-d4-lrds-lv
echo "$(date -u +%FT%TZ) start $tag" >> ptfail.log
$J train --target gmm:file=widths-d4.json --sampler lrds --loss lv --threads 1 --eval-paths 100000 --no-plots --out r/$tag --json > $tag.json 2> $tag.err
echo "$(date -u +%FT%TZ) end $tag rc=$?" >> ptfail.log
