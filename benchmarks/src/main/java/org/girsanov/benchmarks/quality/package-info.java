/**
 * The quality suite's protocol: the published targets by name and spec ({@link org.girsanov.benchmarks.quality.Protocol})
 * and the published rows ours are printed beside ({@link org.girsanov.benchmarks.quality.PublishedRow}; Richter &amp; Berner,
 * ICLR 2024, docs/targets-and-metrics.md).
 */
package org.girsanov.benchmarks.quality;
