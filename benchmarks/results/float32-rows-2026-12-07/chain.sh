#!/usr/bin/env bash
# Issue 14 (2026-12-07): do the quality rows hold with the control network in float32? `bench quality` at the CPU
# protocol (Presets.cpu, blind to the target) with --precision P, seed 0, one thread, 100 000 evaluation paths.
#   chain.sh JAR PRECISION ROW [ROW ...]     ROW = target/sampler/loss
# Each run writes <commit>-<precision>-<target>-<sampler>-<loss>.json (+ .err) beside this script; a row whose JSON
# exists is skipped. Run folders go to /tmp/q32 (not kept).
set -u
here="$(cd "$(dirname "$0")" && pwd)"
jar="$1"; shift
precision="$1"; shift
commit="$(java -jar "$jar" version --json 2>/dev/null | python3 -c 'import json,sys; print(json.load(sys.stdin)["commit"])')"
for row in "$@"; do
  tag="$commit-$precision-$(echo "$row" | tr / -)"
  [ -f "$here/$tag.json" ] && { echo "$tag: done before"; continue; }
  echo "== $tag $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)"
  java --add-modules jdk.incubator.vector -jar "$jar" bench quality --rows "$row" --threads 1 --precision "$precision" \
      --out "/tmp/q32/$tag" --force --json > "$here/$tag.json.tmp" 2> "$here/$tag.err"
  rc=$?
  if [ $rc = 0 ]; then mv "$here/$tag.json.tmp" "$here/$tag.json"; else echo "$tag: exit $rc"; fi
done
echo "== done $(date -u +%T)"
