package org.girsanov.cli.commands;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.girsanov.autodiff.io.ParameterFile;
import org.girsanov.cli.UserError;
import org.girsanov.samplers.targets.Target;
import org.girsanov.samplers.train.Trainer;
import org.girsanov.samplers.train.TrainingConfig;

/** Opens checkpoints for the commands, turning every problem into a message naming the file. */
final class Checkpoints {
    private Checkpoints() {
    }

    /**
     * The checkpoint keys of a stopped command's {@code --json} object: {@code checkpoint} (absolute path) and, when
     * the file can be read, the {@code iteration} it was written at.
     */
    static Map<String, Object> describe(Path file) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("checkpoint", file.toAbsolutePath().toString());
        try {
            m.put("iteration", Long.parseLong(ParameterFile.read(file).metadata().get("iteration")));
        } catch (IOException | RuntimeException unreadable) {
            // the command itself names the problem; the stopped object then has no iteration
        }
        return m;
    }

    static Trainer open(Path file, int threads) {
        if (!Files.isRegularFile(file)) {
            throw new UserError(file + ": no such checkpoint file");
        }
        try {
            TrainingConfig c = Trainer.readConfig(file);
            Target target = TrainRunner.parseTarget(c.targetSpec());
            return Trainer.resume(file, target, cfg -> cfg.withThreads(threads));
        } catch (IOException | IllegalArgumentException e) {
            throw new UserError(file + ": cannot read the checkpoint: " + e.getMessage(), e);
        }
    }
}
