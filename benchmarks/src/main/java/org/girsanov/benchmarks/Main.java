package org.girsanov.benchmarks;

import java.util.Arrays;

/**
 * Placeholder entry point of {@code girsanov.jar}: {@code jmh [JMH options]} runs the JMH benchmarks
 * ({@link org.openjdk.jmh.Main}); anything else prints usage. To be replaced by the full CLI.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("jmh")) {
            org.openjdk.jmh.Main.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        System.out.println("usage: java -jar girsanov.jar jmh [JMH options]   e.g. jmh MlpBenchmark -wi 3 -i 5 -f 1");
        if (args.length > 0) {
            System.exit(2);
        }
    }
}
