/** Girsanov benchmarks module. */
package org.girsanov.benchmarks;
