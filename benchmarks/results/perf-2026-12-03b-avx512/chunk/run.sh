# Chunk size of the batch (rows per chunk) against step time, commit 4b9479c, two repetitions (chunk.txt):
for rep in 1 2; do for ch in 64 128 256; do for th in 1 2; do echo -n "chunk $ch threads $th: "
  java --add-modules jdk.incubator.vector -cp cli/target/girsanov.jar org.girsanov.benchmarks.jmh.StepTimer 512 100 $th 5 12 $ch 2>/dev/null | grep -o "median=.*"
done; done; done
