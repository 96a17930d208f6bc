/**
 * A reverse-mode autodiff tape over batched EJML matrices (docs/tour/01-tape.md): {@link org.girsanov.autodiff.Tape}
 * records ops as they are computed and differentiates them in one reverse sweep, each op's backward rule written
 * beside its forward one in tape ops, so gradients can be differentiated again ({@code createGraph});
 * {@link org.girsanov.autodiff.Var} is a value on a tape (rows = batch). {@link org.girsanov.autodiff.Divergence}
 * gives exact and Hutchinson divergences and Laplacians ({@link org.girsanov.autodiff.Probe} for the probes),
 * {@link org.girsanov.autodiff.GradCheck} central finite differences, {@link org.girsanov.autodiff.Gradients} per-chunk
 * gradient sinks for deterministic parallel reduction. Subpackages: {@code nn} (layers, MLPs), {@code optim}
 * (Adam, schedules, clipping, EMA), {@code io} (parameter files).
 */
package org.girsanov.autodiff;
