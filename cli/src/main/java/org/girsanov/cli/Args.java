package org.girsanov.cli;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.nio.file.InvalidPathException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The parsed flags and positional arguments of one subcommand.
 *
 * <p>Syntax (parsed by picocli): {@code --name value}, {@code --name=value}, {@code --toggle},
 * {@code --toggle=false}; anything not starting with {@code --} is positional, negative numbers included; a lone
 * {@code --} ends flags (everything after it is positional, so a positional may start with a dash). A flag's value
 * may start with a dash ({@code --shift -3}) unless it is another flag of the command. A flag's value is checked only when it is
 * read, by typed getters whose errors name the flag: {@code --batch: 'abc' is not an integer}.
 *
 * <p>Getters without a default return the flag's declared {@link Flag#withDefault default} when it is
 * absent, and otherwise fail with {@code missing required flag --name}. Asking for a flag the
 * command did not declare is a programming error ({@link IllegalArgumentException}).
 *
 * <p>Integers may be written with underscores ({@code 100_000}) or, if exact, in scientific
 * notation ({@code 1e5}).
 */
public final class Args {

    private final Map<String, Flag> spec;
    private final Map<String, List<String>> values;
    private final List<String> positionals;

    private Args(Map<String, Flag> spec, Map<String, List<String>> values, List<String> positionals) {
        this.spec = spec;
        this.values = values;
        this.positionals = positionals;
    }

    /**
     * Parses {@code tokens} against the declared {@code flags} (with picocli, {@link CommandLines}).
     *
     * @throws UsageException on an unknown flag (listing the valid ones), a missing value, a value
     *     given to a toggle, a repeated non-repeatable flag, or a missing required flag
     */
    public static Args parse(List<String> tokens, Collection<Flag> flags) {
        return CommandLines.parse(tokens, flags);
    }

    /** Parses {@code tokens} against the declared {@code flags}. */
    public static Args parse(String[] tokens, Collection<Flag> flags) {
        return parse(List.of(tokens), flags);
    }

    /** The parsed arguments: the raw values given per flag name, and the positionals. */
    static Args of(Collection<Flag> flags, Map<String, List<String>> values, List<String> positionals) {
        Map<String, Flag> spec = new LinkedHashMap<>();
        for (Flag f : flags) {
            if (spec.put(f.name(), f) != null) {
                throw new IllegalArgumentException("flag --" + f.name() + " declared twice");
            }
        }
        Map<String, List<String>> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return new Args(spec, copy, List.copyOf(positionals));
    }

    // ------------------------------------------------------------------ access

    /** The declared flags, in declaration order. */
    public Collection<Flag> flags() {
        return spec.values();
    }

    /** Positional arguments, in order. */
    public List<String> positionals() {
        return positionals;
    }

    /** Positional argument {@code index}, or a usage error naming it ({@code what}) if absent. */
    public String positional(int index, String what) {
        if (index >= positionals.size()) {
            throw new UsageException("missing argument " + what);
        }
        return positionals.get(index);
    }

    /** Fails unless there are at most {@code max} positional arguments. */
    public Args requireAtMostPositionals(int max) {
        if (positionals.size() > max) {
            throw new UsageException("unexpected argument '" + positionals.get(max) + "'"
                    + (max == 0 ? " (this command takes only flags)" : ""));
        }
        return this;
    }

    /** Whether the flag was given on the command line. */
    public boolean has(String name) {
        return values.containsKey(declared(name).name());
    }

    /** The raw value given, if any (the last one for a repeatable flag). */
    public Optional<String> get(String name) {
        List<String> v = values.get(declared(name).name());
        return v == null ? Optional.empty() : Optional.of(v.get(v.size() - 1));
    }

    /** All values given for a (repeatable) flag, in order; empty if absent. */
    public List<String> getAll(String name) {
        return List.copyOf(values.getOrDefault(declared(name).name(), List.of()));
    }

    /** The value, else the declared default, else a "missing required flag" usage error. */
    public String getString(String name) {
        Flag f = declared(name);
        return get(name).or(() -> Optional.ofNullable(f.defaultValue()))
                .orElseThrow(() -> new UsageException("missing required flag " + f.synopsis()));
    }

