package org.girsanov.samplers.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.girsanov.sde.TimeGrid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The typed config: its specs, its checks and the flat string form of config.json and checkpoints. */
class TrainingConfigTest {
    /**
     * {@code toMap()} of a config with every field off its default, as the flat-record TrainingConfig (before the
     * typed one) wrote it into config.json and checkpoints.
     */
    static final String WRITTEN_BEFORE = "target=manywell:d=5,w=5,delta=4, sampler=bridge, loss=tb, steps=37, batch=96, "
            + "iterations=1234, lr=0.003, lr_final=2.0E-4, clip=0.5, ema_decay=0.95, seed=-42, threads=3, chunk_size=32, "
            + "horizon=2.5, sigma=0.7, width=48, layers=3, langevin=false, exploration=1.5, eval_every=7, eval_paths=999, "
            + "checkpoint_every=11, grid=power:2, replay_every=4, divergence=hutchinson:3, logz_lr_scale=50.0";
    /** {@code toMap()} of the pre-typed {@code defaults("gmm9", "pis", "kl")}. */
    static final String DEFAULTS_BEFORE = "target=gmm9, sampler=pis, loss=kl, steps=100, batch=512, iterations=2000, "
            + "lr=0.005, lr_final=1.0E-4, clip=1.0, ema_decay=0.99, seed=0, threads=2, chunk_size=64, horizon=0.0, "
            + "sigma=0.0, width=64, layers=2, langevin=true, exploration=1.0, eval_every=100, eval_paths=20000, "
            + "checkpoint_every=500, grid=uniform, replay_every=0, divergence=none, logz_lr_scale=1.0";

