set -x
for j in q/girsanov-e21de06.jar q/girsanov-f68fa6b.jar; do
  n=$(basename $j .jar)
  java --add-modules jdk.incubator.vector -jar $j jmh 'MlpBenchmark|SimulationBenchmark|KernelBenchmark' -wi 2 -w 1 -i 3 -r 1 -f 1 -t 1 -rf json -rff ab-$n-micro.json > ab-$n-micro.txt 2>&1
done
for j in q/girsanov-e21de06.jar q/girsanov-f68fa6b.jar; do
  n=$(basename $j .jar)
  java --add-modules jdk.incubator.vector -jar $j jmh SamplerStepBenchmark -wi 1 -w 1 -i 2 -r 1 -f 1 -rf json -rff ab-$n-sampler.json > ab-$n-sampler.txt 2>&1
done
