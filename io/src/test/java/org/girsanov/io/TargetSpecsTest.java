package org.girsanov.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.girsanov.samplers.targets.GaussianMixture;
import org.girsanov.samplers.targets.ManyWell;
import org.girsanov.samplers.targets.MixtureTarget;
import org.girsanov.samplers.targets.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TargetSpecsTest {

    @Test
    void namedTargets() {
        assertEquals(2, TargetSpecs.parse("gmm9").dimension());
        assertEquals(25, ((MixtureTarget) TargetSpecs.parse("gmm25")).components());
        assertEquals(40, ((MixtureTarget) TargetSpecs.parse("gmm40")).components());
        assertEquals(10, TargetSpecs.parse("funnel10").dimension());
        assertEquals(-0.541056, TargetSpecs.parse("mw5").logZ().getAsDouble(), 1e-5);
        assertEquals(50, TargetSpecs.parse("mw50").dimension());
    }

    @Test
    void parameters() {
        assertEquals(7, TargetSpecs.parse("funnel:d=7").dimension());
        assertEquals(10, TargetSpecs.parse("funnel").dimension());
        ManyWell mw = (ManyWell) TargetSpecs.parse("manywell:d=5,w=5,delta=4");
        assertEquals(-0.541056, mw.logZ().getAsDouble(), 1e-5);
        ManyWell mw2 = (ManyWell) TargetSpecs.parse(" manywell : d=8, w=2 ");
        assertEquals(8, mw2.dimension());
        assertEquals(2, mw2.wells());
        Target g = TargetSpecs.parse("gaussian:d=4,logz=1.5,var=2");
        assertEquals(4, g.dimension());
        assertEquals(1.5, g.logZ().getAsDouble());
        assertEquals(3, TargetSpecs.parse("gaussian").dimension());
        assertEquals(16, ((MixtureTarget) TargetSpecs.parse("grid:size=4,spacing=3")).components());
    }

    @Test
    void fileParametersBecomeAbsoluteAndNothingElseChanges() {
        java.nio.file.Path abs = java.nio.file.Path.of("dir/../m.json").toAbsolutePath().normalize();
        assertEquals("gmm:file=" + abs, TargetSpecs.withAbsolutePaths("gmm:file=dir/../m.json"));
        java.nio.file.Path data = java.nio.file.Path.of("d.csv").toAbsolutePath();
        assertEquals("logistic:prior=2,data=" + data + ",standardize=true",
                TargetSpecs.withAbsolutePaths("logistic:prior=2,data=d.csv,standardize=true"));
        assertEquals("gmm9", TargetSpecs.withAbsolutePaths("gmm9"));
        assertEquals("funnel:d=3", TargetSpecs.withAbsolutePaths("funnel:d=3"));
        assertEquals("gmm:file=" + abs, TargetSpecs.withAbsolutePaths("gmm:file=" + abs));
    }

    @Test
    void unknownNameListsValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TargetSpecs.parse("gmm8"));
        assertTrue(e.getMessage().contains("gmm8") && e.getMessage().contains("gmm9")
                && e.getMessage().contains("manywell:d=5,w=5,delta=4"), e.getMessage());
    }

    @Test
    void unknownOrMalformedParameter() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TargetSpecs.parse("funnel:dim=3"));
        assertTrue(e.getMessage().contains("dim=3") && e.getMessage().contains("[d, scale]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TargetSpecs.parse("funnel:d=ten"));
        assertTrue(e.getMessage().contains("integer") && e.getMessage().contains("ten"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TargetSpecs.parse("gmm9:d=3"));
        assertTrue(e.getMessage().contains("none"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TargetSpecs.parse("gmm"));
        assertTrue(e.getMessage().contains("file="), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TargetSpecs.parse(""));
        assertThrows(IllegalArgumentException.class, () -> TargetSpecs.parse("funnel:d=1"));
    }

    @Test
    void mixtureFromJson(@TempDir Path dir) throws IOException {
        Path full = dir.resolve("full.json");
        Files.writeString(full, "{\"name\": \"two\", \"means\": [[0, 0], [3, 1]],\n"
                + " \"covariances\": [[[1, 0], [0, 1]], [[2, 0.5], [0.5, 1e0]]], \"weights\": [1, 3]}");
        GaussianMixture m = (GaussianMixture) TargetSpecs.parse("gmm:file=" + full);
        assertEquals("two", m.name());
        assertEquals(0.75, m.weights()[1], 1e-15);
        assertEquals(0.5, m.covariance(1).get(0, 1), 1e-14);

        Path diag = dir.resolve("diag.json");
        Files.writeString(diag, "{\"means\": [[0, 0, 0], [1, 1, 1]], \"variances\": [0.5, [1, 2, 3]]}");
        GaussianMixture d = (GaussianMixture) TargetSpecs.parse("gmm:file=" + diag);
        assertEquals(3, d.dimension());
        assertEquals(0.5, d.covariance(0).get(2, 2), 1e-14);
        assertEquals(3.0, d.covariance(1).get(2, 2), 1e-14);
        assertEquals(0.5, d.weights()[0]);
    }

    @Test
    void badJsonIsReportedWithTheFile(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"means\": [[0, 0], [1]], \"variances\": [1, 1]}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TargetSpecs.parse("gmm:file=" + bad));
        assertTrue(e.getMessage().contains("bad.json") && e.getMessage().contains("dimension"), e.getMessage());
        Files.writeString(bad, "{\"means\": [[0, 0]], \"variances\": [1,]}");
        e = assertThrows(IllegalArgumentException.class, () -> TargetSpecs.parse("gmm:file=" + bad));
        assertTrue(e.getMessage().contains("offset"), e.getMessage());
        Files.writeString(bad, "{\"means\": [[0, 0]], \"sigmas\": [1]}");
        e = assertThrows(IllegalArgumentException.class, () -> TargetSpecs.parse("gmm:file=" + bad));
        assertTrue(e.getMessage().contains("sigmas") && e.getMessage().contains("variances"), e.getMessage());
    }
}
