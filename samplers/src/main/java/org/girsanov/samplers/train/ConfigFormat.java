package org.girsanov.samplers.train;

import java.util.LinkedHashMap;
import java.util.Map;
import org.girsanov.autodiff.nn.Precision;

/**
 * The flat string form of a {@link TrainingConfig} in config.json and checkpoints: one key per field
 * ({@code steps}, {@code lr_final}, …), the sampler and loss by their ids, the grid and divergence as their specs.
 * Keys and values are those of every earlier version, so old run folders and checkpoints still read.
 */
final class ConfigFormat {
    private ConfigFormat() {
    }

    /** {@link TrainingConfig#toMap()}. */
    static Map<String, String> write(TrainingConfig c) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("target", c.targetSpec());
        m.put("sampler", c.sampler().id());
        m.put("loss", c.loss().id());
        m.put("steps", Integer.toString(c.time().steps()));
        m.put("batch", Integer.toString(c.optimisation().batch()));
        m.put("iterations", Integer.toString(c.optimisation().iterations()));
        m.put("lr", Double.toString(c.optimisation().lr()));
        m.put("lr_final", Double.toString(c.optimisation().lrFinal()));
        m.put("clip", Double.toString(c.optimisation().clip()));
        m.put("ema_decay", Double.toString(c.optimisation().emaDecay()));
        m.put("seed", Long.toString(c.run().seed()));
        m.put("threads", Integer.toString(c.run().threads()));
        m.put("chunk_size", Integer.toString(c.run().chunkSize()));
        m.put("horizon", Double.toString(c.time().horizon()));
        m.put("sigma", Double.toString(c.time().sigma()));
        if (c.time().priorStd() == TrainingConfig.Discretisation.PILOT) {
            m.put("prior_std", "pilot");
        } else if (c.time().priorStd() > 0) {
            m.put("prior_std", Double.toString(c.time().priorStd()));
        }
        if (c.time().standardise() != Standardisation.NONE) { // written when asked for: older run folders read the same
            m.put("standardise", c.time().standardise().id());
        }
        m.put("width", Integer.toString(c.network().width()));
        m.put("layers", Integer.toString(c.network().layers()));
        m.put("langevin", Boolean.toString(c.network().langevin()));
        if (c.network().precision() != Precision.FLOAT64) { // written when not the default: older run folders read the same
            m.put("precision", c.network().precision().toString());
        }
        m.put("exploration", Double.toString(c.exploration().kappa()));
        m.put("eval_every", Integer.toString(c.run().evalEvery()));
        m.put("eval_paths", Integer.toString(c.run().evalPaths()));
        m.put("checkpoint_every", Integer.toString(c.run().checkpointEvery()));
        m.put("grid", c.time().grid().toString());
        m.put("replay_every", Integer.toString(c.exploration().replayEvery()));
        m.put("divergence", c.divergence().toString());
        m.put("logz_lr_scale", Double.toString(c.optimisation().logZLrScale()));
        if (c.sampler() == SamplerKind.RDMC || c.sampler() == SamplerKind.IDEM) {
            m.put("score_draws", Integer.toString(c.marginal().scoreDraws()));
        }
        if (c.sampler() == SamplerKind.LDVI) {
            m.put("step", Double.toString(c.underdamped().step()));
            m.put("friction", Double.toString(c.underdamped().friction()));
            m.put("learn_step", Boolean.toString(c.underdamped().learn()));
        }
        return m;
    }

    /** {@link TrainingConfig#fromMap(Map)}. */
    static TrainingConfig read(Map<String, String> m) {
        TrainingConfig d = TrainingConfig.defaults(req(m, "target"), SamplerKind.parse(req(m, "sampler")),
                LossKind.parse(req(m, "loss")));
        TrainingConfig.Discretisation t = d.time();
        TrainingConfig.Optimisation o = d.optimisation();
        TrainingConfig.Network n = d.network();
        TrainingConfig.Exploration e = d.exploration();
        TrainingConfig.Run r = d.run();
        TrainingConfig.Builder b = d.toBuilder();
        if (m.containsKey("standardise")) {
            b.standardise(Standardisation.parse(m.get("standardise")));
        }
        if (m.containsKey("chunk_size")) { // absent: the batch's default
            b.chunkSize(i(m, "chunk_size", r.chunkSize()));
        }
        return b
                .steps(i(m, "steps", t.steps())).batch(i(m, "batch", o.batch()))
                .iterations(i(m, "iterations", o.iterations())).lr(x(m, "lr", o.lr()))
                .lrFinal(x(m, "lr_final", o.lrFinal())).clip(x(m, "clip", o.clip()))
                .emaDecay(x(m, "ema_decay", o.emaDecay()))
                .seed(Long.parseLong(m.getOrDefault("seed", Long.toString(r.seed()))))
                .threads(i(m, "threads", r.threads()))
                .horizon(x(m, "horizon", t.horizon())).sigma(x(m, "sigma", t.sigma())).priorStd(priorStd(m, t.priorStd()))
                .width(i(m, "width", n.width())).layers(i(m, "layers", n.layers()))
                .langevin(Boolean.parseBoolean(m.getOrDefault("langevin", Boolean.toString(n.langevin()))))
                .precision(m.containsKey("precision") ? Precision.parse("precision", m.get("precision")) : n.precision())
                .exploration(x(m, "exploration", e.kappa())).evalEvery(i(m, "eval_every", r.evalEvery()))
                .evalPaths(i(m, "eval_paths", r.evalPaths()))
                .checkpointEvery(i(m, "checkpoint_every", r.checkpointEvery()))
                .grid(m.containsKey("grid") ? GridSpec.parse(m.get("grid")) : t.grid())
                .replayEvery(i(m, "replay_every", e.replayEvery()))
                .divergence(m.containsKey("divergence") ? DivergenceForm.parse(m.get("divergence")) : d.divergence())
                .logZLrScale(x(m, "logz_lr_scale", o.logZLrScale()))
                .scoreDraws(i(m, "score_draws", d.marginal().scoreDraws()))
                .underdamped(new Underdamped(x(m, "step", d.underdamped().step()), x(m, "friction", d.underdamped().friction()),
                        Boolean.parseBoolean(m.getOrDefault("learn_step", Boolean.toString(d.underdamped().learn())))))
                .build();
    }

    private static String req(Map<String, String> m, String k) {
        String v = m.get(k);
        if (v == null) {
            throw new IllegalArgumentException("config: missing key '" + k + "'");
        }
        return v;
    }

    private static int i(Map<String, String> m, String k, int def) {
        String v = m.get(k);
        try {
            return v == null ? def : Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("config: " + k + " = '" + v + "' is not an integer");
        }
    }

    /** {@code prior_std}: a number, or {@code pilot} for {@link TrainingConfig.Discretisation#PILOT}. */
    private static double priorStd(Map<String, String> m, double def) {
        return "pilot".equals(m.get("prior_std")) ? TrainingConfig.Discretisation.PILOT : x(m, "prior_std", def);
    }

    private static double x(Map<String, String> m, String k, double def) {
        String v = m.get(k);
        try {
            return v == null ? def : Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("config: " + k + " = '" + v + "' is not a number");
        }
    }
}
