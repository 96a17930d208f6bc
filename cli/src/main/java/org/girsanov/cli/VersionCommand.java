package org.girsanov.cli;

import org.girsanov.io.Json;

import java.io.PrintStream;
import java.util.List;

/** {@code girsanov version}: the version of girsanov and of the Java runtime. */
final class VersionCommand implements Command {
    @Override
    public String name() {
        return "version";
    }

    @Override
    public String summary() {
        return "print the version of girsanov and of the Java runtime";
    }

    @Override
    public String usage() {
        return "version [--json]";
    }

    @Override
    public List<Flag> flags() {
        return List.of(Cli.JSON_FLAG);
    }

    @Override
    public int run(Args args, PrintStream out, PrintStream err) {
        args.requireAtMostPositionals(0);
        if (args.getBoolean("json")) {
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
