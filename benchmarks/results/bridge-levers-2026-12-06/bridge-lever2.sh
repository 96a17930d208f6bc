#!/usr/bin/env bash
# issue 13: gmm9 Bridge-LV at the CPU protocol, one lever at a time (jar of c62ddc0, clean clone), one thread:
# on-policy like the reference code (--exploration 1), then the reference's Girsanov log-weight (--divergence exact)
while pgrep -f "bridge-lever.sh" > /dev/null; do sleep 20; done
J="java --add-modules jdk.incubator.vector -jar girsanov-c62ddc0.jar"
for lever in "--exploration 1" "--divergence exact"; do
  tag=gmm9-bridge-lv$(echo "$lever" | tr -d ' -' | sed 's/^/-/')
  echo "$(date -u +%FT%TZ) start $tag" >> bridge.log
  $J train --target gmm9 --sampler bridge --loss lv $lever --threads 1 --eval-paths 100000 --no-plots --out q/$tag --json > $tag.json 2> $tag.err
  echo "$(date -u +%FT%TZ) end $tag rc=$?" >> bridge.log
done
