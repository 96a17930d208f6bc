import org.girsanov.benchmarks.jmh.TrainingStepBenchmark;
import org.girsanov.autodiff.nn.Precision;
var t = TrainingStepBenchmark.newTrainer(128, 20, 1, 0, Precision.FLOAT32);
double s = 0;
for (int i = 0; i < 3; i++) s += t.step().loss();
long h = 0;
for (var p : t.model().parameters()) for (int i = 0; i < p.size(); i++) h = 31 * h + Double.doubleToLongBits(p.value().data[i]);
System.out.println("loss sum bits " + Double.doubleToLongBits(s) + " params hash " + h);
t.close();
/exit
