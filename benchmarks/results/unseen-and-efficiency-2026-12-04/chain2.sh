#!/bin/bash
# Quality against target evaluations on gmm9 and mw5 (issue 13 deliverable), jar of commit 8e3c495 (fresh clone).
J="java --add-modules jdk.incubator.vector -jar girsanov-8e3c495.jar"
run() { tag=$1; shift; echo "$(date -u +%FT%TZ) start $tag" >> chain2.log
  $J bench efficiency "$@" --threads 1 --out e/$tag --json > $tag.json 2> $tag.err
  echo "$(date -u +%FT%TZ) end $tag rc=$?" >> chain2.log; }
run eff-gmm9 --target gmm9 --methods pt,smc,pis-lv,dis-lv
run eff-mw5 --target mw5 --methods pt,smc,dis-lv,pis-lv
