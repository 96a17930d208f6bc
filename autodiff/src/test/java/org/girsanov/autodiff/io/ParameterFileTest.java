package org.girsanov.autodiff.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.TestData;
import org.girsanov.autodiff.io.ParameterFileException.Kind;
import org.girsanov.autodiff.nn.Activation;
import org.girsanov.autodiff.nn.Linear;
import org.girsanov.autodiff.nn.Init;
import org.girsanov.autodiff.nn.Mlp;
import org.girsanov.autodiff.nn.Parameter;
import org.girsanov.autodiff.optim.Adam;
import org.girsanov.autodiff.optim.Ema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParameterFileTest {
    @TempDir
    Path dir;

    Mlp mlp(long seed) {
        return new Mlp("control", new int[] {2, 6, 3}, Activation.TANH, TestData.rng(seed), false);
    }

    @Test
    void moduleRoundTripsBitwise() throws IOException {
        Mlp a = mlp(1);
        Path f = dir.resolve("model.gpar");
        ParameterFile.write(f, a);
        Mlp b = mlp(2);
        ParameterFile.load(f, b);
        for (int k = 0; k < a.parameters().size(); k++) {
            assertArrayEquals(a.parameters().get(k).value().data, b.parameters().get(k).value().data);
        }
        // written atomically: no temporary files left; rewriting replaces
        ParameterFile.write(f, b);
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(f), s.toList());
        }
    }

    @Test
    void contentsRoundTripBitwiseIncludingSpecialValues() throws IOException {
        ParameterFile.Contents c = new ParameterFile.Contents();
        c.matrices().put("special", new DMatrixRMaj(1, 5, true, -0.0, Double.NaN, Double.MIN_VALUE,
                Double.POSITIVE_INFINITY, Double.longBitsToDouble(0x7ff8_0000_0000_1234L)));
        c.metadata().put("step", "1234");
        c.metadata().put("note", "ünïcødé ∇·f");
        c.blobs().put("rng", new byte[] {1, 2, 3, -4});
        Path f = dir.resolve("c.gpar");
        ParameterFile.write(f, c);
        ParameterFile.Contents r = ParameterFile.read(f);
        double[] in = c.matrices().get("special").data;
        double[] out = r.matrices().get("special").data;
        for (int i = 0; i < 5; i++) {
            assertEquals(Double.doubleToRawLongBits(in[i]), Double.doubleToRawLongBits(out[i]));
        }
        assertEquals(c.metadata(), r.metadata());
        assertArrayEquals(c.blobs().get("rng"), r.blobs().get("rng"));
        assertArrayEquals(ParameterFile.encode(c), Files.readAllBytes(f));
    }

    @Test
    void checkpointOfParametersAdamEmaStepAndMetadata() throws IOException {
        Mlp m = mlp(3);
        Adam adam = new Adam(m.parameters(), 1e-3);
        Ema ema = new Ema(m.parameters(), 0.99);
        for (Parameter p : m.parameters()) {
            for (int i = 0; i < p.size(); i++) {
                p.grad().data[i] = 0.1 * (i + 1);
            }
        }
        adam.step();
        ema.update();
        ParameterFile.Contents c = new ParameterFile.Contents()
                .putModule("param/", m).putMatrices("adam/", adam.state()).putMatrices("", ema.state());
        c.metadata().put("adam.step", Long.toString(adam.stepCount()));
        c.metadata().put("ema.updates", Long.toString(ema.updateCount()));
        Path f = dir.resolve("ckpt.gpar");
        ParameterFile.write(f, c);

        ParameterFile.Contents r = ParameterFile.read(f);
        Mlp m2 = mlp(4);
        ParameterFile.load(r.matricesWithPrefix("param/"), m2, f);
        Adam adam2 = new Adam(m2.parameters(), 1e-3);
        adam2.loadState(Long.parseLong(r.metadata().get("adam.step")), r.matricesWithPrefix("adam/"));
        Ema ema2 = new Ema(m2.parameters(), 0.99);
        ema2.loadState(Long.parseLong(r.metadata().get("ema.updates")), r.matrices());
        assertEquals(1, adam2.stepCount());
        for (int k = 0; k < m.parameters().size(); k++) {
            assertArrayEquals(adam.firstMoment(k).data, adam2.firstMoment(k).data);
            assertArrayEquals(adam.secondMoment(k).data, adam2.secondMoment(k).data);
            assertArrayEquals(ema.shadow(k).data, ema2.shadow(k).data);
            assertArrayEquals(m.parameters().get(k).value().data, m2.parameters().get(k).value().data);
        }
    }

    // ---- corruptions: each gives its named error, and the message names the file ----

    Path written() throws IOException {
        Path f = dir.resolve("victim.gpar");
        ParameterFile.write(f, mlp(5));
        return f;
    }

    void expect(Kind kind, Path f, String detail) {
        ParameterFileException e = assertThrows(ParameterFileException.class, () -> ParameterFile.read(f));
        assertEquals(kind, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(detail), e.getMessage());
    }

    @Test
    void flippedBodyByteIsAChecksumMismatch() throws IOException {
        Path f = written();
        byte[] b = Files.readAllBytes(f);
        for (int pos : new int[] {ParameterFile.HEADER_BYTES + 3, b.length / 2, b.length - 5, b.length - 1}) {
            byte[] c = b.clone();
            c[pos] ^= 0x10;
            Files.write(f, c);
            expect(Kind.CHECKSUM_MISMATCH, f, "CRC32");
        }
    }

    @Test
    void badMagic() throws IOException {
        Path f = written();
        byte[] b = Files.readAllBytes(f);
        b[2] = 'X';
        Files.write(f, b);
        expect(Kind.BAD_MAGIC, f, "GIRSPARM");
    }

    @Test
    void wrongVersion() throws IOException {
        Path f = written();
        byte[] b = Files.readAllBytes(f);
        b[11] = 2;
        Files.write(f, b);
        expect(Kind.UNSUPPORTED_VERSION, f, "version 2");
    }

    @Test
    void truncated() throws IOException {
        Path f = written();
        byte[] b = Files.readAllBytes(f);
        Files.write(f, java.util.Arrays.copyOf(b, b.length - 9));
        expect(Kind.TRUNCATED, f, "header declares");
        Files.write(f, java.util.Arrays.copyOf(b, 5));
        expect(Kind.TRUNCATED, f, "5 bytes");
        Files.write(f, java.util.Arrays.copyOf(b, 14));
        expect(Kind.TRUNCATED, f, "14 bytes");
    }

    @Test
    void trailingGarbageIsMalformed() throws IOException {
        Path f = written();
        byte[] b = Files.readAllBytes(f);
        Files.write(f, java.util.Arrays.copyOf(b, b.length + 3));
        expect(Kind.MALFORMED, f, "3 trailing bytes");
    }

    void expectLoad(Kind kind, Path f, Mlp target, String detail) {
        ParameterFileException e = assertThrows(ParameterFileException.class, () -> ParameterFile.load(f, target));
        assertEquals(kind, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains(detail), e.getMessage());
    }

    @Test
    void wrongShape() throws IOException {
        Path f = written();
        Mlp wider = new Mlp("control", new int[] {2, 7, 3}, Activation.TANH, TestData.rng(6), false);
        DMatrixRMaj before = wider.parameters().get(0).value().copy();
        expectLoad(Kind.SHAPE_MISMATCH, f, wider, "'control.layer0.W' is 2x6 in the file but 2x7 in the module");
        assertArrayEquals(before.data, wider.parameters().get(0).value().data, "nothing changes on failure");
    }

    @Test
    void wrongNames() throws IOException {
        Path f = written();
        Mlp renamed = new Mlp("drift", new int[] {2, 6, 3}, Activation.TANH, TestData.rng(6), false);
        expectLoad(Kind.MISSING_NAME, f, renamed, "drift.layer0.W");
        Path small = dir.resolve("small.gpar");
        ParameterFile.write(small, new Linear("control.layer0", 2, 6, Init.ZEROS, TestData.rng(1)));
        expectLoad(Kind.MISSING_NAME, small, mlp(7), "control.layer1.W");
        ParameterFileException e = assertThrows(ParameterFileException.class,
                () -> ParameterFile.load(f, new Linear("control.layer0", 2, 6, Init.ZEROS, TestData.rng(1))));
        assertEquals(Kind.EXTRA_NAME, e.kind());
        assertTrue(e.getMessage().contains("control.layer1.W") && e.getMessage().contains(f.toString()), e.getMessage());
    }

    @Test
    void missingPrefixedEntriesInACheckpoint() {
        Mlp m = mlp(8);
        Map<String, DMatrixRMaj> none = Map.of();
        ParameterFileException e = assertThrows(ParameterFileException.class,
                () -> ParameterFile.load(none, m, Path.of("ckpt.gpar")));
        assertEquals(Kind.MISSING_NAME, e.kind());
    }
}
