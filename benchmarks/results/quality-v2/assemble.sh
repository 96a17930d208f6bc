#!/bin/bash
# The published table at the CPU protocol (Presets.cpu: 200 steps, 4 000 iterations of 256 paths; mw50 128), assembled
# from the parts below (one JSON per row and seed; each row names its commit). Run from the repository root:
#   bash benchmarks/results/quality-v2/assemble.sh            # the Markdown table on stdout, plots in .../plots/
cd "$(dirname "$0")"
GIRSANOV=${GIRSANOV:-../../../girsanov}
exec $GIRSANOV bench table \
  part10-4b9479c-gmm9-pis-lv-s0.json part10-4b9479c-gmm9-pis-lv-s1.json part10-4b9479c-gmm9-pis-lv-s2.json \
  part3-abbcbc5-gmm9-pis-kl.json \
  part6-6d0b1bb-gmm9-dis-lv.json part10-4b9479c-gmm9-dis-lv-s1.json part10-4b9479c-gmm9-dis-lv-s2.json \
  part6-6ad58a1-train-6d0b1bb-eval-gmm9-dis-kl.json \
  part6-reeval-6d0b1bb-gmm9-dds-lv.json part10-4b9479c-gmm9-dds-lv-s1.json part10-4b9479c-gmm9-dds-lv-s2.json \
  part7-6d0b1bb-gmm9-dds-kl.json part9-bf6ae1f-gmm9-bridge-kl.json part9-bf6ae1f-gmm9-bridge-lv.json \
  part1-e212e89.json part9-bf6ae1f-funnel10-pis-kl.json part6-6ad58a1-train-6d0b1bb-eval-funnel10-dis-lv.json \
  part8-6d0b1bb-funnel10-dis-kl.json part7-6d0b1bb-mw5-pis-kl.json \
  part6-reeval-6d0b1bb-mw5-dis-lv.json part10-4b9479c-mw5-dis-lv-s1.json part6-6ad58a1-train-6d0b1bb-eval-mw5-dis-kl.json \
  part8-6d0b1bb-mw50-pis-kl.json part6-6ad58a1-train-6d0b1bb-eval-mw50-dis-lv.json part9-bf6ae1f-mw50-dis-kl.json \
  --plot plots "$@"
