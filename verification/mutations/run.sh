#!/usr/bin/env bash
# Mutation testing of the theorem checks: applies each planted bug (verification/mutations/*.patch) to a scratch
# worktree of HEAD, runs the tests of sde, samplers and verification, and lists the tests that went red.
#
#   verification/mutations/run.sh              # every patch (about 2 minutes each on 2 cores)
#   verification/mutations/run.sh m03 m09      # the patches whose names start so
#
# Writes verification/mutations/results.tsv (patch, red tests) and prints one line per mutation.
# A mutation that turns no test red is a hole in the suite: the script exits 1 if there is one.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
scratch=$(mktemp -d)/mut
git worktree add -q --detach "$scratch" HEAD
trap 'git worktree remove --force "$scratch"' EXIT
out="$root/verification/mutations/results.tsv"
: > "$out"
holes=0
for p in "$root"/verification/mutations/*.patch; do
  name=$(basename "$p" .patch)
  if [ $# -gt 0 ]; then
    keep=0; for want in "$@"; do case "$name" in "$want"*) keep=1 ;; esac; done
    [ $keep = 1 ] || continue
  fi
  (cd "$scratch" && git checkout -q -- . && git apply "$p")
  (cd "$scratch" && mvn -B -q -o test -pl sde,samplers,verification -am -Dmaven.test.failure.ignore=true \
      -Denforcer.skip > "$scratch/mvn.log" 2>&1) || true
  if grep -q "COMPILATION ERROR" "$scratch/mvn.log"; then
    red="(does not compile)"
  else
    red=$(grep -l -E "<(failure|error)" "$scratch"/*/target/surefire-reports/TEST-*.xml 2>/dev/null \
          | xargs -r -n1 basename | sed 's/^TEST-org\.girsanov\.//; s/\.xml$//' | tr '\n' ' ')
  fi
  [ -n "$red" ] || { red="(none: a hole)"; holes=$((holes + 1)); }
  printf '%s\t%s\n' "$name" "$red" | tee -a "$out"
  (cd "$scratch" && git checkout -q -- . && rm -rf */target/surefire-reports)
done
exit $((holes > 0))
