package org.girsanov.cli.commands;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.girsanov.benchmarks.baselines.EfficiencyCurves;
import org.girsanov.io.Json;
import org.girsanov.cli.UserError;

/**
 * {@code bench efficiency --resume}: the curves of the methods an interrupted run finished, read back from its
 * {@code efficiency.json} (written after every method), so that only the rest run again. Every method's curve is
 * deterministic for the settings, so the resumed file is the one an uninterrupted run writes, but for wall times;
 * settings that differ from the stored ones are refused, each named.
 */
final class EfficiencyResume {
    private EfficiencyResume() {
    }

    /**
     * The finished methods' points in {@code dir} (none, and the folder made, when it holds no run yet).
     *
     * @throws UserError when the stored run was made with other settings, or cannot be read
     */
    static List<EfficiencyCurves.Point> finished(Path dir, Map<String, Object> settings, PrintStream err) throws IOException {
        Path file = dir.resolve("efficiency.json");
        if (!Files.exists(file)) {
            Inputs.creatable("--out", dir);
            List<String> stray = EfficiencyBench.FILES.stream().filter(f -> Files.exists(dir.resolve(f))).toList();
            if (!stray.isEmpty()) {
                throw new UserError("--resume: " + dir + " holds " + String.join(", ", stray) + " but no efficiency.json"
                        + " to resume from; pass --force to replace them, or give another --out");
            }
            err.println("bench efficiency: --resume: no run in " + dir + " yet; starting one");
            Files.createDirectories(dir);
            return new ArrayList<>();
        }
        Map<String, Object> stored;
        try {
            stored = Json.parseObject(Files.readString(file));
        } catch (IllegalArgumentException e) {
            throw new UserError("--resume: cannot read " + file + ": " + e.getMessage(), e);
        }
        if (!(stored.get("settings") instanceof Map<?, ?> was)) {
            throw new UserError("--resume: " + file + " holds no settings (written before runs could be resumed);"
                    + " pass --force to start again");
        }
        List<String> differences = new ArrayList<>();
        for (Map.Entry<String, Object> e : settings.entrySet()) {
            String now = canonical(e.getValue());
            String then = canonical(was.get(e.getKey()));
            if (!now.equals(then)) {
                differences.add(flag(e.getKey()) + " " + then + " there, " + now + " now");
            }
        }
        if (!differences.isEmpty()) {
            throw new UserError("--resume: " + file + " was run with other settings: " + String.join("; ", differences)
                    + "; give the same flags, or --force to start again");
        }
        List<EfficiencyCurves.Point> points = new ArrayList<>();
        if (stored.get("points") instanceof List<?> rows) {
            for (Object o : rows) {
                if (o instanceof Map<?, ?> r && !"exact".equals(r.get("method"))) {
                    points.add(new EfficiencyCurves.Point(String.valueOf(r.get("method")), whole(r.get("target_evaluations")),
                            whole(r.get("iteration")), real(r.get("sinkhorn")), real(r.get("mode_coverage")),
                            real(r.get("wall_seconds"))));
                }
            }
        }
        err.println("bench efficiency: --resume: " + points.stream().map(EfficiencyCurves.Point::method).distinct().count()
                + " finished method(s) read from " + file);
        return points;
    }

    /** A setting as text, numbers by value (a JSON reader may give {@code 100} back as {@code 100.0}). */
    private static String canonical(Object o) {
        if (o instanceof Number n) {
            double x = n.doubleValue();
            return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
        }
        if (o instanceof List<?> list) {
            return list.stream().map(EfficiencyResume::canonical).toList().toString();
        }
        return String.valueOf(o);
    }

    private static String flag(String key) {
        return switch (key) {
            case "target_spec" -> "--target";
            case "prior_std" -> "--prior-std";
            default -> "--" + key;
        };
    }

    private static long whole(Object o) {
        return o instanceof Number n ? n.longValue() : 0L;
    }

    private static double real(Object o) {
        return o instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
