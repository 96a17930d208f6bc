package org.girsanov.spark;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.girsanov.cli.commands.QualityRows;
import org.girsanov.samplers.train.TrainingConfig;

/**
 * A quality table or seed sweep as a Spark job: each row × seed of {@link QualityRows#plan} is one task, which trains
 * and evaluates the row ({@link QualityRows#runEmbedded}) into its folder below {@code out} and returns the row's
 * {@code quality.json} entry; the driver collects the entries in the plan's order. Rows are deterministic and
 * independent, so the table is the one {@code girsanov bench quality} writes for the same rows, seeds and flags,
 * number for number (only the wall times differ) — whatever the cluster, the number of executors or the order in
 * which they ran.
 *
 * <p>{@code out} must be a folder every executor can write (a shared file system on a cluster; any folder in
 * {@code local[N]} mode): each row's run folder (checkpoint, metrics, samples) is kept there.
 */
public final class QualitySweep {
    private QualitySweep() {
    }

    /**
     * Runs {@code rows} on {@code sc}, one task per row, and returns their table entries in the order of {@code rows}.
     *
     * @param out       the folder below which each row's run folder is written
     * @param evalPaths paths of each row's evaluation
     */
    public static List<Map<String, Object>> run(JavaSparkContext sc, List<QualityRows.Row> rows, Path out, int evalPaths) {
        List<Task> tasks = new ArrayList<>();
        for (QualityRows.Row r : rows) {
            tasks.add(new Task(r.name(), new HashMap<>(r.config().toMap())));
        }
        String dir = out.toAbsolutePath().toString();
        return new ArrayList<>(sc.parallelize(tasks, Math.max(1, tasks.size())).map(t -> t.run(dir, evalPaths)).collect());
    }

    /**
     * A row's entry as plain, serializable maps, its values kept as they are (a count stays an integer, so the
     * collected {@code quality.json} is written exactly as {@code bench quality} writes it).
     */
    @SuppressWarnings("unchecked")
    static LinkedHashMap<String, Object> plain(Map<String, Object> entry) {
        LinkedHashMap<String, Object> m = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : entry.entrySet()) {
            m.put(e.getKey(), e.getValue() instanceof Map<?, ?> v ? plain((Map<String, Object>) v) : e.getValue());
        }
        return m;
    }

    /**
     * One row as it travels to an executor: its name and its config as the string map checkpoints store (a config is
     * rebuilt from it exactly, {@link TrainingConfig#fromMap}); its result travels back as its table entry.
     */
    record Task(String name, HashMap<String, String> config) implements Serializable {
        private static final long serialVersionUID = 1L;

        Map<String, Object> run(String out, int evalPaths) throws IOException {
            QualityRows.Row row = new QualityRows.Row(name, TrainingConfig.fromMap(config));
            return plain(QualityRows.runEmbedded(row, Path.of(out), evalPaths, System.err));
        }
    }
}
