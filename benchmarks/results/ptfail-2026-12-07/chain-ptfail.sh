#!/usr/bin/env bash
# issue 16: a mixture where parallel tempering gets the weights wrong (two modes of widths 0.32 and 1.41 in d = 6,
# weights 1/2 each): LRDS-LV (whose reference is fitted to PT samples) and PIS-LV at the CPU protocol; jar of 3628a7b.
J="java --add-modules jdk.incubator.vector -jar girsanov-3628a7b.jar"
for s in lrds pis; do
  tag=widths-d6-$s-lv
  echo "$(date -u +%FT%TZ) start $tag" >> ptfail.log
  $J train --target gmm:file=widths-d6.json --sampler $s --loss lv --threads 1 --eval-paths 100000 --no-plots --out r/$tag --json > $tag.json 2> $tag.err
  echo "$(date -u +%FT%TZ) end $tag rc=$?" >> ptfail.log
done
