package org.girsanov.samplers.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.io.ParameterFile;
import org.girsanov.autodiff.nn.Parameter;
import org.girsanov.samplers.losses.PathMemory;
import org.girsanov.samplers.targets.Target;

/**
 * The checkpoint of a {@link Trainer}: parameters, Adam and EMA state, the replay buffer, the loss and evaluation
 * history, the iteration, the target-evaluation counts, the training seconds so far and the config — everything an
 * exact resume needs — in one {@link ParameterFile}, written atomically.
 */
final class TrainerCheckpoint {
    static final String FORMAT = "girsanov-checkpoint";
    static final int FORMAT_VERSION = 1;

    private TrainerCheckpoint() {
    }

    /** Writes the whole training state of {@code t} atomically. */
    static void write(Trainer t, Path file) throws IOException {
        ParameterFile.Contents c = new ParameterFile.Contents();
        Map<String, DMatrixRMaj> values = new LinkedHashMap<>();
        for (Parameter p : t.params) {
            values.put(p.name(), p.value().copy());
        }
        c.putMatrices("param/", values);
        c.putMatrices("adam/", t.adam.state());
        if (t.ema != null) {
            c.putMatrices("ema/", t.ema.state());
        }
        if (t.exploration != null && t.exploration.buffer().size() > 0) {
            c.matrices().put("buffer/states", t.exploration.buffer().states());
            DMatrixRMaj scores = new DMatrixRMaj(t.exploration.buffer().size(), 1);
            System.arraycopy(t.exploration.buffer().scores(), 0, scores.data, 0, scores.numRows);
            c.matrices().put("buffer/scores", scores);
            c.metadata().put("buffer_observations", Integer.toString(t.exploration.observations()));
        }
        c.putMatrices("loss/", t.loss().state());
        c.putMatrices("fitted/", t.model().fitted());
        c.matrices().put("history/loss", t.history.lossMatrix());
        c.matrices().put("history/eval", t.history.evaluationMatrix());
        c.metadata().put("format", FORMAT);
        c.metadata().put("format_version", Integer.toString(FORMAT_VERSION));
        c.metadata().put("iteration", Long.toString(t.iteration));
        c.metadata().put("adam_steps", Long.toString(t.adam.stepCount()));
        c.metadata().put("density_evaluations", Long.toString(t.counted.densityEvaluations()));
        c.metadata().put("score_evaluations", Long.toString(t.counted.scoreEvaluations()));
        c.metadata().put("ema_updates", Long.toString(t.ema == null ? 0 : t.ema.updateCount()));
        c.metadata().put("train_seconds", Double.toString(t.trainingSeconds()));
        c.metadata().put("path_memory_budget", Long.toString(t.memory.budgetBytes()));
        c.metadata().put("path_step_doubles", Long.toString(t.memory.measuredStepDoubles()));
        for (Map.Entry<String, String> e : t.config().toMap().entrySet()) {
            c.metadata().put("config." + e.getKey(), e.getValue());
        }
        ParameterFile.write(file, c);
    }

    /** The config stored in a checkpoint. */
    static TrainingConfig readConfig(Path file) throws IOException {
        return configOf(checkFormat(ParameterFile.read(file), file));
    }

