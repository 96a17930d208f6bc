package org.girsanov.sde.kernel;

/** Which way a {@link MarkovKernel} moves along the grid. */
public enum Direction {
    /** {@code p→_n(x_{n+1} | x_n)}: prev = {@code x_n}, next = {@code x_{n+1}}. */
    FORWARD,
    /** {@code p←_n(x_n | x_{n+1})}: prev = {@code x_{n+1}}, next = {@code x_n}. */
    BACKWARD
}
