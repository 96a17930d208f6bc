package org.girsanov.cli;

import java.util.Objects;

/**
 * One flag a {@link Command} accepts. Three kinds:
 * <ul>
 *   <li>{@link #toggle}: {@code --json}; present = true (also {@code --json=false});</li>
 *   <li>{@link #option}: {@code --batch N}, optional, with an optional documented default
 *       ({@link #withDefault}) that {@link Args}' one-argument getters fall back on;</li>
 *   <li>{@link #required}: {@code --target SPEC}, must be given ({@link Args#parse} checks).</li>
 * </ul>
 *
 * @param name flag name without the leading dashes
 * @param valueName placeholder shown in help ({@code N}, {@code FILE}); {@code null} for a toggle
 * @param help one line of help
 * @param defaultValue default as the user would type it, or {@code null}
 * @param required whether the flag must be given
 * @param repeatable whether the flag may be given more than once ({@link Args#getAll})
 */
public record Flag(String name, String valueName, String help, String defaultValue, boolean required,
        boolean repeatable) {

    public Flag {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(help, "help");
        if (name.startsWith("-") || name.isEmpty() || name.contains("=") || name.contains(" ")) {
            throw new IllegalArgumentException("bad flag name '" + name + "' (give it without dashes)");
        }
        if (valueName == null && (required || defaultValue != null)) {
            throw new IllegalArgumentException("toggle --" + name + " cannot be required or have a default");
        }
    }

    /** A boolean switch: {@code --name}. */
    public static Flag toggle(String name, String help) {
        return new Flag(name, null, help, null, false, false);
    }

    /** An optional flag with a value: {@code --name VALUE}. */
    public static Flag option(String name, String valueName, String help) {
        return new Flag(name, valueName, help, null, false, false);
    }

    /** A flag that must be given: {@code --name VALUE}. */
    public static Flag required(String name, String valueName, String help) {
        return new Flag(name, valueName, help, null, true, false);
    }

    /** This flag with a default (as the user would type it: {@code "256"}, {@code "1e-3"}). */
    public Flag withDefault(Object value) {
        return new Flag(name, valueName, help, String.valueOf(value), false, repeatable);
    }

    /** This flag, allowed more than once. */
    public Flag allowRepeats() {
        return new Flag(name, valueName, help, defaultValue, required, true);
    }

    /** Whether the flag takes a value (is not a toggle). */
    public boolean takesValue() {
        return valueName != null;
    }

    /** {@code --name VALUE} or {@code --name}. */
    public String synopsis() {
        return "--" + name + (takesValue() ? " " + valueName : "");
    }

    /** The flag's help line, with its default or "required". */
    public String describe() {
        String extra = required ? " (required)" : defaultValue != null ? " (default " + defaultValue + ")" : "";
        return help + extra + (repeatable ? " (repeatable)" : "");
    }
}
