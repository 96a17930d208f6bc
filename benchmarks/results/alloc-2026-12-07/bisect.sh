#!/usr/bin/env bash
# allocation per step at given commits (JMH -prof gc, TrainingStepBenchmark, 1 thread)
cd /work/main
for c in "$@"; do
  rm -rf /tmp/bis; git worktree add -q --detach /tmp/bis $c
  (cd /tmp/bis && mvn -B -q -o -pl cli -am package -DskipTests -Denforcer.skip > /tmp/bis-build.log 2>&1)
  a=$(java --add-modules jdk.incubator.vector -jar /tmp/bis/cli/target/girsanov.jar jmh TrainingStepBenchmark -p threads=1 -prof gc -wi 2 -w 2 -i 2 -r 2 -f 1 2>&1 | grep "gc.alloc.rate.norm" | head -1)
  echo "$c $a" >> /tmp/bisect.txt
  git worktree remove --force /tmp/bis
done