    /**
     * A trainer restored from {@code file}, optionally with a different iteration budget or thread count
     * ({@code overrides} applied to the stored config), continuing exactly where the checkpoint stopped.
     */
    static Trainer resume(Path file, Target target, java.util.function.UnaryOperator<TrainingConfig> overrides)
            throws IOException {
        ParameterFile.Contents c = checkFormat(ParameterFile.read(file), file);
        TrainingConfig stored = configOf(c);
        Trainer t = new Trainer(overrides.apply(stored), target);
        Map<String, DMatrixRMaj> values = c.matricesWithPrefix("param/");
        for (Parameter p : t.params) {
            DMatrixRMaj v = values.get(p.name());
            if (v == null) {
                throw new IOException(file + ": checkpoint has no parameter '" + p.name() + "'");
            }
            if (v.numRows != p.rows() || v.numCols != p.cols()) {
                throw new IOException(file + ": parameter '" + p.name() + "' is " + v.numRows + "x" + v.numCols
                        + " in the checkpoint but " + p.rows() + "x" + p.cols() + " in the model");
            }
            p.value().setTo(v);
        }
        t.adam.loadState(Long.parseLong(c.metadata().get("adam_steps")), c.matricesWithPrefix("adam/"));
        if (t.ema != null) {
            t.ema.loadState(Long.parseLong(c.metadata().get("ema_updates")), c.matricesWithPrefix("ema/"));
        }
        checkFitted(file, t.model().fitted(), c.matricesWithPrefix("fitted/"));
        t.loss().restoreState(c.matricesWithPrefix("loss/"));
        t.history.restore(c.matrices().get("history/loss"), c.matrices().get("history/eval"));
        if (t.exploration != null && c.matrices().containsKey("buffer/states")) {
            t.exploration.buffer().add(c.matrices().get("buffer/states").copy(), c.matrices().get("buffer/scores").data.clone());
            t.exploration.restoreObservations(Integer.parseInt(c.metadata().get("buffer_observations")));
        }
        t.iteration = Long.parseLong(c.metadata().get("iteration"));
        // the counts of the checkpoint replace those of rebuilding the model (LRDS's MCMC is in both)
        t.counted.add(Long.parseLong(c.metadata().getOrDefault("density_evaluations", "0")) - t.counted.densityEvaluations(),
                Long.parseLong(c.metadata().getOrDefault("score_evaluations", "0")) - t.counted.scoreEvaluations());
        t.earlierSeconds = Double.parseDouble(c.metadata().getOrDefault("train_seconds", "0"));
        // keep or stream the first pass as the run did before (the numbers are the same; the target evaluations are not)
        if (c.metadata().containsKey("path_step_doubles")) {
            t.memory = PathMemory.restored(Long.parseLong(c.metadata().get("path_memory_budget")),
                    Long.parseLong(c.metadata().get("path_step_doubles")));
        }
        return t;
    }

    /**
     * Refuses a resume whose model was fitted differently from the checkpoint's (LRDS's reference, rebuilt from the
     * seed by MCMC and EM): a build whose MCMC or EM gives other bits would otherwise continue training against
     * another reference. Compared bitwise, entry by entry.
     */
    private static void checkFitted(Path file, Map<String, DMatrixRMaj> rebuilt, Map<String, DMatrixRMaj> stored)
            throws IOException {
        if (!rebuilt.keySet().equals(stored.keySet())) {
            throw new IOException(file + ": the checkpoint's fitted state " + stored.keySet()
                    + " does not match the model's " + rebuilt.keySet() + "; start a new run");
        }
        for (Map.Entry<String, DMatrixRMaj> e : rebuilt.entrySet()) {
            DMatrixRMaj a = e.getValue();
            DMatrixRMaj b = stored.get(e.getKey());
            boolean same = a.numRows == b.numRows && a.numCols == b.numCols;
            for (int i = 0; same && i < a.getNumElements(); i++) {
                same = Double.doubleToLongBits(a.data[i]) == Double.doubleToLongBits(b.data[i]);
            }
            if (!same) {
                throw new IOException(file + ": the reference rebuilt from the seed differs from the checkpoint's ('"
                        + e.getKey() + "'): this build's MCMC or EM is not the one that wrote it; resuming would train"
                        + " against another reference. Start a new run (or resume with the build that wrote it)");
            }
        }
    }

    private static ParameterFile.Contents checkFormat(ParameterFile.Contents c, Path file) throws IOException {
        if (!FORMAT.equals(c.metadata().get("format"))) {
            throw new IOException(file + ": not a Girsanov training checkpoint (format = "
                    + c.metadata().get("format") + ", expected " + FORMAT + ")");
        }
        String v = c.metadata().get("format_version");
        if (!Integer.toString(FORMAT_VERSION).equals(v)) {
            throw new IOException(file + ": checkpoint format version " + v + "; this build reads version " + FORMAT_VERSION);
        }
        return c;
    }

    private static TrainingConfig configOf(ParameterFile.Contents c) {
        Map<String, String> m = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : c.metadata().entrySet()) {
            if (e.getKey().startsWith("config.")) {
                m.put(e.getKey().substring("config.".length()), e.getValue());
            }
        }
        return TrainingConfig.fromMap(m);
    }
}
