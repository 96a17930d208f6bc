#!/usr/bin/env bash
# girsanov-spark in Spark's local mode (local[*]) without a Spark installation: builds the module, then runs
# org.girsanov.spark.SweepMain on the module's class path (Spark from the local Maven repository). Flags as
# `girsanov bench quality` (--rows, --seeds, --iterations, --eval-paths, --threads, --out, --json) plus --master:
#
#   spark/sweep-local.sh --rows gmm9/pis/lv,gmm9/dis/lv --seeds 0,1,2 --out runs/sweep
#
# On a cluster use spark-submit instead (the class Javadoc of SweepMain gives the line).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl spark -am package -DskipTests -Denforcer.skip dependency:build-classpath \
    -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=compile >/dev/null
# the JDK internals Spark needs on Java 17: one list, spark/pom.xml's spark.opens
mapfile -t OPENS < <(sed -n '/<spark.opens>/,/<\/spark.opens>/p' spark/pom.xml | grep -o -- '--add-opens=[^ <]*')
exec java --add-modules jdk.incubator.vector "${OPENS[@]}" -Dspark.ui.enabled=false \
    -cp "spark/target/classes:$(cat spark/target/classpath.txt)" org.girsanov.spark.SweepMain "$@"
