#!/usr/bin/env bash
# Part 11 (2026-12-07, commit 6e58191): the seeds the LV rows still owed (issue 13 asks mean ± std over 3 seeds for
# at least the LV rows), one row and seed per run on one thread, at the CPU protocol `girsanov train` uses
# (Presets.cpu; nothing depends on the target). PIS-LV on mw5, mw50 and funnel10 is rerun at seed 0 too: its part-1
# run (e212e89) was evaluated with the old measure (100 000 paths, Δstd against the true std).
#   part11-chain.sh JAR ROW:SEED [ROW:SEED ...]      e.g. part11-chain.sh /tmp/q/girsanov.jar mw5/pis/lv:0 mw5/pis/lv:1
# Each run writes part11-<commit>-<target>-<sampler>-<loss>-s<seed>.json (+ .err) beside this script; a row whose
# JSON exists is skipped. Run folders go to /tmp/q/runs (not kept).
set -u
here="$(cd "$(dirname "$0")" && pwd)"
jar="$1"; shift
commit="$(java -jar "$jar" version --json 2>/dev/null | python3 -c 'import json,sys; print(json.load(sys.stdin)["commit"])')"
for rs in "$@"; do
  row="${rs%%:*}"; seed="${rs##*:}"
  tag="part11-$commit-$(echo "$row" | tr / -)-s$seed"
  [ -f "$here/$tag.json" ] && { echo "$tag: done before"; continue; }
  echo "== $tag $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)"
  java --add-modules jdk.incubator.vector -jar "$jar" bench quality --rows "$row" --seeds "$seed" --threads 1 \
      --out "/tmp/q/runs/$tag" --force --json > "$here/$tag.json.tmp" 2> "$here/$tag.err"
  rc=$?
  if [ $rc = 0 ]; then mv "$here/$tag.json.tmp" "$here/$tag.json"; else echo "$tag: exit $rc"; fi
done
echo "== done $(date -u +%T)"