    public String getString(String name, String defaultValue) {
        return get(name).orElse(defaultValue);
    }

    /** The value, which must be one of {@code choices} (case-sensitive). */
    public String getChoice(String name, Collection<String> choices) {
        String v = getString(name);
        if (!choices.contains(v)) {
            String guess = Suggest.closest(v, choices);
            throw new UsageException("--" + name + ": '" + v + "' is not one of " + String.join(", ", choices)
                    + (guess != null ? " (did you mean " + guess + "?)" : ""));
        }
        return v;
    }

    public int getInt(String name) {
        return toInt(name, getString(name));
    }

    public int getInt(String name, int defaultValue) {
        return has(name) ? toInt(name, getString(name)) : defaultValue;
    }

    public long getLong(String name) {
        return toLong(name, getString(name));
    }

    public long getLong(String name, long defaultValue) {
        return has(name) ? toLong(name, getString(name)) : defaultValue;
    }

    public double getDouble(String name) {
        return toDouble(name, getString(name));
    }

    public double getDouble(String name, double defaultValue) {
        return has(name) ? toDouble(name, getString(name)) : defaultValue;
    }

    public Path getPath(String name) {
        return toPath(name, getString(name));
    }

    public Path getPath(String name, Path defaultValue) {
        return has(name) ? toPath(name, getString(name)) : defaultValue;
    }

    /** A toggle: true if given (or {@code --name=true}), false otherwise. Also reads value flags. */
    public boolean getBoolean(String name) {
        Flag f = declared(name);
        Optional<String> v = get(name).or(() -> Optional.ofNullable(f.defaultValue()));
        return v.isPresent() && toBoolean(name, v.get());
    }

    public boolean getBoolean(String name, boolean defaultValue) {
        return has(name) ? toBoolean(name, getString(name)) : defaultValue;
    }

    // ------------------------------------------------------------------ conversions

    private Flag declared(String name) {
        Flag f = spec.get(name);
        if (f == null) {
            throw new IllegalArgumentException("flag --" + name + " was not declared by this command; declared: "
                    + spec.keySet());
        }
        return f;
    }

    static int toInt(String name, String s) {
        long v = toLong(name, s, "an integer");
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new UsageException("--" + name + ": '" + s + "' is out of range for an integer");
        }
        return (int) v;
    }

    static long toLong(String name, String s) {
        return toLong(name, s, "an integer");
    }

    private static long toLong(String name, String s, String what) {
        String t = s.trim().replace("_", "");
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            // 1e5, 2.5e3: accepted when the value is an exact integer.
            if (t.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)[eE][+-]?\\d+")) {
                try {
                    return new BigDecimal(t).longValueExact();
                } catch (ArithmeticException notExact) {
                    throw new UsageException("--" + name + ": '" + s + "' is not " + what);
                }
            }
            throw new UsageException("--" + name + ": '" + s + "' is not " + what);
        }
    }

    static double toDouble(String name, String s) {
        String t = s.trim().replace("_", "");
        String lower = t.toLowerCase(Locale.ROOT);
        switch (lower) {
            case "inf", "+inf", "infinity", "+infinity":
                return Double.POSITIVE_INFINITY;
            case "-inf", "-infinity":
                return Double.NEGATIVE_INFINITY;
            case "nan":
                return Double.NaN;
            default:
                break;
        }
        // Double.parseDouble also takes "1d", "0x1p3", " 1"; a command line should not.
        if (!t.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
            throw new UsageException("--" + name + ": '" + s + "' is not a number");
        }
        return Double.parseDouble(t);
    }

    private static Path toPath(String name, String s) {
        if (s.isEmpty()) {
            throw new UsageException("--" + name + ": empty path");
        }
        try {
            return Path.of(s);
        } catch (InvalidPathException e) {
            throw new UsageException("--" + name + ": '" + s + "' is not a valid path (" + e.getReason() + ")");
        }
    }

    private static boolean toBoolean(String name, String s) {
        switch (s.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1":
                return true;
            case "false", "no", "off", "0":
                return false;
            default:
                throw new UsageException("--" + name + ": '" + s + "' is not true or false");
        }
    }

    @Override
    public String toString() {
        return "Args" + values + (positionals.isEmpty() ? "" : " " + positionals);
    }
}
