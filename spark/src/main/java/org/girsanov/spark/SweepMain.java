package org.girsanov.spark;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.girsanov.autodiff.nn.Precision;
import org.girsanov.cli.UserError;
import org.girsanov.cli.commands.QualityRows;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code girsanov-spark}: {@code bench quality} as a Spark job (one task per row × seed, {@link QualitySweep}).
 * <pre>
 *   spark-submit --jars cli/target/girsanov.jar --class org.girsanov.spark.SweepMain spark/target/girsanov-spark-*.jar \
 *       --rows gmm9/pis/lv,gmm9/dis/lv --seeds 0,1,2 --out /shared/q
 *   spark/sweep-local.sh --rows gmm9/pis/lv --seeds 0,1 --out runs/q        # local[*], no Spark installation needed
 * </pre>
 * Every flag is checked before Spark starts; a bad one exits 1 with a message naming it.
 */
@Command(name = "girsanov-spark", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Runs the rows of `girsanov bench quality` as Spark tasks (one per row x seed) and writes the same "
                + "quality.json: same rows, seeds and flags give the same numbers as the sequential run.")
public final class SweepMain implements Callable<Integer> {
    static final int MAX_PATHS = 1_000_000;

    @Option(names = "--rows", paramLabel = "T/S/L,...", description = "rows target/sampler/loss (default: every published row plus PIS-TB)")
    String rows;
    @Option(names = "--seeds", paramLabel = "LIST", defaultValue = "0", description = "root seeds, each row trained once per seed (default 0)")
    String seeds;
    @Option(names = "--iterations", paramLabel = "I", description = "replace the protocol's iterations (default: the protocol's)")
    Integer iterations;
    @Option(names = "--eval-paths", paramLabel = "N", defaultValue = "100000", description = "evaluation paths per row, 2 to 1000000 (default 100000)")
    int evalPaths;
    @Option(names = "--threads", paramLabel = "T", defaultValue = "1", description = "threads per task, 1 to 64; sets spark.task.cpus (default 1)")
    int threads;
    @Option(names = "--out", paramLabel = "DIR", required = true, description = "a new or empty folder all executors can write: quality.json and one run folder per row")
    Path out;
    @Option(names = "--master", paramLabel = "URL", description = "Spark master (default: spark-submit's, else local[*])")
    String master;
    @Option(names = "--json", description = "print the table as one JSON object on stdout")
    boolean json;

    private PrintStream stdout = System.out;
    private PrintStream stderr = System.err;

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command line; returns the exit code (0, or 1 for a bad input or a failed row). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        SweepMain m = new SweepMain();
        m.stdout = out;
        m.stderr = err;
        CommandLine cl = new CommandLine(m);
        cl.setOut(new java.io.PrintWriter(out, true));
        cl.setErr(new java.io.PrintWriter(err, true));
        cl.setParameterExceptionHandler((e, a) -> {
            err.println("girsanov-spark: " + e.getMessage());
            return 1;
        });
        cl.setExecutionExceptionHandler((e, c, p) -> {
            if (e instanceof UserError) {
                err.println("girsanov-spark: " + e.getMessage());
                return 1;
            }
            throw e;
        });
        return cl.execute(args);
    }

    @Override
    public Integer call() throws IOException {
        if (evalPaths < 2 || evalPaths > MAX_PATHS) {
            throw new UserError("--eval-paths: " + evalPaths + "; give 2 to " + MAX_PATHS);
        }
        if (threads < 1 || threads > 64) {
            throw new UserError("--threads: " + threads + "; give 1 to 64");
        }
        if (iterations != null && iterations < 0) {
            throw new UserError("--iterations: " + iterations + "; give 0 or more");
        }
        List<QualityRows.Row> plan = QualityRows.plan(rows, QualityRows.seeds(seeds), threads, iterations, Precision.FLOAT64);
        checkOut(out);
        SparkConf conf = new SparkConf().setAppName("girsanov quality sweep");
        if (master != null) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]");
        }
        if (threads > 1) {
            conf.set("spark.task.cpus", Integer.toString(threads));
        }
        List<Map<String, Object>> table;
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            table = QualitySweep.run(sc, plan, out, evalPaths);
        }
        QualityRows.writeTable(out.resolve("quality.json"), table);
        stderr.println(QualityRows.markdown(table));
        if (json) {
            stdout.println(QualityRows.tableJson(table));
        }
        long failed = table.stream().filter(r -> r.containsKey("failed")).count();
        if (failed > 0) {
            stderr.println("girsanov-spark: " + failed + " of " + table.size() + " rows failed (see the table)");
            return 1;
        }
        return 0;
    }

    /** {@code --out} must be new or empty (a sweep never writes over an earlier run) and creatable; it is created. */
    static void checkOut(Path out) throws IOException {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new UserError("--out: " + out + " is a file; give a new or empty folder");
        }
        if (Files.isDirectory(out)) {
            try (Stream<Path> s = Files.list(out)) {
                if (s.findAny().isPresent()) {
                    throw new UserError("--out: " + out + " is not empty; give a new or empty folder (a sweep never"
                            + " writes over an earlier run)");
                }
            }
        }
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UserError("--out: cannot create " + out + " (" + e.getMessage() + "); give a folder you can write");
        }
    }
}
