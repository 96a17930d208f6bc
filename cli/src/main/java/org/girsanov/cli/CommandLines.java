package org.girsanov.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * What every command line shares on top of picocli: the parser settings, the strict value converters ({@link FlagValues}),
 * picocli's parse errors as {@link UsageException}s whose messages name the flag, and the help text (our synopsis line and
 * explanation, the flag table with each default).
 */
final class CommandLines {
    private CommandLines() {
    }

    /**
     * The parser settings of every command — no @file expansion, no abbreviations, a flag given once unless it is a
     * list, no clustered short options, quotes kept (and, picocli's default, not split) — and the converters, on {@code line} and its subcommands.
     */
    static CommandLine configure(CommandLine line) {
        line.setExpandAtFiles(false).setAbbreviatedOptionsAllowed(false).setAbbreviatedSubcommandsAllowed(false)
                .setOverwrittenOptionsAllowed(false).setPosixClusteredShortOptionsAllowed(false).setTrimQuotes(false)
                .setUnmatchedArgumentsAllowed(false).setUsageHelpWidth(WIDTH);
        FlagValues.register(line);
        return line;
    }

    /** The picocli command line of one command object (its annotations read, the settings above applied). */
    static CommandLine of(Command c) {
        try {
            return configure(new CommandLine(c));
        } catch (CommandLine.InitializationException e) {
            throw new IllegalArgumentException("command " + c.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** A picocli parse error of a command as our message, naming the flag. */
    static UsageException usage(CommandLine.ParameterException e, CommandSpec spec) {
        CommandLine where = e.getCommandLine();
        if (e instanceof CommandLine.MissingParameterException && where != null && !where.getUnmatchedArguments().isEmpty()) {
            return unmatched(where.getUnmatchedArguments(), List.of(), spec); // an unknown flag is named before a missing one
        }
        if (e instanceof CommandLine.UnmatchedArgumentException u) {
            return unmatched(u.getUnmatched(), u.getSuggestions(), spec);
        }
        if (e instanceof CommandLine.OverwrittenOptionException o) {
            return new UsageException(nameOf(o.getOverwritten()) + " given more than once");
        }
        if (e instanceof CommandLine.MissingParameterException m) {
            List<ArgSpec> missing = m.getMissing();
            boolean values = missing.stream().allMatch(a -> a instanceof OptionSpec o && e.getMessage().startsWith("Missing required parameter for option"));
            if (values && !missing.isEmpty()) {
                return new UsageException(synopsisOf((OptionSpec) missing.get(0)) + ": missing value");
            }
            List<String> names = missing.stream().map(CommandLines::nameOf).toList();
            return new UsageException("missing required flag" + (names.size() > 1 ? "s " : " ") + String.join(", ", names));
        }
        ArgSpec a = e.getArgSpec();
        if (a instanceof OptionSpec o && (o.type() == boolean.class || o.type() == Boolean.class)) {
            String n = nameOf(o);
            return new UsageException(n + " is a switch; use " + n + " or " + n + "=true/false, not '" + e.getValue() + "'");
        }
        if (a != null && e.getCause() instanceof CommandLine.TypeConversionException t) {
            return new UsageException(nameOf(a) + ": " + t.getMessage());
        }
        return new UsageException(e.getMessage());
    }

    /** An unknown flag ({@code --bach}: did you mean, and the valid flags) or a stray argument. */
    private static UsageException unmatched(List<String> tokens, List<String> suggestions, CommandSpec spec) {
        String token = tokens.isEmpty() ? "?" : tokens.get(0);
        if (!token.startsWith("-")) {
            return new UsageException("unexpected argument '" + token + "'"
                    + (spec.positionalParameters().isEmpty() ? " (this command takes only flags)" : ""));
        }
        int eq = token.indexOf('=');
        String given = eq < 0 ? token : token.substring(0, eq);
        if (!given.startsWith("--")) {
            return new UsageException("unknown flag " + given + " (flags are written --name)" + validFlags(spec));
        }
        String name = given.substring(2);
        List<String> names = spec.options().stream().filter(o -> !o.usageHelp()).map(o -> o.longestName().substring(2)).toList();
        String guess = suggestion(suggestions, name, names, "--");
        return new UsageException("unknown flag --" + name + (guess != null ? " (did you mean --" + guess + "?)" : "")
                + validFlags(spec));
    }

    /**
     * picocli's first candidate (bigram similarity), else the nearest name by edit distance with transpositions
     * ({@link Suggest}), which finds what bigrams miss: {@code ehco} for {@code echo}.
     */
    static String suggestion(List<String> suggestions, String word, Collection<String> candidates, String prefix) {
        for (String s : suggestions) {
            String bare = s.startsWith(prefix) ? s.substring(prefix.length()) : s;
            if (candidates.contains(bare)) {
                return bare;
            }
        }
        return Suggest.closest(word, candidates);
    }

    private static String nameOf(ArgSpec a) {
        return a instanceof OptionSpec o ? o.longestName() : a.paramLabel();
    }

    /** {@code --batch N} or {@code --json}: the flag as the help and the messages write it. */
    static String synopsisOf(OptionSpec o) {
        return o.longestName() + (isSwitch(o) ? "" : " " + o.paramLabel());
    }

    private static boolean isSwitch(OptionSpec o) {
        return o.type() == boolean.class || o.type() == Boolean.class || o.arity().max() == 0;
    }

    /** The command's own flags (and {@code --debug}), as the messages list them; {@code --help} is not one. */
    private static String validFlags(CommandSpec spec) {
        List<OptionSpec> flags = ordered(spec).stream().filter(o -> !o.usageHelp()).toList();
        return "; valid flags: " + flags.stream().map(CommandLines::synopsisOf).collect(Collectors.joining(", "));
    }

    /** The options of {@code spec}: its own in declaration order, then those every command has ({@code --debug, --help}). */
    static List<OptionSpec> ordered(CommandSpec spec) {
        List<OptionSpec> own = new ArrayList<>();
        List<OptionSpec> shared = new ArrayList<>();
        for (OptionSpec o : spec.options()) {
            (o.longestName().equals("--debug") || o.usageHelp() || o.versionHelp() ? shared : own).add(o);
        }
        shared.sort((a, b) -> Boolean.compare(a.usageHelp(), b.usageHelp())); // --debug, then --help
        own.addAll(shared);
        return own;
    }

    // ------------------------------------------------------------------ help

    /** The first line of a command's usage ({@code train --target SPEC [flags]}), without the program name. */
    static String synopsis(CommandSpec spec) {
        String[] custom = spec.usageMessage().customSynopsis();
        return custom.length == 0 ? spec.name() : custom[0].strip();
    }

    /** The command's one-line summary (its {@code header}). */
    static String summary(CommandSpec spec) {
        return String.join(" ", spec.usageMessage().header()).strip();
    }

    /**
     * picocli's usage message of a command with our sections: "usage: girsanov SYNOPSIS", the summary and explanation
     * (the {@code description} lines as written, no reflowing), and the flag table.
     */
    static String help(CommandSpec spec) {
        StringBuilder description = new StringBuilder(summary(spec)).append('\n');
        String[] more = spec.usageMessage().description();
        if (more.length > 0) {
            description.append('\n').append(String.join("\n", more).stripTrailing()).append('\n');
        }
        CommandLine cl = new CommandLine(spec);
        Map<String, CommandLine.IHelpSectionRenderer> sections = new LinkedHashMap<>();
        sections.put(UsageMessageSpec.SECTION_KEY_SYNOPSIS, h -> "usage: " + Cli.PROGRAM + " " + synopsis(spec) + "\n\n");
        sections.put(UsageMessageSpec.SECTION_KEY_DESCRIPTION, h -> description.toString().stripTrailing() + "\n");
        sections.put(UsageMessageSpec.SECTION_KEY_OPTION_LIST_HEADING, h -> "\nflags:\n");
        sections.put(UsageMessageSpec.SECTION_KEY_OPTION_LIST, h -> optionList(spec));
        cl.setHelpSectionKeys(List.copyOf(sections.keySet()));
        cl.setHelpSectionMap(sections);
        return cl.getUsageMessage(Help.Ansi.OFF);
    }

    /** A flag's help line: its description, then its default, "(required)" or "(repeatable)". */
    static String describe(OptionSpec o) {
        String help = String.join(" ", o.description());
        String def = defaultText(o);
        String extra = o.required() ? " (required)" : def != null ? " (default " + def + ")" : "";
        return help + extra + (o.isMultiValue() ? " (repeatable)" : "");
    }

    /** The default a flag shows: its {@code defaultValue}, else its field's initial value (none for a switch or null). */
    private static String defaultText(OptionSpec o) {
        if (isSwitch(o) || o.usageHelp()) {
            return null;
        }
        if (o.defaultValue() != null) {
            return o.defaultValue();
        }
        Object v = o.hasInitialValue() ? o.initialValue() : null;
        return v == null || o.isMultiValue() ? null : v.toString();
    }

    /** Width of the help text; descriptions wrap at spaces only, so a spec such as {@code gaussian:d=3} stays whole. */
    static final int WIDTH = 100;

    /**
     * The flag table of a command: each option as the commands document it ({@code --batch N}, not picocli's
     * {@code --batch=N}; {@code -h, --help}) and its description, wrapped at spaces.
     */
    static String optionList(CommandSpec spec) {
        List<String[]> rows = new ArrayList<>();
        for (OptionSpec o : ordered(spec)) {
            if (o.hidden()) {
                continue;
            }
            List<String> names = new ArrayList<>(List.of(o.names()));
            names.sort((x, y) -> Integer.compare(x.length(), y.length())); // -h before --help
            String label = String.join(", ", names) + (isSwitch(o) ? "" : " " + o.paramLabel());
            rows.add(new String[] {label, describe(o)});
        }
        int width = Math.min(24, rows.stream().mapToInt(r -> r[0].length()).max().orElse(0));
        StringBuilder sb = new StringBuilder();
        for (String[] r : rows) {
            sb.append("  ").append(r[0]);
            if (r[0].length() > width) {
                sb.append('\n').append(" ".repeat(width + 2));
            } else {
                sb.append(" ".repeat(width - r[0].length()));
            }
            int indent = width + 5;
            int column = indent;
            sb.append("   ");
            boolean first = true;
            for (String word : r[1].split(" ")) {
                if (!first && column + 1 + word.length() > WIDTH) {
                    sb.append('\n').append(" ".repeat(indent + 2));
                    column = indent + 2;
                } else if (!first) {
                    sb.append(' ');
                    column++;
                }
                sb.append(word);
                column += word.length();
                first = false;
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
