/**
 * Command-line infrastructure for {@code ./girsanov}: {@link org.girsanov.cli.Cli}
 * (registry and dispatch on picocli, exit codes, the {@code --json} convention),
 * {@link org.girsanov.cli.Command} and {@link org.girsanov.cli.Flag}
 * (what a subcommand declares), {@link org.girsanov.cli.Args} (typed flag access),
 * {@link org.girsanov.cli.UserError} / {@link org.girsanov.cli.UsageException},
 * {@link org.girsanov.cli.Json} (jackson-jr behind it), {@link org.girsanov.cli.Plots} (headless PNG by JFreeChart),
 * {@link org.girsanov.cli.ProgressReporter}, {@link org.girsanov.cli.Shutdown}
 * and {@link org.girsanov.cli.AtomicFiles}.
 */
package org.girsanov.cli;
