#!/usr/bin/env bash
# issue 20: DIS-LV on breast cancer at the CPU protocol, one thread
J="java --add-modules jdk.incubator.vector -jar girsanov.jar"
# run in a scratch folder with girsanov.jar built from a clean clone at 41901d8
row=breast-cancer/dis/lv; tag=breast-cancer-dis-lv
echo "=== $row $(date -u +%FT%TZ)"
$J bench quality --rows "$row" --threads 1 --out "q/$tag" --json > "$tag.json" 2> "$tag.err"
echo "exit $? $(date -u +%FT%TZ)"
