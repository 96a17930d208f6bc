#!/usr/bin/env bash
# issue 15: funnel10 CMCD-LV at the protocol with the old default prior N(0, I) (--prior-std 1), beside the pilot row
J="java --add-modules jdk.incubator.vector -jar girsanov.jar"
tag=cff31c7-funnel10-cmcd-lv-prior1
echo "=== $tag $(date -u +%FT%TZ)"
$J train --target funnel10 --sampler cmcd --loss lv --prior-std 1 --threads 1 --eval-paths 100000 --no-plots --out "r/$tag" --json > "$tag.json" 2> "$tag.err"
echo "exit $? $(date -u +%FT%TZ)"
