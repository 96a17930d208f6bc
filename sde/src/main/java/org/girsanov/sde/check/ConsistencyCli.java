package org.girsanov.sde.check;

/**
 * {@code java org.girsanov.sde.check.ConsistencyCli [--pair NAME] [--paths K] [--levels L] [--steps N0]
 * [--reference R] [--seed S] [--json]}: runs the {@link ConsistencyChecker} on a named pair
 * ({@link ProcessPairs#names()}) and prints the table (or JSON).
 */
public final class ConsistencyCli {
    private ConsistencyCli() {
    }

    public static void main(String[] args) {
        String pair = "ou-exact-reversal";
        ConsistencyChecker.Config d = ConsistencyChecker.Config.defaults(1);
        int paths = d.paths();
        int levels = d.levels();
        int steps = d.coarseSteps();
        int ref = d.referenceRefinements();
        long seed = d.seed();
        boolean json = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--pair" -> pair = args[++i];
                case "--paths" -> paths = Integer.parseInt(args[++i]);
                case "--levels" -> levels = Integer.parseInt(args[++i]);
                case "--steps" -> steps = Integer.parseInt(args[++i]);
                case "--reference" -> ref = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--json" -> json = true;
                default -> throw new IllegalArgumentException("ConsistencyCli: unknown option '" + args[i]
                        + "'; allowed: --pair " + ProcessPairs.names() + ", --paths, --levels, --steps, --reference, --seed, --json");
            }
        }
        ConsistencyReport r = ConsistencyChecker.check(ProcessPairs.named(pair),
                new ConsistencyChecker.Config(steps, levels, ref, paths, seed));
        System.out.println(json ? r.toJson() : r.toTable());
    }
}