    /** The ordered map of a {@code k=v, k=v} listing (no value holds ", "). */
    static Map<String, String> map(String listing) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String kv : listing.split(", ")) {
            int eq = kv.indexOf('=');
            m.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        return m;
    }

    @Test
    void theDefaultChunkSizeFollowsTheBatchAndAGivenOneStays() {
        assertEquals(64, TrainingConfig.Run.defaultChunkSize(1));
        assertEquals(64, TrainingConfig.Run.defaultChunkSize(512));
        assertEquals(128, TrainingConfig.Run.defaultChunkSize(1024));
        assertEquals(256, TrainingConfig.Run.defaultChunkSize(2048));
        assertEquals(256, TrainingConfig.Run.defaultChunkSize(100_000));
        TrainingConfig d = TrainingConfig.defaults("gmm9", SamplerKind.PIS, LossKind.LV);
        assertEquals(64, d.run().chunkSize());
        assertEquals(256, d.withBatch(2048).run().chunkSize());
        assertEquals(64, d.withBatch(2048).withBatch(512).run().chunkSize());
        // the thread count never moves it (results do not depend on threads)
        assertEquals(256, d.withBatch(2048).withThreads(7).run().chunkSize());
        TrainingConfig given = d.toBuilder().chunkSize(32).build();
        assertEquals(32, given.withBatch(2048).run().chunkSize());
        assertEquals(256, given.toBuilder().defaultChunkSize().batch(2048).build().run().chunkSize());
        // a checkpoint's chunk size is read as given, whatever its batch's default
        Map<String, String> m = d.withBatch(2048).toMap();
        m.put("chunk_size", "64");
        assertEquals(64, TrainingConfig.fromMap(m).run().chunkSize());
        m.remove("chunk_size");
        assertEquals(256, TrainingConfig.fromMap(m).run().chunkSize());
    }

    @Test
    void aConfigWrittenBeforeTheTypedConfigReadsAndWritesBackTheSame() {
        TrainingConfig c = TrainingConfig.fromMap(map(WRITTEN_BEFORE));
        assertEquals("manywell:d=5,w=5,delta=4", c.targetSpec());
        assertEquals(SamplerKind.BRIDGE, c.sampler());
        assertEquals(LossKind.TB, c.loss());
        assertEquals(new TrainingConfig.Discretisation(37, GridSpec.power(2), 2.5, 0.7, 0, Standardisation.NONE), c.time());
        assertEquals(new TrainingConfig.Optimisation(96, 1234, 3e-3, 2e-4, 0.5, 0.95, 50), c.optimisation());
        assertEquals(new TrainingConfig.Network(48, 3, false), c.network());
        assertEquals(new TrainingConfig.Exploration(1.5, 4), c.exploration());
        assertEquals(DivergenceForm.hutchinson(3), c.divergence());
        assertEquals(new TrainingConfig.Run(-42, 3, 32, 7, 999, 11), c.run());
        assertEquals(List.copyOf(map(WRITTEN_BEFORE).entrySet()), List.copyOf(c.toMap().entrySet()));

        TrainingConfig d = TrainingConfig.defaults("gmm9", SamplerKind.PIS, LossKind.KL);
        assertEquals(List.copyOf(map(DEFAULTS_BEFORE).entrySet()), List.copyOf(d.toMap().entrySet()));
        assertEquals(d, TrainingConfig.fromMap(map(DEFAULTS_BEFORE)));
    }

    @Test
    void thePriorStdOfTheAnnealedSamplersReachesTheirPriorAndIsRefusedElsewhere() {
        for (SamplerKind k : List.of(SamplerKind.CMCD, SamplerKind.MCD, SamplerKind.NETS, SamplerKind.LDVI, SamplerKind.PINN)) {
            TrainingConfig c = TrainingConfig.defaults("gmm9", k, k.defaultLoss()).toBuilder().priorStd(3.5).steps(4).build();
            assertEquals(c, TrainingConfig.fromMap(c.toMap()), k + ": prior_std written and read back");
            org.girsanov.samplers.families.Sampler m = SamplerFactory.model(c, org.girsanov.samplers.targets.GridMixture.gmm9());
            org.ejml.data.DMatrixRMaj x = m.prior().sample(4000, org.apache.commons.rng.simple.RandomSource.XO_RO_SHI_RO_128_PP.create(1L));
            double ss = 0;
            for (int i = 0; i < 4000; i++) {
                ss += x.get(i, 0) * x.get(i, 0);
            }
            assertEquals(3.5, Math.sqrt(ss / 4000), 0.15, k + ": the prior's std (of the positions)");
        }
        assertEquals(0.0, TrainingConfig.defaults("gmm9", SamplerKind.CMCD, LossKind.LV).time().priorStd(),
                "unset by default: N(0, I)");
        assertFalse(TrainingConfig.defaults("gmm9", SamplerKind.CMCD, LossKind.LV).toMap().containsKey("prior_std"),
                "a default prior writes no key, so older configs compare equal");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainingConfig.defaults("gmm9", SamplerKind.DDS, LossKind.LV).toBuilder().priorStd(2).build());
        assertTrue(e.getMessage().startsWith("priorStd = 2.0 applies to the annealed samplers"), e.getMessage());
    }

    @Test
    void aFloat32NetworkIsWrittenReadBackAndRefusedWhereItCannotApply() {
        TrainingConfig c = TrainingConfig.defaults("gmm9", SamplerKind.PIS, LossKind.LV).toBuilder()
                .precision(org.girsanov.autodiff.nn.Precision.FLOAT32).build();
        assertEquals("float32", c.toMap().get("precision"));
        assertEquals(c, TrainingConfig.fromMap(c.toMap()));
        assertFalse(TrainingConfig.defaults("gmm9", SamplerKind.PIS, LossKind.LV).toMap().containsKey("precision"),
                "float64 writes no key, so older configs compare equal");
        message("precision = 'half'; allowed: float64, float32", () -> TrainingConfig.fromMap(
                new java.util.HashMap<>(Map.of("target", "gmm9", "sampler", "pis", "loss", "lv", "precision", "half"))));
        for (SamplerKind k : List.of(SamplerKind.NETS, SamplerKind.PINN, SamplerKind.LRDS, SamplerKind.LDVI)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainingConfig.defaults("gmm9", k,
                    k.defaultLoss()).toBuilder().precision(org.girsanov.autodiff.nn.Precision.FLOAT32).build());
            assertTrue(e.getMessage().startsWith("precision = float32 applies to the control networks of pis, dds, dis, bridge,"
                    + " gfn, cmcd, mcd, idem; " + k.id() + " needs precision = float64"), e.getMessage());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainingConfig.defaults("gmm9",
                SamplerKind.BRIDGE, LossKind.LV).toBuilder().precision(org.girsanov.autodiff.nn.Precision.FLOAT32)
                .divergence(DivergenceForm.EXACT).build());
        assertTrue(e.getMessage().contains("differentiates the network twice"), e.getMessage());
    }

    @Test
    void keysAnOlderConfigLacksTakeTheDefaults() {
        Map<String, String> m = map(DEFAULTS_BEFORE);
        for (String k : List.of("grid", "replay_every", "divergence", "logz_lr_scale", "exploration")) {
            m.remove(k);
        }
        assertEquals(TrainingConfig.defaults("gmm9", SamplerKind.PIS, LossKind.KL), TrainingConfig.fromMap(m));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainingConfig.fromMap(Map.of("target", "gmm9", "sampler", "pis")));
        assertEquals("config: missing key 'loss'", e.getMessage());
    }

    @Test
    void gridSpecsReadAndWriteBack() {
        for (String spec : List.of("uniform", "jittered", "cosine", "power:2", "power:1.5", "power:0.25")) {
            assertEquals(spec, GridSpec.parse(spec).toString());
        }
        assertEquals(GridSpec.power(2), GridSpec.parse("power:2.0"));
        assertTrue(GridSpec.JITTERED.jittered());
        assertFalse(GridSpec.UNIFORM.jittered());
        assertEquals(TimeGrid.uniform(5, 8), GridSpec.JITTERED.on(5, 8));
        assertEquals(TimeGrid.power(5, 8, 1.5), GridSpec.parse("power:1.5").on(5, 8));
        assertEquals(TimeGrid.cosine(1, 4), GridSpec.COSINE.on(1, 4));
        message("grid = 'bogus'; allowed: uniform, jittered, cosine, power:κ (e.g. power:2)", () -> GridSpec.parse("bogus"));
        message("grid = 'power:x': κ is not a number; allowed: uniform, jittered, cosine, power:κ",
                () -> GridSpec.parse("power:x"));
        message("grid = 'power:-1': kappa = -1.0; must be finite and > 0", () -> GridSpec.parse("power:-1"));
    }

    @Test
    void divergenceFormsReadAndWriteBack() {
        for (String spec : List.of("none", "exact", "hutchinson", "hutchinson:3")) {
            assertEquals(spec, DivergenceForm.parse(spec).toString());
        }
        assertEquals(DivergenceForm.hutchinson(1), DivergenceForm.parse("hutchinson:1"));
        assertEquals(0, DivergenceForm.EXACT.probes());
        assertEquals(3, DivergenceForm.parse("hutchinson:3").probes());
        String allowed = "; allowed: none, exact, hutchinson, hutchinson:m (m >= 1 probes)";
        message("divergence = 'hutchinson:0'" + allowed, () -> DivergenceForm.parse("hutchinson:0"));
        message("divergence = 'bogus'" + allowed, () -> DivergenceForm.parse("bogus"));
    }

    @Test
    void samplersAndLossesByName() {
        assertEquals(List.of("pis", "dds", "dis", "bridge", "gfn", "cmcd", "mcd", "lrds", "rdmc", "idem", "nets", "ldvi", "pinn"),
                SamplerKind.ids());
        assertEquals(List.of("kl", "lv", "tb", "db", "subtb", "dem", "nets", "pinn", "none"), LossKind.ids());
        for (SamplerKind k : SamplerKind.values()) {
            assertEquals(k, SamplerKind.parse(k.id()));
        }
        for (LossKind k : LossKind.values()) {
            assertEquals(k, LossKind.parse(k.id()));
            assertEquals(k != LossKind.KL && k.pathSpace(), k.offPolicy());
            assertEquals(k != LossKind.DEM && k != LossKind.NETS && k != LossKind.PINN && k != LossKind.NONE,
                    k.pathSpace());
            assertEquals(List.of(LossKind.TB, LossKind.DB, LossKind.SUBTB).contains(k), k.learnsLogZ());
        }
        message("sampler = 'PIS'; allowed: pis, dds, dis, bridge, gfn, cmcd, mcd, lrds, rdmc, idem, nets, ldvi, pinn", () -> SamplerKind.parse("PIS"));
        message("loss = 'x'; allowed: kl, lv, tb, db, subtb, dem, nets, pinn, none", () -> LossKind.parse("x"));
        for (SamplerKind k : SamplerKind.values()) {
            assertEquals(k, TrainingConfig.defaults("gmm9", k, k.defaultLoss()).sampler(), k.id());
        }
        message("loss = lv; idem trains by its own regression: loss = dem",
                () -> TrainingConfig.defaults("gmm9", SamplerKind.IDEM, LossKind.LV));
        message("loss = dem; dem is the loss of the idem sampler only; pis trains with one of kl, lv, tb, db, subtb",
                () -> TrainingConfig.defaults("gmm9", SamplerKind.PIS, LossKind.DEM));
        message("loss = lv; rdmc learns nothing: loss = none",
                () -> TrainingConfig.defaults("gmm9", SamplerKind.RDMC, LossKind.LV));
        message("loss = none; lrds is trained: give one of kl, lv, tb, db, subtb",
                () -> TrainingConfig.defaults("gmm9", SamplerKind.LRDS, LossKind.NONE));
        message("scoreDraws = 0; must be >= 1",
                () -> TrainingConfig.defaults("gmm9", SamplerKind.RDMC, LossKind.NONE).toBuilder().scoreDraws(0).build());
        message("exploration = 2.0 applies to the off-policy path-space losses only; dem explores by its own replay buffer",
                () -> TrainingConfig.defaults("gmm9", SamplerKind.IDEM, LossKind.DEM).toBuilder().exploration(2.0).build());
        TrainingConfig idem = TrainingConfig.defaults("gmm9", SamplerKind.IDEM, LossKind.DEM).toBuilder().scoreDraws(7).build();
        assertEquals("7", idem.toMap().get("score_draws"));
        assertEquals(idem, TrainingConfig.fromMap(idem.toMap()));
        assertEquals(null, TrainingConfig.defaults("gmm9", SamplerKind.PIS, LossKind.LV).toMap().get("score_draws"),
                "the keys of the earlier samplers are unchanged");
    }

    /** The messages start with the field's name, which the CLI maps to its flag. */
    @Test
    void eachPartChecksItsFieldsAndTheConfigHowTheyCombine() {
        TrainingConfig.Builder b = TrainingConfig.defaults("gmm9", SamplerKind.PIS, LossKind.LV).toBuilder();
        message("steps = 0; must be >= 1", () -> b.steps(0).build());
        b.steps(10);
        message("batch = -3; must be >= 1", () -> b.batch(-3).build());
        b.batch(8);
        message("iterations = -1; must be >= 0", () -> b.iterations(-1).build());
        b.iterations(5);
        message("lr = 0.0, lrFinal = 1.0E-4; both must be > 0", () -> b.lr(0).build());
        b.lr(1e-3);
        message("emaDecay = 1.0; must be in [0, 1)", () -> b.emaDecay(1).build());
        b.emaDecay(0);
        message("logZLrScale = NaN; must be finite and > 0", () -> b.logZLrScale(Double.NaN).build());
        b.logZLrScale(1);
        message("width = 0; must be >= 1", () -> b.width(0).build());
        b.width(4);
        message("layers = -1; must be >= 0", () -> b.layers(-1).build());
        b.layers(1);
        message("exploration = 0.5; must be finite and >= 1", () -> b.exploration(0.5).build());
        b.exploration(2);
        message("replayEvery = -1; must be >= 0 (0: no replay)", () -> b.replayEvery(-1).build());
        b.replayEvery(0);
        message("threads = 0; must be >= 1", () -> b.threads(0).build());
        b.threads(1);
        message("chunkSize = 0; must be >= 1", () -> b.chunkSize(0).build());
        b.chunkSize(64);
        message("evalPaths = 0; must be >= 1", () -> b.evalPaths(0).build());
        b.evalPaths(100);
        message("exploration = 2.0 needs an off-policy loss (lv, tb, db, subtb); kl is on-policy",
                () -> b.loss(LossKind.KL).build());
        b.exploration(1);
        message("replayEvery = 3 needs an off-policy loss (lv, tb, db, subtb); kl is on-policy",
                () -> b.replayEvery(3).build());
        b.replayEvery(0);
        message("divergence = 'exact' applies to the bridge, nets and pinn samplers only; pis needs divergence = none",
                () -> b.divergence(DivergenceForm.EXACT).build());
        assertEquals(DivergenceForm.EXACT, b.sampler(SamplerKind.BRIDGE).build().divergence());
        message("grid = null; required", () -> b.grid(null).build());
    }

    private static void message(String expected, Executable e) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, e).getMessage());
    }
}
