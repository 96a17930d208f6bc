package org.girsanov.autodiff.io;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.io.ParameterFileException.Kind;
import org.girsanov.autodiff.nn.Module;
import org.girsanov.autodiff.nn.Parameter;

/**
 * A small versioned binary file of named matrices, string metadata and raw byte blobs: the parameter
 * file of a {@link Module}, and the container checkpoints are built on (parameters, optimiser moments,
 * EMA shadow, RNG state, step counter and other metadata).
 *
 * <h2>Format, version 1</h2>
 * All integers and doubles big-endian; a string is an {@code int32} byte length followed by UTF-8 bytes.
 * <pre>
 *   offset 0   magic       8 bytes  "GIRSPARM" (ASCII)
 *          8   version     int32    1
 *         12   bodyLength  int64    number of bytes of the body
 *         20   body:
 *                matrixCount int32; per matrix (in insertion order):
 *                    name string, rows int32, cols int32, rows·cols IEEE-754 doubles in row-major order
 *                              (raw bits: NaN payloads and −0.0 are preserved)
 *                metadataCount int32; per entry: key string, value string
 *                blobCount int32;     per entry: name string, length int32, bytes
 *   20+bodyLength  crc32     int32 (unsigned value) of every preceding byte (header and body)
 * </pre>
 * Reading checks, in order: length ≥ header, magic, version, declared length (shorter file →
 * {@link Kind#TRUNCATED}), checksum, then structure. Each failure is a {@link ParameterFileException}
 * whose {@link Kind} and message name the file and what differs.
 *
 * <p>Writes are atomic: the bytes go to a temporary file in the target's directory, are forced to disk,
 * and the temporary file is moved over the target with {@code ATOMIC_MOVE}, so a crash leaves either the
 * old file or the new one, never a partial file.
 */
public final class ParameterFile {
    /** The 8-byte magic "GIRSPARM". */
    public static final byte[] MAGIC = "GIRSPARM".getBytes(StandardCharsets.US_ASCII);
    /** The version this code writes (and the only one it reads). */
    public static final int VERSION = 1;
    static final int HEADER_BYTES = 8 + 4 + 8;
    static final int CHECKSUM_BYTES = 4;

    private ParameterFile() {
    }

    /**
     * The content of a file: named matrices, metadata and blobs, each in insertion order. The maps are
     * mutable while building; {@link ParameterFile#read} returns unmodifiable ones.
     */
    public record Contents(Map<String, DMatrixRMaj> matrices, Map<String, String> metadata, Map<String, byte[]> blobs) {
        /** An empty, mutable content to fill. */
        public Contents() {
            this(new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>());
        }

        /** Adds the module's parameters as matrices named {@code prefix + name} (values copied). */
        public Contents putModule(String prefix, Module module) {
            for (Map.Entry<String, Parameter> e : module.namedParameters().entrySet()) {
                matrices.put(prefix + e.getKey(), e.getValue().value().copy());
            }
            return this;
        }

        /** Adds every matrix of {@code m} under {@code prefix + key}. */
        public Contents putMatrices(String prefix, Map<String, DMatrixRMaj> m) {
            for (Map.Entry<String, DMatrixRMaj> e : m.entrySet()) {
                matrices.put(prefix + e.getKey(), e.getValue());
            }
            return this;
        }

        /** The matrices whose names start with {@code prefix}, with the prefix removed, in file order. */
        public Map<String, DMatrixRMaj> matricesWithPrefix(String prefix) {
            Map<String, DMatrixRMaj> out = new LinkedHashMap<>();
            for (Map.Entry<String, DMatrixRMaj> e : matrices.entrySet()) {
                if (e.getKey().startsWith(prefix)) {
                    out.put(e.getKey().substring(prefix.length()), e.getValue());
                }
            }
            return out;
        }
    }

    // ------------------------------------------------------------------------------------------
    // Writing
    // ------------------------------------------------------------------------------------------

    /** Writes the module's parameters (names as in {@link Module#namedParameters()}) atomically. */
    public static void write(Path file, Module module) throws IOException {
        write(file, new Contents().putModule("", module));
    }

    /** Writes {@code contents} atomically (temporary file in the same directory, then an atomic move). */
    public static void write(Path file, Contents contents) throws IOException {
        writeAtomically(file, encode(contents));
    }

