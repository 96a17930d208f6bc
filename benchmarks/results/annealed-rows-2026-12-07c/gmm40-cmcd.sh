#!/usr/bin/env bash
# Issue 15: the GMM-40 CMCD-LV row at the CPU protocol (4 000 iterations; the efficiency run stopped at 1 000), seed 0,
# one thread; jar from a clean clone at 99f9921:   bash gmm40-cmcd.sh JAR
J="java --add-modules jdk.incubator.vector -jar $1"
tag=99f9921-gmm40-cmcd-lv
$J bench quality --rows gmm40/cmcd/lv --threads 1 --out /tmp/q15c/$tag --force --json > $tag.json.tmp 2> $tag.err && mv $tag.json.tmp $tag.json
