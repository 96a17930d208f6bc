/**
 * Paths and the path engine (docs/engine.md): a {@link org.girsanov.sde.path.PathPair} is a prior, a forward and a
 * backward kernel and a log-weight form on one grid — what every sampler is; {@link org.girsanov.sde.path.StreamedPaths}
 * simulates it step by step (memory independent of the number of steps) or on one tape (reparametrised),
 * {@link org.girsanov.sde.path.PathSimulator} simulates any kernel forward or backward and keeps the
 * {@link org.girsanov.sde.path.Path}. Where training paths come from is a {@link org.girsanov.sde.path.Behaviour}
 * (on-policy, explored, backward from given states), their noise a {@link org.girsanov.sde.path.NoiseSource}, and
 * {@link org.girsanov.sde.path.ChunkedExecutor} runs batch chunks in parallel with results in chunk order, so the
 * numbers do not depend on the thread count.
 */
package org.girsanov.sde.path;
