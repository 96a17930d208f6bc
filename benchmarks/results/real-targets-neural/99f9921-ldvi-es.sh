#!/usr/bin/env bash
# issue 20: LDVI-KL on eight schools (non-centred) at the CPU protocol, one thread; jar from a clean clone at 99f9921
#   bash 99f9921-ldvi-es.sh JAR
tag=99f9921-eight-schools-form-noncentred-ldvi-kl
java --add-modules jdk.incubator.vector -jar "$1" bench quality --rows eight-schools:form=noncentred/ldvi/kl --threads 1 \
    --out /tmp/q20/$tag --force --json > $tag.json.tmp 2> $tag.err && mv $tag.json.tmp $tag.json
