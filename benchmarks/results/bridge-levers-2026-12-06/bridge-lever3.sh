#!/usr/bin/env bash
# issue 13: gmm9 Bridge-LV at the CPU protocol with the forward control's Langevin coefficient starting at 0.01 (as PIS's)
# instead of 1, so the initial forward process is not already on the central mode (c62ddc0 + c62ddc0-fwdlerp001.patch),
# one thread; replaces the --divergence exact run of bridge-lever2.sh (the argument keeps the chain behind it waiting)
while pgrep -f "gmm9-bridge-lv-exploration1" > /dev/null; do sleep 20; done
J="java --add-modules jdk.incubator.vector -jar girsanov-c62ddc0-fwdlerp001.jar"
tag=gmm9-bridge-lv-fwdlerp001
echo "$(date -u +%FT%TZ) start $tag" >> bridge.log
$J bench quality --rows gmm9/bridge/lv --threads 1 --out q/$tag --json > $tag.json 2> $tag.err
echo "$(date -u +%FT%TZ) end $tag rc=$?" >> bridge.log
