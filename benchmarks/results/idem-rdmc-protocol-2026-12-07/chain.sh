#!/usr/bin/env bash
# Issue 16 (2026-12-07): iDEM and RDMC at the CPU protocol (the defaults of `girsanov train`: Presets.cpu, nothing
# depends on the target) on gmm9, mw5, gmm40 and the unequal-weight mixture (unequal.json: four modes at (±6, ±6),
# variance 0.5, weights 0.1/0.2/0.3/0.4, log Z = 0), seed 0, one thread, evaluated on 100 000 paths (`bench quality`),
# or on EVAL_PATHS paths by `train` (the same protocol) when EVAL_PATHS is set or the target is `unequal`: RDMC learns
# nothing and its cost is the evaluation (256 posterior draws per particle and step: ≈ 1 h at 100 000 particles).
#   [EVAL_PATHS=N] chain.sh JAR ROW [ROW ...]     ROW = target/sampler/loss, target gmm9|mw5|gmm40|unequal
# Each run writes <commit>-<target>-<sampler>-<loss>.json (+ .err) beside this script; a row whose JSON exists is
# skipped. Run folders go to /tmp/q16 (not kept).
set -u
here="$(cd "$(dirname "$0")" && pwd)"
jar="$1"; shift
commit="$(java -jar "$jar" version --json 2>/dev/null | python3 -c 'import json,sys; print(json.load(sys.stdin)["commit"])')"
J="java --add-modules jdk.incubator.vector -jar $jar"
for row in "$@"; do
  tag="$commit-$(echo "$row" | tr / -)${EVAL_PATHS:+-e$EVAL_PATHS}"
  [ -f "$here/$tag.json" ] && { echo "$tag: done before"; continue; }
  echo "== $tag $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)"
  IFS=/ read -r target sampler loss <<< "$row"
  if [ "$target" = unequal ] || [ -n "${EVAL_PATHS:-}" ]; then
    lossflag=(); [ "$loss" != none ] && lossflag=(--loss "$loss")
    spec="$target"; [ "$target" = unequal ] && spec="gmm:file=$here/unequal.json"
    $J train --target "$spec" --sampler "$sampler" "${lossflag[@]}" --threads 1 \
        --eval-paths "${EVAL_PATHS:-100000}" --no-plots --out "/tmp/q16/$tag" --force --json > "$here/$tag.json.tmp" 2> "$here/$tag.err"
  else
    $J bench quality --rows "$row" --threads 1 --out "/tmp/q16/$tag" --force --json > "$here/$tag.json.tmp" 2> "$here/$tag.err"
  fi
  rc=$?
  if [ $rc = 0 ]; then mv "$here/$tag.json.tmp" "$here/$tag.json"; else echo "$tag: exit $rc"; fi
done
echo "== done $(date -u +%T)"
