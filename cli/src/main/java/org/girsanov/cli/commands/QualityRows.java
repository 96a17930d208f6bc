package org.girsanov.cli.commands;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.girsanov.autodiff.nn.Precision;
import org.girsanov.benchmarks.quality.Protocol;
import org.girsanov.benchmarks.quality.PublishedRow;
import org.girsanov.cli.Build;
import org.girsanov.io.Json;
import org.girsanov.cli.UserError;
import org.girsanov.samplers.train.LossKind;
import org.girsanov.samplers.train.Presets;
import org.girsanov.samplers.train.SamplerKind;
import org.girsanov.samplers.train.Standardisation;
import org.girsanov.samplers.train.Trainer;
import org.girsanov.samplers.train.TrainingConfig;

/**
 * The rows of {@code bench quality} as data and one row as a function — the single source for {@code bench quality}
 * and for engines that run the rows elsewhere (the optional {@code girsanov-spark} module runs each row × seed as a
 * task). A row is {@code target/sampler/loss} at the CPU protocol ({@link Presets#cpu}), one per seed; its result is
 * the row's entry of {@code quality.json} (the metrics of docs/targets-and-metrics.md beside the published numbers).
 * Rows are deterministic: the same row and seed give the same numbers wherever and with however many threads they run.
 */
public final class QualityRows {
    private QualityRows() {
    }

    /** A row to run: its name in the table ({@code gmm9/pis/lv}, with {@code /seedS} when several seeds) and its config. */
    public record Row(String name, TrainingConfig config) {
        /** The row's run folder below {@code out}. */
        public Path folder(Path out) {
            return out.resolve(name.replace('/', '-'));
        }
    }

    /** The default rows: every published row, plus trajectory balance on each target with PIS. */
    public static List<String> defaultRows() {
        List<String> rows = new ArrayList<>();
        for (PublishedRow r : PublishedRow.ALL) {
            rows.add(r.key());
        }
        for (String t : List.of("gmm9", "funnel10", "mw5", "mw50")) {
            rows.add(t + "/pis/tb");
        }
        return rows;
    }

    /**
     * The rows of a {@code --rows} list ({@code null}: {@link #defaultRows()}) × {@code seeds}, each validated (a
     * {@link UserError} naming {@code --rows} and the row otherwise) before anything runs.
     *
     * @param iterations the protocol's iterations replaced ({@code null}: the protocol's)
     * @param precision  the control networks' arithmetic (the protocol's is float64)
     */
    public static List<Row> plan(String rowList, List<Long> seeds, int threads, Integer iterations, Precision precision) {
        return plan(rowList, seeds, threads, iterations, precision, Standardisation.NONE);
    }

    /** {@link #plan} with the rows' samplers in the coordinates {@code standardise} names (the protocol's: none). */
    public static List<Row> plan(String rowList, List<Long> seeds, int threads, Integer iterations, Precision precision,
                                 Standardisation standardise) {
        List<Row> rows = new ArrayList<>();
        for (String row : rowList != null ? Arrays.asList(rowList.split(",", -1)) : defaultRows()) {
            String[] p = row.trim().split("/", -1);
            if (p.length != 3) {
                throw new UserError("--rows: '" + row + "' is not target/sampler/loss (e.g. gmm9/pis/lv)");
            }
            String spec = Protocol.targetSpec(p[0]);
            int dimension = Inputs.target("--rows: '" + row + "': target", spec).dimension();
            if (!SamplerKind.ids().contains(p[1]) || !LossKind.ids().contains(p[2])) {
                throw new UserError("--rows: '" + row + "': the sampler must be one of " + String.join(", ", SamplerKind.ids())
                        + " and the loss one of " + String.join(", ", LossKind.ids()));
            }
            TrainingConfig c;
            try {
                c = Presets.cpu(spec, dimension, SamplerKind.parse(p[1]), LossKind.parse(p[2])).withThreads(threads);
                c = iterations == null ? c : c.withIterations(iterations);
                c = precision == Precision.FLOAT64 ? c : c.toBuilder().precision(precision).build();
                c = standardise == Standardisation.NONE ? c : c.toBuilder().standardise(standardise).build();
            } catch (IllegalArgumentException e) {
                throw new UserError("--rows: '" + row + "': " + e.getMessage());
            }
            for (long seed : seeds) {
                rows.add(new Row(row.trim() + (seeds.size() > 1 ? "/seed" + seed : ""), c.withSeed(seed)));
            }
        }
        return rows;
    }