    /** The file's bytes for {@code contents}. */
    public static byte[] encode(Contents contents) {
        ByteArrayOutputStream bodyBytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bodyBytes)) {
            out.writeInt(contents.matrices().size());
            for (Map.Entry<String, DMatrixRMaj> e : contents.matrices().entrySet()) {
                DMatrixRMaj m = e.getValue();
                writeString(out, e.getKey());
                out.writeInt(m.numRows);
                out.writeInt(m.numCols);
                int n = m.numRows * m.numCols;
                for (int i = 0; i < n; i++) {
                    out.writeLong(Double.doubleToRawLongBits(m.data[i]));
                }
            }
            out.writeInt(contents.metadata().size());
            for (Map.Entry<String, String> e : contents.metadata().entrySet()) {
                writeString(out, e.getKey());
                writeString(out, e.getValue());
            }
            out.writeInt(contents.blobs().size());
            for (Map.Entry<String, byte[]> e : contents.blobs().entrySet()) {
                writeString(out, e.getKey());
                out.writeInt(e.getValue().length);
                out.write(e.getValue());
            }
        } catch (IOException e) {
            throw new IllegalStateException("in-memory stream failed", e);
        }
        byte[] body = bodyBytes.toByteArray();
        ByteBuffer buf = ByteBuffer.allocate(HEADER_BYTES + body.length + CHECKSUM_BYTES).order(ByteOrder.BIG_ENDIAN);
        buf.put(MAGIC).putInt(VERSION).putLong(body.length).put(body);
        CRC32 crc = new CRC32();
        crc.update(buf.array(), 0, HEADER_BYTES + body.length);
        buf.putInt((int) crc.getValue());
        return buf.array();
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    /** Writes {@code bytes} to a temporary sibling of {@code file}, forces it, and moves it over {@code file} atomically. */
    public static void writeAtomically(Path file, byte[] bytes) throws IOException {
        Path abs = file.toAbsolutePath();
        Path dir = abs.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer b = ByteBuffer.wrap(bytes);
                while (b.hasRemaining()) {
                    ch.write(b);
                }
                ch.force(true);
            }
            Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    // ------------------------------------------------------------------------------------------
    // Reading
    // ------------------------------------------------------------------------------------------

    /** Reads and verifies a file. */
    public static Contents read(Path file) throws IOException {
        return decode(Files.readAllBytes(file), file);
    }

    /** Reads a file's matrices (name → matrix, in file order). */
    public static Map<String, DMatrixRMaj> readMatrices(Path file) throws IOException {
        return read(file).matrices();
    }

    /** Decodes and verifies the bytes of a file; {@code source} names it in error messages. */
    public static Contents decode(byte[] bytes, Path source) throws ParameterFileException {
        if (bytes.length < MAGIC.length) {
            throw new ParameterFileException(Kind.TRUNCATED, source, "file has " + bytes.length
                    + " bytes, fewer than the " + MAGIC.length + "-byte magic");
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes[i] != MAGIC[i]) {
                throw new ParameterFileException(Kind.BAD_MAGIC, source, "first bytes are "
                        + hex(bytes, 0, MAGIC.length) + ", expected " + hex(MAGIC, 0, MAGIC.length) + " (\"GIRSPARM\")");
            }
        }
        if (bytes.length < HEADER_BYTES + CHECKSUM_BYTES) {
            throw new ParameterFileException(Kind.TRUNCATED, source, "file has " + bytes.length
                    + " bytes, fewer than header and checksum (" + (HEADER_BYTES + CHECKSUM_BYTES) + ")");
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN);
        buf.position(MAGIC.length);
        int version = buf.getInt();
        if (version != VERSION) {
            throw new ParameterFileException(Kind.UNSUPPORTED_VERSION, source, "format version " + version
                    + "; this reader supports version " + VERSION);
        }
        long bodyLength = buf.getLong();
        long expected = HEADER_BYTES + bodyLength + CHECKSUM_BYTES;
        if (bodyLength < 0 || bytes.length < expected) {
            throw new ParameterFileException(Kind.TRUNCATED, source, "header declares " + expected + " bytes but the file has "
                    + bytes.length);
        }
        if (bytes.length > expected) {
            throw new ParameterFileException(Kind.MALFORMED, source, (bytes.length - expected)
                    + " trailing bytes after the checksum (header declares " + expected + " bytes)");
        }
        int bodyEnd = (int) (HEADER_BYTES + bodyLength);
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bodyEnd);
        long stored = ByteBuffer.wrap(bytes, bodyEnd, CHECKSUM_BYTES).order(ByteOrder.BIG_ENDIAN).getInt() & 0xFFFFFFFFL;
        if (stored != crc.getValue()) {
            throw new ParameterFileException(Kind.CHECKSUM_MISMATCH, source, String.format(
                    "stored CRC32 %08x, computed %08x: the file is corrupted", stored, crc.getValue()));
        }
        ByteBuffer body = ByteBuffer.wrap(bytes, HEADER_BYTES, (int) bodyLength).slice().order(ByteOrder.BIG_ENDIAN);
        try {
            Map<String, DMatrixRMaj> matrices = new LinkedHashMap<>();
            int nm = count(body, "matrix", source);
            for (int k = 0; k < nm; k++) {
                String name = readString(body, source);
                int rows = body.getInt();
                int cols = body.getInt();
                if (rows < 0 || cols < 0 || (long) rows * cols * 8 > body.remaining()) {
                    throw new ParameterFileException(Kind.MALFORMED, source, "matrix '" + name + "' declares shape "
                            + rows + "x" + cols + ", which does not fit in the remaining " + body.remaining() + " bytes");
                }
                DMatrixRMaj m = new DMatrixRMaj(rows, cols);
                for (int i = 0; i < rows * cols; i++) {
                    m.data[i] = Double.longBitsToDouble(body.getLong());
                }
                if (matrices.put(name, m) != null) {
                    throw new ParameterFileException(Kind.MALFORMED, source, "matrix name '" + name + "' occurs twice");
                }
            }
            Map<String, String> metadata = new LinkedHashMap<>();
            int nmeta = count(body, "metadata", source);
            for (int k = 0; k < nmeta; k++) {
                String key = readString(body, source);
                if (metadata.put(key, readString(body, source)) != null) {
                    throw new ParameterFileException(Kind.MALFORMED, source, "metadata key '" + key + "' occurs twice");
                }
            }
            Map<String, byte[]> blobs = new LinkedHashMap<>();
            int nb = count(body, "blob", source);
            for (int k = 0; k < nb; k++) {
                String name = readString(body, source);
                int len = count(body, "blob byte", source);
                byte[] b = new byte[len];
                body.get(b);
                if (blobs.put(name, b) != null) {
                    throw new ParameterFileException(Kind.MALFORMED, source, "blob name '" + name + "' occurs twice");
                }
            }
            if (body.hasRemaining()) {
                throw new ParameterFileException(Kind.MALFORMED, source, body.remaining() + " unparsed bytes at the end of the body");
            }
            return new Contents(Collections.unmodifiableMap(matrices), Collections.unmodifiableMap(metadata),
                    Collections.unmodifiableMap(blobs));
        } catch (BufferUnderflowException e) {
            throw new ParameterFileException(Kind.MALFORMED, source, "body ends in the middle of an entry");
        }
    }

    private static int count(ByteBuffer b, String what, Path source) throws ParameterFileException {
        int n = b.getInt();
        if (n < 0 || n > b.remaining()) {
            throw new ParameterFileException(Kind.MALFORMED, source, what + " count " + n + " is impossible with "
                    + b.remaining() + " bytes left");
        }
        return n;
    }

    private static String readString(ByteBuffer b, Path source) throws ParameterFileException {
        int len = count(b, "string length", source);
        byte[] s = new byte[len];
        b.get(s);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(s)).toString();
        } catch (CharacterCodingException e) {
            throw new ParameterFileException(Kind.MALFORMED, source, "a name is not valid UTF-8");
        }
    }

    // ------------------------------------------------------------------------------------------
    // Loading into a module
    // ------------------------------------------------------------------------------------------

    /** Reads {@code file} and loads all of its matrices into {@code module} ({@link #load(Map, Module, Path)}). */
    public static void load(Path file, Module module) throws IOException {
        load(read(file).matrices(), module, file);
    }

    /**
     * Copies {@code matrices} into the module's parameters. The names must match exactly (no parameter
     * missing from the map, no extra entry in it) and every shape must agree; everything is checked
     * before any parameter changes.
     *
     * @param source the file the matrices came from, named in error messages
     */
    public static void load(Map<String, DMatrixRMaj> matrices, Module module, Path source) throws ParameterFileException {
        Map<String, Parameter> params = module.namedParameters();
        List<String> missing = new ArrayList<>();
        for (String name : params.keySet()) {
            if (!matrices.containsKey(name)) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new ParameterFileException(Kind.MISSING_NAME, source, "the module's parameters " + missing
                    + " are not in the file (file has " + matrices.keySet() + ")");
        }
        List<String> extra = new ArrayList<>();
        for (String name : matrices.keySet()) {
            if (!params.containsKey(name)) {
                extra.add(name);
            }
        }
        if (!extra.isEmpty()) {
            throw new ParameterFileException(Kind.EXTRA_NAME, source, "the file's entries " + extra
                    + " are not parameters of the module (module has " + params.keySet() + ")");
        }
        for (Map.Entry<String, Parameter> e : params.entrySet()) {
            DMatrixRMaj m = matrices.get(e.getKey());
            Parameter p = e.getValue();
            if (m.numRows != p.rows() || m.numCols != p.cols()) {
                throw new ParameterFileException(Kind.SHAPE_MISMATCH, source, "parameter '" + e.getKey() + "' is "
                        + m.numRows + "x" + m.numCols + " in the file but " + p.rows() + "x" + p.cols() + " in the module");
            }
        }
        for (Map.Entry<String, Parameter> e : params.entrySet()) {
            DMatrixRMaj m = matrices.get(e.getKey());
            System.arraycopy(m.data, 0, e.getValue().value().data, 0, e.getValue().size());
        }
    }

    private static String hex(byte[] b, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to; i++) {
            sb.append(String.format("%02x", b[i] & 0xff));
        }
        return sb.toString();
    }
}
