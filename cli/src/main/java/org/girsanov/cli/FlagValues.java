package org.girsanov.cli;

import java.math.BigDecimal;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.TypeConversionException;

/**
 * How a flag's text becomes a value, stricter than picocli's own converters, which {@code CommandLines.register} installs
 * for every command: integers may be written with underscores ({@code 100_000}) or, if exact, in scientific notation
 * ({@code 1e5}); numbers are plain decimals ({@code Double.parseDouble}'s {@code 1d} or {@code 0x1p3} are refused) or
 * {@code inf}/{@code nan}; switches take {@code true/false, yes/no, on/off, 1/0}; a path must be non-empty and valid. A
 * refusal is a {@link TypeConversionException} whose message quotes the text ({@code 'abc' is not an integer}); the
 * parse error that carries it is reported as {@code --batch: 'abc' is not an integer}.
 */
public final class FlagValues {
    private FlagValues() {
    }

    /** Installs the converters on {@code line} and the subcommands it has. */
    static void register(CommandLine line) {
        line.registerConverter(Integer.class, FlagValues::toInt).registerConverter(int.class, FlagValues::toInt)
                .registerConverter(Long.class, FlagValues::toLong).registerConverter(long.class, FlagValues::toLong)
                .registerConverter(Double.class, FlagValues::toDouble).registerConverter(double.class, FlagValues::toDouble)
                .registerConverter(Boolean.class, FlagValues::toBoolean).registerConverter(boolean.class, FlagValues::toBoolean)
                .registerConverter(Path.class, FlagValues::toPath);
    }

    static int toInt(String s) {
        long v = toLong(s);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new TypeConversionException("'" + s + "' is out of range for an integer");
        }
        return (int) v;
    }

    static long toLong(String s) {
        String t = s.trim().replace("_", "");
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            // 1e5, 2.5e3: accepted when the value is an exact integer.
            if (t.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)[eE][+-]?\\d+")) {
                try {
                    return new BigDecimal(t).longValueExact();
                } catch (ArithmeticException notExact) {
                    throw new TypeConversionException("'" + s + "' is not an integer");
                }
            }
            throw new TypeConversionException("'" + s + "' is not an integer");
        }
    }

    /** {@code s} as a number: decimals, exponents, {@code _} separators, {@code inf}, {@code nan}. */
    public static double toDouble(String s) {
        String t = s.trim().replace("_", "");
        switch (t.toLowerCase(Locale.ROOT)) {
            case "inf", "+inf", "infinity", "+infinity":
                return Double.POSITIVE_INFINITY;
            case "-inf", "-infinity":
                return Double.NEGATIVE_INFINITY;
            case "nan":
                return Double.NaN;
            default:
                break;
        }
        if (!t.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
            throw new TypeConversionException("'" + s + "' is not a number");
        }
        return Double.parseDouble(t);
    }

    static boolean toBoolean(String s) {
        switch (s.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1":
                return true;
            case "false", "no", "off", "0":
                return false;
            default:
                throw new TypeConversionException("'" + s + "' is not true or false");
        }
    }

    static Path toPath(String s) {
        if (s.isEmpty()) {
            throw new TypeConversionException("empty path");
        }
        try {
            return Path.of(s);
        } catch (InvalidPathException e) {
            throw new TypeConversionException("'" + s + "' is not a valid path (" + e.getReason() + ")");
        }
    }
}
