#!/usr/bin/env bash
# issue 13: gmm9 Bridge-LV at the CPU protocol with the inference control at the forward control's learning rate
# (INFERENCE_LR_SCALE 0.02 -> 1, the reference code's Release setting; c62ddc0 + c62ddc0-vlr1.patch), one thread
J="java --add-modules jdk.incubator.vector -jar girsanov-c62ddc0-vlr1.jar"
tag=gmm9-bridge-lv-vlr1
echo "$(date -u +%FT%TZ) start $tag" >> bridge.log
$J bench quality --rows gmm9/bridge/lv --threads 1 --out q/$tag --json > $tag.json 2> $tag.err
echo "$(date -u +%FT%TZ) end $tag rc=$?" >> bridge.log
