/**
 * Command-line infrastructure for {@code ./girsanov}: {@link org.girsanov.cli.Cli}
 * (registry and dispatch on picocli, exit codes, the {@code --json} convention),
 * {@link org.girsanov.cli.Command} (a subcommand: a picocli-annotated class whose flags are its fields, converted by
 * strict rules: {@code FlagValues}),
 * {@link org.girsanov.cli.UserError} / {@link org.girsanov.cli.UsageException},
 * {@link org.girsanov.io.Json} (jackson-jr behind it), {@link org.girsanov.cli.Plots} (headless PNG by JFreeChart),
 * {@link org.girsanov.cli.ProgressReporter}, {@link org.girsanov.cli.Shutdown}
 * and {@link org.girsanov.io.AtomicFiles}.
 */
package org.girsanov.cli;

import org.girsanov.io.AtomicFiles;

import org.girsanov.io.Json;
