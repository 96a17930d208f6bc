#!/usr/bin/env bash
# issue 20: DDS-LV or GFN-TB on breast cancer at the CPU protocol, one thread; jar from a clean clone at c62ddc0
J="java --add-modules jdk.incubator.vector -jar girsanov-c62ddc0.jar"
row=$1; tag=$(echo "$row" | tr / -)
echo "$(date -u +%FT%TZ) start $tag" >> chain.log
$J bench quality --rows "$row" --threads 1 --out "q/$tag" --json > "$tag.json" 2> "$tag.err"
echo "$(date -u +%FT%TZ) end $tag rc=$?" >> chain.log
