/**
 * Command-line infrastructure for {@code ./girsanov}: {@link org.girsanov.benchmarks.cli.Cli}
 * (registry and dispatch, exit codes, the {@code --json} convention),
 * {@link org.girsanov.benchmarks.cli.Command} and {@link org.girsanov.benchmarks.cli.Flag}
 * (what a subcommand declares), {@link org.girsanov.benchmarks.cli.Args} (typed flag access),
 * {@link org.girsanov.benchmarks.cli.UserError} / {@link org.girsanov.benchmarks.cli.UsageException},
 * {@link org.girsanov.benchmarks.cli.Json}, {@link org.girsanov.benchmarks.cli.Plots} (headless PNG),
 * {@link org.girsanov.benchmarks.cli.ProgressReporter}, {@link org.girsanov.benchmarks.cli.Shutdown}
 * and {@link org.girsanov.benchmarks.cli.AtomicFiles}. JDK only.
 */
package org.girsanov.benchmarks.cli;
