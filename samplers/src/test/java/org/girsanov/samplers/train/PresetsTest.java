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
        for (LossKind loss : LossKind.values()) {
            if (!loss.pathSpace()) {
                continue; // dem and none belong to idem and rdmc
            }
            assertEquals(withoutTarget(Presets.cpu("gmm9", 2, SamplerKind.PIS, loss)),
                    withoutTarget(Presets.cpu("gaussian:d=2", 2, SamplerKind.PIS, loss)), loss.id());
        }
        assertEquals(256, Presets.cpu("x", 49, SamplerKind.DIS, LossKind.LV).optimisation().batch());
        assertEquals(128, Presets.cpu("x", 50, SamplerKind.DIS, LossKind.LV).optimisation().batch());
        assertEquals(1.0, Presets.cpu("x", 2, SamplerKind.PIS, LossKind.KL).exploration().kappa());
        assertEquals(Presets.EXPLORATION, Presets.cpu("x", 2, SamplerKind.PIS, LossKind.LV).exploration().kappa());
        assertEquals(Presets.LOG_Z_LR_SCALE, Presets.cpu("x", 2, SamplerKind.GFN, LossKind.TB).optimisation().logZLrScale());
        assertThrows(IllegalArgumentException.class, () -> Presets.cpu("x", 0, SamplerKind.PIS, LossKind.LV));
        for (SamplerKind s : SamplerKind.values()) {
            TrainingConfig c = Presets.cpu("x", 10, s, s.defaultLoss());
            assertEquals(200, c.time().steps(), s.id());
            assertEquals(s == SamplerKind.BRIDGE ? 2000 : 4000, c.optimisation().iterations(), s.id());
        }
    }
}
