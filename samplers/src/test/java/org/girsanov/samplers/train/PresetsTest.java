package org.girsanov.samplers.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The CPU protocol depends on (sampler, loss, dimension) only: two targets of one dimension get the same run. */
class PresetsTest {

    static Map<String, String> withoutTarget(TrainingConfig c) {
        Map<String, String> m = new java.util.LinkedHashMap<>(c.toMap());
        m.remove("target");
        return m;
    }

    @Test
    void protocolIsBlindToTheTargetsName() {
        for (String loss : TrainingConfig.LOSSES) {
            assertEquals(withoutTarget(Presets.cpu("gmm9", 2, "pis", loss)), withoutTarget(Presets.cpu("gaussian:d=2", 2, "pis", loss)), loss);
        }
        assertEquals(256, Presets.cpu("x", 49, "dis", "lv").batch());
        assertEquals(128, Presets.cpu("x", 50, "dis", "lv").batch());
        assertEquals(1.0, Presets.cpu("x", 2, "pis", "kl").exploration());
        assertEquals(Presets.EXPLORATION, Presets.cpu("x", 2, "pis", "lv").exploration());
        assertEquals(Presets.LOG_Z_LR_SCALE, Presets.cpu("x", 2, "gfn", "tb").logZLrScale());
        assertThrows(IllegalArgumentException.class, () -> Presets.cpu("x", 0, "pis", "lv"));
    }
}