    /** The {@code --seeds} list: distinct non-negative integers. */
    public static List<Long> seeds(String list) {
        List<Long> seeds = new ArrayList<>();
        for (String s : list.split(",", -1)) {
            long v;
            try {
                v = Long.parseLong(s.strip());
            } catch (NumberFormatException e) {
                throw new UserError("--seeds: '" + s.strip() + "' in '" + list + "' is not an integer; give e.g. --seeds 0,1,2");
            }
            if (v < 0 || seeds.contains(v)) {
                throw new UserError("--seeds: " + v + (v < 0 ? " is negative" : " is given twice") + " in '" + list
                        + "'; give distinct non-negative seeds, e.g. --seeds 0,1,2");
            }
            seeds.add(v);
        }
        return seeds;
    }

    /**
     * Trains and evaluates one row into {@code out}'s folder for it ({@link Row#folder}) and returns its table entry; a
     * row whose training fails (non-finite) gives its {@code failed} entry instead. Embedded: no signal handlers (the
     * engine that runs the task owns the process), no plots; a checkpoint every 60 s and every 500 iterations.
     *
     * @param log where the progress goes
     */
    public static Map<String, Object> runEmbedded(Row row, Path out, int evalPaths, PrintStream log) throws IOException {
        try {
            return TrainRunner.run(row.config(), row.folder(out), false, TrainRunner.Options.embedded(evalPaths, 2000, 60), log)
                    .metrics();
        } catch (UserError e) {
            return TrainRunner.failedRow(row.config(), e.getMessage());
        }
    }

    /**
     * Whether {@code rowDir} holds a checkpoint to continue {@code row} from: none is {@code false}; one of other
     * settings than the row's protocol (the thread count and evaluation paths aside) is an error naming them.
     */
    static boolean resumable(Path rowDir, Row row) {
        Path ckpt = RunFolder.checkpoint(rowDir);
        if (!Files.exists(ckpt)) {
            return false;
        }
        Map<String, String> stored;
        try {
            stored = Trainer.readConfig(ckpt).toMap();
        } catch (IOException | RuntimeException e) {
            throw new UserError("--resume: cannot read the checkpoint " + ckpt + ": " + e.getMessage(), e);
        }
        List<String> differ = new ArrayList<>();
        Map<String, String> want = row.config().toMap();
        Set<String> keys = new LinkedHashSet<>(want.keySet());
        keys.addAll(stored.keySet()); // a key written only when not the default (precision, standardise) may be either side's
        for (String k : keys) {
            if (!k.equals("threads") && !k.equals("eval_paths") && !Objects.equals(want.get(k), stored.get(k))) {
                differ.add(k + " (checkpoint " + Objects.requireNonNullElse(stored.get(k), "the default") + ", protocol "
                        + Objects.requireNonNullElse(want.get(k), "the default") + ")");
            }
        }
        if (!differ.isEmpty()) {
            throw new UserError("--resume: " + ckpt + " is not a run of row " + row.name() + " at this protocol: "
                    + String.join(", ", differ) + "; give another --out, or --force to replace it");
        }
        return true;
    }

    /** Writes {@code quality.json}: the rows and the build's identity, as {@code bench quality} does. */
    public static void writeTable(Path file, List<Map<String, Object>> rows) throws IOException {
        RunFolder.writeJson(file, Json.object().with("rows", rows).withAll(Build.info()));
    }

    /** The table as the one JSON object {@code bench quality --json} prints. */
    public static String tableJson(List<Map<String, Object>> rows) {
        return Json.write(Json.object().with("rows", rows).withAll(Build.info()));
    }

    /** The Markdown table of the rows, ours beside the published numbers (what {@code bench quality} prints). */
    public static String markdown(List<Map<String, Object>> rows) {
        return QualityTable.markdown(rows);
    }
}
