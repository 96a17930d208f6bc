package org.girsanov.cli.commands;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.girsanov.cli.UserError;
import org.girsanov.samplers.targets.Target;
import org.girsanov.io.TargetSpecs;
import org.girsanov.samplers.train.CheckpointPolicy;

/**
 * Checks of flag values and specs that every command runs before it starts any work, so that a bad value
 * is a {@link UserError} (exit 1) naming the flag and the allowed range, never an internal error found
 * half-way through a run.
 */
final class Inputs {
    private Inputs() {
    }

    /** The value {@code v} of the integer flag {@code flag} ({@code "--batch"}), which must lie in {@code [lo, hi]}. */
    static int intIn(String flag, long v, int lo, int hi) {
        return (int) longIn(flag, v, lo, hi);
    }

    /** The value {@code v} of the integer flag {@code flag}, which must lie in {@code [lo, hi]}. */
    static long longIn(String flag, long v, long lo, long hi) {
        if (v < lo || v > hi) {
            throw new UserError(flag + ": " + v + " is out of range; allowed: " + range(lo, hi));
        }
        return v;
    }

    /** The help of {@code --checkpoint-seconds}, the flag of every command that trains. */
    static final String CHECKPOINT_SECONDS_HELP = "checkpoint whenever S seconds of wall time have passed since the last one,"
            + " besides every " + CheckpointPolicy.DEFAULT_EVERY + " iterations and at the end (0: off)";

    /**
     * The {@code --checkpoint-seconds} value: the least wall time between two checkpoints, a number of seconds from 0
     * (no time-based checkpoint) to {@link CheckpointPolicy#MAX_SECONDS}.
     */
    static double checkpointSeconds(double v) {
        if (!(v >= 0 && v <= CheckpointPolicy.MAX_SECONDS)) {
            throw new UserError("--checkpoint-seconds: " + text(v) + " is out of range; allowed: 0 to "
                    + (long) CheckpointPolicy.MAX_SECONDS + " seconds (0: no time-based checkpoint)");
        }
        return v;
    }

    /** A number flag's value {@code v} (when given, i.e. not {@code null}), which must be finite and {@code > 0}. */
    static void positiveIfGiven(String flag, Double v) {
        if (v != null && (!(v > 0) || !Double.isFinite(v))) {
            throw new UserError(flag + ": " + text(v) + " must be a finite number > 0");
        }
    }

    /** A finite number flag's value {@code v}, which must be {@code > 0}. */
    static double positive(String flag, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new UserError(flag + ": " + text(v) + " is out of range; allowed: a finite number > 0");
        }
        return v;
    }

    /** A number as the user would have typed it: {@code 3}, not {@code 3.0}. */
    static String text(double v) {
        return v == Math.rint(v) && Double.isFinite(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static String range(long lo, long hi) {
        return hi == Integer.MAX_VALUE || hi == Long.MAX_VALUE ? ">= " + lo : lo + " to " + hi;
    }

    /**
     * The target of {@code spec}, given by flag {@code flag} ({@code "--target"}): duplicate parameters
     * ({@code gaussian:d=3,d=4}) and a {@code gmm:file=} that is missing or not a regular file are named
     * here; every other problem is the parser's message.
     */
    static Target target(String flag, String spec) {
        String s = spec == null ? "" : spec.strip();
        int colon = s.indexOf(':');
        if (colon >= 0) {
            Set<String> seen = new HashSet<>();
            for (String kv : s.substring(colon + 1).split(",")) {
                int eq = kv.indexOf('=');
                String key = (eq < 0 ? kv : kv.substring(0, eq)).strip().toLowerCase(Locale.ROOT);
                if (!seen.add(key)) {
                    throw new UserError(flag + ": parameter '" + key + "' is given twice in '" + spec + "'");
                }
                if (key.equals("file") && eq > 0) {
                    Path f = Path.of(kv.substring(eq + 1).strip());
                    if (Files.isDirectory(f)) {
                        throw new UserError(flag + ": gmm file " + f + " is a folder, not a JSON file");
                    }
                    if (!Files.isRegularFile(f)) {
                        throw new UserError(flag + ": gmm file " + f + ": no such file");
                    }
                }
            }
        }
        try {
            return TargetSpecs.parse(spec);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new UserError(flag + ": " + e.getMessage());
        }
    }

    /**
     * Fails unless files can be created at {@code p}: its nearest existing ancestor must be a writable
     * folder ({@code --out} below a file, or in a read-only folder, is named here).
     */
    static void creatable(String flag, Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path q = abs.getParent();
        while (q != null && !Files.exists(q)) {
            q = q.getParent();
        }
        if (q == null) {
            throw new UserError(flag + ": " + p + " has no existing parent folder");
        }
        if (!Files.isDirectory(q)) {
            throw new UserError(flag + ": " + p + " is below " + q + ", which is a file, not a folder");
        }
        if (!Files.isWritable(q) || (Files.exists(abs) && !Files.isWritable(abs))) {
            throw new UserError(flag + ": cannot write " + p + " (" + (Files.exists(abs) ? abs : q) + " is read-only)");
        }
    }

    /** A run folder given by {@code flag}: must not be a file, and must be creatable. */
    static void folder(String flag, Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UserError(flag + ": " + dir + " is a file, not a folder");
        }
        creatable(flag, dir);
    }

    /** An output file given by {@code flag}: not a folder, creatable, and not overwritten unless {@code force}. */
    static void newFile(String flag, Path file, boolean force) {
        if (Files.isDirectory(file)) {
            throw new UserError(flag + ": " + file + " is a folder, not a file");
        }
        creatable(flag, file);
        if (Files.exists(file) && !force) {
            throw new UserError(flag + ": " + file + " already exists; pass --force to overwrite it");
        }
    }
}
