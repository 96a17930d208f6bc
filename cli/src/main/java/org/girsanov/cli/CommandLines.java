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
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.ParseResult;

/**
 * The bridge to picocli, which parses every command line, renders the help and finds "did you mean" candidates: a
 * {@link Command}'s {@link Flag}s become picocli options (a toggle a boolean of arity 0..1, so {@code --json=false}
 * works; a value flag a string of arity 1, repeatable ones a list), its arguments one positional list, and picocli's
 * parse errors become {@link UsageException}s whose messages name the flag, as the commands' own checks do. Values stay
 * strings here: {@link Args}' typed getters convert them with messages that name the flag and the allowed values.
 */
final class CommandLines {
    private CommandLines() {
    }

    /** The label of a command's positional arguments in picocli's model (not shown: the usage text names them). */
    private static final String ARGS = "ARGS";

    /** A picocli command for {@code flags} (and a {@code --help} option when {@code help}). */
    static CommandSpec spec(String name, Collection<Flag> flags, boolean help) {
        CommandSpec spec = CommandSpec.create().name(name);
        configure(spec);
        for (Flag f : flags) {
            // required flags are checked after the parse (args()), so that an unknown flag is named first
            OptionSpec.Builder b = OptionSpec.builder("--" + f.name()).description(f.describe());
            if (f.takesValue()) {
                b.paramLabel(f.valueName()).arity("1").type(f.repeatable() ? List.class : String.class);
                if (f.repeatable()) {
                    b.auxiliaryTypes(String.class);
                }
            } else {
                b.arity("0..1").type(boolean.class);
            }
            try {
                spec.addOption(b.build());
            } catch (CommandLine.DuplicateOptionAnnotationsException e) {
                throw new IllegalArgumentException("flag --" + f.name() + " declared twice", e);
            }
        }
        if (help) {
            spec.addOption(OptionSpec.builder("--help", "-h").usageHelp(true).description(Cli.HELP_FLAG.help()).build());
        }
        spec.addPositional(PositionalParamSpec.builder().paramLabel(ARGS).type(List.class).auxiliaryTypes(String.class)
                .arity("0..*").hidden(true).build());
        return spec;
    }

    /** The parser settings of every command: no @file expansion, no abbreviations, a flag given once unless repeatable. */
    static void configure(CommandSpec spec) {
        spec.parser().expandAtFiles(false).abbreviatedOptionsAllowed(false).abbreviatedSubcommandsAllowed(false)
                .overwrittenOptionsAllowed(false).posixClusteredShortOptionsAllowed(false).trimQuotes(false)
                .splitQuotedStrings(false).unmatchedArgumentsAllowed(false);
        spec.usageMessage().width(WIDTH);
    }

