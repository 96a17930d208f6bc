package org.girsanov.cli;

import java.util.Arrays;
import java.util.List;
import org.girsanov.cli.commands.BenchCommand;
import org.girsanov.cli.commands.BridgeCommand;
import org.girsanov.cli.commands.CheckCommand;
import org.girsanov.cli.commands.DemoCommand;
import org.girsanov.cli.commands.EvaluateCommand;
import org.girsanov.cli.commands.PdeCommand;
import org.girsanov.cli.commands.ReferenceCommand;
import org.girsanov.cli.commands.SampleCommand;
import org.girsanov.cli.commands.TrainCommand;

/**
 * Entry point of {@code girsanov.jar} (run by the {@code ./girsanov} launcher): the commands demo, train,
 * sample, evaluate, check, bench, reference, pde and bridge; {@code jmh [JMH options]} runs the JMH micro-benchmarks.
 */
public final class Main {
    private Main() {
    }

    /** The commands of the program. */
    public static List<Command> commands() {
        return List.of(new DemoCommand(), new TrainCommand(), new SampleCommand(), new EvaluateCommand(),
                new CheckCommand(), new BenchCommand(), new ReferenceCommand(), new PdeCommand(), new BridgeCommand());
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("jmh")) {
            org.openjdk.jmh.Main.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        System.exit(Cli.run(args, System.out, System.err, commands()));
    }
}
