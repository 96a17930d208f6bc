#!/usr/bin/env bash
# issue 13: gmm9 Bridge-LV at the CPU protocol with the reference code's log-weight (the controlled Girsanov form with
# the exact divergence of the backward control, --divergence exact) instead of the kernel ratio; jar of c62ddc0 (clean
# clone), one thread; runs once the real-target chain has done its two NETS rows (its LRDS rows would not finish)
until grep -q "end brownian-nets-nets" /work/runs-real/chain.log 2>/dev/null; do sleep 20; done
pkill -f c62ddc0-chain-new-families.sh; pkill -f "lrds/lv"
J="java --add-modules jdk.incubator.vector -jar girsanov-c62ddc0.jar"
tag=gmm9-bridge-lv-divergenceexact
echo "$(date -u +%FT%TZ) start $tag" >> bridge.log
$J train --target gmm9 --sampler bridge --loss lv --divergence exact --threads 1 --eval-paths 100000 --no-plots --out q/$tag --json > $tag.json 2> $tag.err
echo "$(date -u +%FT%TZ) end $tag rc=$?" >> bridge.log
