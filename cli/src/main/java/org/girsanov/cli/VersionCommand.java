package org.girsanov.cli;

import java.io.PrintStream;
import org.girsanov.io.Json;
import picocli.CommandLine.Option;

/** {@code girsanov version}: the version of girsanov and of the Java runtime. */
@picocli.CommandLine.Command(name = "version", header = "print the version of girsanov and of the Java runtime",
        customSynopsis = "version [--json]")
final class VersionCommand extends Command {
    @Option(names = "--json", arity = "0..1", description = Cli.JSON_HELP)
    private boolean json;

    @Override
    public int run(PrintStream out, PrintStream err) {
        if (json) {
            out.println(Json.write(Json.object().with("name", Cli.PROGRAM).withAll(Build.info())
                    .with("java", Runtime.version().toString())
                    .with("vm", System.getProperty("java.vm.name"))
                    .with("processors", Runtime.getRuntime().availableProcessors())
                    .with("maxHeapBytes", Runtime.getRuntime().maxMemory())));
        } else {
            out.println(Cli.versionLine());
        }
        return Cli.EXIT_OK;
    }
}
