package org.girsanov.cli.commands;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.girsanov.cli.UserError;
import org.girsanov.samplers.targets.Target;
import org.girsanov.samplers.train.Trainer;
import org.girsanov.samplers.train.TrainingConfig;

/** Opens checkpoints for the commands, turning every problem into a message naming the file. */
final class Checkpoints {
    private Checkpoints() {
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
