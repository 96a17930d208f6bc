/**
 * The subcommands of {@code ./girsanov} — {@code train}, {@code sample}, {@code evaluate}, {@code check}, {@code bench},
 * {@code demo} — and what they share: the run folder and its files, checkpoints, the checks every flag and input file
 * passes before any work starts, samples as CSV, and the quality table beside the published one.
 */
package org.girsanov.cli.commands;
