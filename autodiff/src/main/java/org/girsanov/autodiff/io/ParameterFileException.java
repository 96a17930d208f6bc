package org.girsanov.autodiff.io;

import java.io.IOException;
import java.nio.file.Path;

/** A parameter file that cannot be read or does not fit the module it is loaded into. */
public final class ParameterFileException extends IOException {
    /** What is wrong. */
    public enum Kind {
        /** The first 8 bytes are not the format's magic. */
        BAD_MAGIC,
        /** A format version this code does not read. */
        UNSUPPORTED_VERSION,
        /** The file is shorter than its header says. */
        TRUNCATED,
        /** The stored CRC32 differs from the CRC32 of the content. */
        CHECKSUM_MISMATCH,
        /** Structurally invalid content (negative sizes, trailing bytes, duplicate names, bad UTF-8, …). */
        MALFORMED,
        /** The module has a parameter the file lacks. */
        MISSING_NAME,
        /** The file has a parameter the module lacks. */
        EXTRA_NAME,
        /** A parameter's shape in the file differs from the module's. */
        SHAPE_MISMATCH
    }

    private final Kind kind;
    private final Path file;

    public ParameterFileException(Kind kind, Path file, String detail) {
        super(kind + " in " + file + ": " + detail);
        this.kind = kind;
        this.file = file;
    }

    public Kind kind() {
        return kind;
    }

    /** The file concerned (or a description of the source when loading from memory). */
    public Path file() {
        return file;
    }
}
