#!/usr/bin/env bash
# issue 15: NETS at the CPU protocol (prior N(0, I)) and with --prior-std pilot, one thread, jar of c62ddc0 (clean clone)
J="java --add-modules jdk.incubator.vector -jar girsanov-c62ddc0.jar"
for T in mw5 funnel10 gmm40 mw50; do
  spec=$T
  tag=$T-nets-prior1
  echo "$(date -u +%FT%TZ) start $tag" >> nets.log
  $J bench quality --rows "$T/nets/nets" --threads 1 --out "q/$tag" --json > "$tag.json" 2> "$tag.err"
  echo "$(date -u +%FT%TZ) end $tag rc=$?" >> nets.log
  tag=$T-nets-pilot
  echo "$(date -u +%FT%TZ) start $tag" >> nets.log
  $J train --target "$spec" --sampler nets --prior-std pilot --threads 1 --eval-paths 100000 --no-plots --out "q/$tag" --json > "$tag.json" 2> "$tag.err"
  echo "$(date -u +%FT%TZ) end $tag rc=$?" >> nets.log
done
