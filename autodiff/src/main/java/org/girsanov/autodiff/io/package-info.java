/**
 * The on-disk format of parameters and checkpoints: {@link org.girsanov.autodiff.io.ParameterFile}, a small
 * versioned binary file of named matrices, string metadata and byte blobs, checksummed and written atomically;
 * a damaged or foreign file is a {@link org.girsanov.autodiff.io.ParameterFileException} that names the file.
 */
package org.girsanov.autodiff.io;
