package org.girsanov.cli.commands;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.girsanov.cli.Build;
import org.girsanov.cli.Cli;
import org.girsanov.io.Json;
import org.girsanov.samplers.targets.Target;
import org.girsanov.samplers.train.Evaluation;
import org.girsanov.samplers.train.RdmcEvaluation;
import org.girsanov.samplers.train.TrainingConfig;
import org.girsanov.samplers.train.TrainingHistory;

/**
 * {@code train} for a sampler that learns nothing (RDMC): runs it on {@code --eval-paths} particles and writes the run
 * folder as a trained run would — config.json, metrics.json (the metrics of {@link RdmcEvaluation}: log Z, ESS, the
 * sample metrics, and its cost in target evaluations), samples.csv and the plots — but no checkpoint, since there is
 * nothing to resume or to sample from later.
 */
final class RdmcRunner {
    private RdmcRunner() {
    }

    static TrainRunner.Outcome run(TrainingConfig c, Path dir, TrainRunner.Options o, PrintStream err) throws IOException {
        Target target = TrainRunner.parseTarget(c.targetSpec());
        Files.createDirectories(dir);
        RunFolder.removeStaleTemporaries(dir);
        RunFolder.writeConfig(dir, c, o.evalPaths());
        err.println(c.sampler() + " learns nothing: running " + o.evalPaths() + " particles over " + c.time().steps()
                + " steps, " + c.marginal().scoreDraws() + " posterior draws per point and step ...");
        long start = System.nanoTime();
        Evaluation ev = RdmcEvaluation.run(c, target, o.evalPaths(), o.sampleK(), true);
        double seconds = (System.nanoTime() - start) / 1e9;
        Json.Obj m = Json.object();
        m.with("target", c.targetSpec()).with("sampler", c.sampler().id()).with("loss", c.loss().id());
        m.withAll(ev.all());
        m.with("iterations", 0).with("train_seconds", 0.0).with("wall_seconds", seconds);
        m.with("seed", c.run().seed()).with("threads", c.run().threads());
        m.withAll(Build.info());
        RunFolder.writeJson(dir.resolve("metrics.json"), m);
        RunFolder.writeSamples(dir.resolve("samples.csv"), ev.samples());
        if (o.plots()) {
            RunFolder.plots(dir, target, ev.samples(), new TrainingHistory(), "RDMC on " + target.name());
        }
        return new TrainRunner.Outcome(m, true, dir, Cli.EXIT_OK);
    }
}
