#!/bin/bash
# Issue 16: LRDS on gmm40 at the protocol, beside chain5's unequal-weight run; jar of 8e3c495.
J="java --add-modules jdk.incubator.vector -jar girsanov-8e3c495.jar"
tag=gmm40-lrds-lv; echo "$(date -u +%FT%TZ) start $tag" >> chain7.log
$J bench quality --rows gmm40/lrds/lv --threads 1 --out q/$tag --json > $tag.json 2> $tag.err
echo "$(date -u +%FT%TZ) end $tag rc=$?" >> chain7.log
