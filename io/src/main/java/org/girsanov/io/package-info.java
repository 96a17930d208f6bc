/**
 * The files a user hands Girsanov and the application writes, outside the core modules (which keep EJML and
 * Commons RNG only): {@link org.girsanov.io.TargetSpecs} (targets from text specs such as {@code gmm9} or
 * {@code logistic:data=PATH.csv}), {@link org.girsanov.io.MixtureFile} (a Gaussian mixture from JSON),
 * {@link org.girsanov.io.RegressionCsv} (regression data from CSV), {@link org.girsanov.io.RealTargets} (the shipped
 * data sets, {@code data/*.csv}, with their reference values from {@link org.girsanov.io.ShippedReferences}) and
 * {@link org.girsanov.io.Json}, the one JSON reader and writer (jackson-jr behind it) of every JSON file: mixtures,
 * shipped references, and the application's configs, metrics and {@code --json} output.
 */
package org.girsanov.io;
