#!/usr/bin/env bash
# Issue 15 (2026-12-07): LDVI-KL on Many-Well d = 5 from the pilot prior scale (`train --prior-std pilot`; `train` runs
# the CPU protocol, Presets.cpu, as `bench quality` does), seed 0, one thread, 100 000 evaluation paths.
#   pilot-ldvi.sh JAR
set -u
here="$(cd "$(dirname "$0")" && pwd)"
jar="$1"
commit="$(java -jar "$jar" version --json 2>/dev/null | python3 -c 'import json,sys; print(json.load(sys.stdin)["commit"])')"
tag="$commit-mw5-ldvi-kl-pilot"
java --add-modules jdk.incubator.vector -jar "$jar" train --target "manywell:d=5,w=5,delta=4" --sampler ldvi --loss kl \
    --prior-std pilot --threads 1 --eval-paths 100000 --out "/tmp/q15p/$tag" --force --json \
    > "$here/$tag.json.tmp" 2> "$here/$tag.err" && mv "$here/$tag.json.tmp" "$here/$tag.json"