    /** The {@link Args} of a parsed command: the flags given (toggles as {@code "true"/"false"}) and the positionals. */
    static Args args(ParseResult r, Collection<Flag> flags) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (Flag f : flags) {
            OptionSpec o = r.matchedOption("--" + f.name());
            if (o != null) {
                List<String> given = new ArrayList<>(o.stringValues());
                if (!f.takesValue() && given.isEmpty()) {
                    given.add("true");
                }
                values.put(f.name(), given);
            }
        }
        List<String> missing = flags.stream().filter(f -> f.required() && !values.containsKey(f.name())).map(f -> "--" + f.name())
                .toList();
        if (!missing.isEmpty()) {
            throw new UsageException("missing required flag" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing));
        }
        List<String> positionals = new ArrayList<>();
        for (PositionalParamSpec p : r.commandSpec().positionalParameters()) { // matchedPositionals() repeats a spec per value
            if (r.matchedPositionals().contains(p)) {
                positionals.addAll(p.stringValues());
            }
        }
        return Args.of(flags, values, positionals);
    }

    /** Parses {@code tokens} of one command against {@code flags} (no {@code --help}). */
    static Args parse(List<String> tokens, Collection<Flag> flags) {
        CommandLine cl = new CommandLine(spec("command", flags, false));
        try {
            return args(cl.parseArgs(tokens.toArray(new String[0])), flags);
        } catch (CommandLine.ParameterException e) {
            throw usage(e, flags);
        }
    }

    /** A picocli parse error of a command as our message, naming the flag. */
    static UsageException usage(CommandLine.ParameterException e, Collection<Flag> flags) {
        Map<String, Flag> byName = new LinkedHashMap<>();
        flags.forEach(f -> byName.put(f.name(), f));
        if (e instanceof CommandLine.UnmatchedArgumentException u) {
            String token = u.getUnmatched().isEmpty() ? "?" : u.getUnmatched().get(0);
            int eq = token.indexOf('=');
            String given = eq < 0 ? token : token.substring(0, eq);
            if (!given.startsWith("--")) {
                return new UsageException("unknown flag " + given + " (flags are written --name)" + validFlags(flags));
            }
            String name = given.substring(2);
            String guess = suggestion(u, name, byName.keySet(), "--");
            return new UsageException("unknown flag --" + name + (guess != null ? " (did you mean --" + guess + "?)" : "")
                    + validFlags(flags));
        }
        if (e instanceof CommandLine.OverwrittenOptionException o) {
            return new UsageException(nameOf(o.getOverwritten()) + " given more than once");
        }
        if (e instanceof CommandLine.MissingParameterException m) {
            List<String> missing = m.getMissing().stream().map(CommandLines::nameOf).toList();
            Flag f = missing.isEmpty() ? null : byName.get(missing.get(0).substring(2));
            return new UsageException((f != null ? f.synopsis() : String.join(", ", missing)) + ": missing value");
        }
        ArgSpec a = e.getArgSpec();
        if (a instanceof OptionSpec o && (o.type() == boolean.class)) {
            String n = nameOf(o);
            return new UsageException(n + " is a switch; use " + n + " or " + n + "=true/false, not '" + e.getValue() + "'");
        }
        return new UsageException(e.getMessage());
    }

    /**
     * picocli's first candidate (bigram similarity), else the nearest name by edit distance with transpositions
     * ({@link Suggest}), which finds what bigrams miss: {@code ehco} for {@code echo}.
     */
    static String suggestion(CommandLine.UnmatchedArgumentException u, String word, Collection<String> candidates, String prefix) {
        for (String s : u.getSuggestions()) {
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

    private static String validFlags(Collection<Flag> flags) {
        if (flags.isEmpty()) {
            return "; this command takes no flags";
        }
        return "; valid flags: " + flags.stream().map(Flag::synopsis).collect(Collectors.joining(", "));
    }

    // ------------------------------------------------------------------ help

    /** picocli's usage message of {@code spec}, with our synopsis line and explanation and "--name VALUE" labels. */
    static String help(CommandSpec spec, String synopsis, String description) {
        CommandLine cl = new CommandLine(spec);
        Map<String, CommandLine.IHelpSectionRenderer> sections = new LinkedHashMap<>();
        sections.put(UsageMessageSpec.SECTION_KEY_SYNOPSIS, h -> "usage: " + Cli.PROGRAM + " " + synopsis + "\n\n");
        sections.put(UsageMessageSpec.SECTION_KEY_DESCRIPTION, h -> description.stripTrailing() + "\n");
        sections.put(UsageMessageSpec.SECTION_KEY_OPTION_LIST_HEADING, h -> "\nflags:\n");
        sections.put(UsageMessageSpec.SECTION_KEY_OPTION_LIST, h -> optionList(h.commandSpec()));
        cl.setHelpSectionKeys(List.copyOf(sections.keySet()));
        cl.setHelpSectionMap(sections);
        return cl.getUsageMessage(Help.Ansi.OFF);
    }

    /** Width of the help text; descriptions wrap at spaces only, so a spec such as {@code gaussian:d=3} stays whole. */
    static final int WIDTH = 100;

    /**
     * The flag table of a command: each option as the commands document it ({@code --batch N}, not picocli's
     * {@code --batch=N}; {@code -h, --help}) and its description, wrapped at spaces.
     */
    static String optionList(CommandSpec spec) {
        List<String[]> rows = new ArrayList<>();
        for (OptionSpec o : spec.options()) {
            if (o.hidden()) {
                continue;
            }
            List<String> names = new ArrayList<>(List.of(o.names()));
            names.sort((x, y) -> Integer.compare(x.length(), y.length())); // -h before --help
            String label = String.join(", ", names) + (o.type() == boolean.class || o.arity().max() == 0 ? "" : " " + o.paramLabel());
            rows.add(new String[] {label, String.join(" ", o.description())});
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
