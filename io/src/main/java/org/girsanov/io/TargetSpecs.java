package org.girsanov.io;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.girsanov.samplers.targets.EightSchools;
import org.girsanov.samplers.targets.Funnel;
import org.girsanov.samplers.targets.GaussianTarget;
import org.girsanov.samplers.targets.GeneralizedLinearModel;
import org.girsanov.samplers.targets.GlmFamily;
import org.girsanov.samplers.targets.Gmm40;
import org.girsanov.samplers.targets.GridMixture;
import org.girsanov.samplers.targets.ManyWell;
import org.girsanov.samplers.targets.RegressionData;
import org.girsanov.samplers.targets.Target;

/**
 * Targets from short text specs, {@code name} or {@code name:key=value,key=value}:
 * <pre>
 *   gmm9   gmm25   gmm40   funnel10   mw5   mw50
 *   grid:size=3,spacing=5,var=0.3          size × size grid centred at 0
 *   funnel:d=10,scale=3
 *   manywell:d=5,w=5,delta=4
 *   gaussian:d=3,mean=0,var=1,logz=0       Z · N(mean·1, var·I)
 *   gmm:file=PATH.json                     see {@link MixtureFile}
 *   logistic:data=PATH.csv,prior=1,standardize=false
 *                                          Bayesian logistic regression ({@link GeneralizedLinearModel}) on a CSV
 *                                          of features..., label ({@link RegressionData}); prior N(0, prior² I)
 *   probit:data=PATH.csv,prior=1,standardize=false
 *                                          the same with the probit link, labels 0 or 1
 *   poisson:data=PATH.csv,prior=1,standardize=false
 *                                          Poisson regression (log link), the last column a count 0, 1, 2, …
 *   breast-cancer   sonar   ionosphere   german-credit
 *                                          the same on shipped data sets, standardised, prior N(0, I) ({@link RealTargets})
 *   eight-schools:form=centred             Rubin's eight schools, form centred or noncentred ({@link EightSchools})
 *   brownian                               Brownian motion, unknown scales, 20 of 30 steps observed, d = 32 ({@link org.girsanov.samplers.targets.BrownianMotion})
 *   lgcp:cells=40                          log-Gaussian Cox process of the Finnish pines, d = cells² ({@link org.girsanov.samplers.targets.CoxProcess})
 * </pre>
 * Parameters not given take the defaults shown. Unknown names or parameters, and values that do not
 * parse, raise an {@link IllegalArgumentException} that lists the valid choices.
 */
public final class TargetSpecs {
    private static final Map<String, Map<String, String>> PARAMS = params();

    private static Map<String, Map<String, String>> params() {
        Map<String, Map<String, String>> m = new LinkedHashMap<>();
        m.put("gmm9", Map.of());
        m.put("gmm25", Map.of());
        m.put("gmm40", Map.of());
        m.put("funnel10", Map.of());
        m.put("mw5", Map.of());
        m.put("mw50", Map.of());
        m.put("grid", ordered("size", "3", "spacing", "5", "var", "0.3"));
        m.put("funnel", ordered("d", "10", "scale", "3"));
        m.put("manywell", ordered("d", "5", "w", "5", "delta", "4"));
        m.put("gaussian", ordered("d", "3", "mean", "0", "var", "1", "logz", "0"));
        m.put("gmm", ordered("file", ""));
        m.put("logistic", ordered("data", "", "prior", "1", "standardize", "false"));
        m.put("probit", ordered("data", "", "prior", "1", "standardize", "false"));
        m.put("poisson", ordered("data", "", "prior", "1", "standardize", "false"));
        m.put("breast-cancer", Map.of());
        m.put("sonar", Map.of());
        m.put("ionosphere", Map.of());
        m.put("german-credit", Map.of());
        m.put("eight-schools", ordered("form", "centred"));
        m.put("brownian", Map.of());
        m.put("lgcp", ordered("cells", "40"));
        return java.util.Collections.unmodifiableMap(m);
    }

    private TargetSpecs() {
    }

    private static Map<String, String> ordered(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    /** The valid names with their parameters and defaults, for help text. */
    public static String usage() {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, Map<String, String>> e : PARAMS.entrySet()) {
            if (b.length() > 0) {
                b.append(", ");
            }
            b.append(e.getKey());
            if (!e.getValue().isEmpty()) {
                b.append(':');
                boolean first = true;
                for (Map.Entry<String, String> p : e.getValue().entrySet()) {
                    b.append(first ? "" : ",").append(p.getKey()).append('=')
                            .append(p.getValue().isEmpty() ? "<required>" : p.getValue());
                    first = false;
                }
            }
        }
        return b.toString();
    }

    /** The names {@link #parse} accepts. */
    public static Set<String> names() {
        return PARAMS.keySet();
    }

    /** Spec parameters that name a file: {@code gmm:file=…}, {@code logistic:data=…}. */
    private static final Set<String> PATH_KEYS = Set.of("file", "data");

    /**
     * The spec with every file parameter ({@code file=}, {@code data=}) made absolute against the working directory,
     * so a run's stored spec still names the same file when it is resumed or evaluated from another directory.
     * Other text is kept as given; a spec without file parameters is returned unchanged.
     */
    public static String withAbsolutePaths(String spec) {
        if (spec == null) {
            return null;
        }
        String s = spec.strip();
        int colon = s.indexOf(':');
        if (colon < 0) {
            return spec;
        }
        StringBuilder b = new StringBuilder(s.substring(0, colon + 1));
        String[] parts = s.substring(colon + 1).split(",", -1);
        for (int i = 0; i < parts.length; i++) {
            String kv = parts[i];
            int eq = kv.indexOf('=');
            String key = eq < 0 ? "" : kv.substring(0, eq).strip().toLowerCase(java.util.Locale.ROOT);
            String value = eq < 0 ? "" : kv.substring(eq + 1).strip();
            b.append(i == 0 ? "" : ",");
            if (PATH_KEYS.contains(key) && !value.isEmpty()) {
                b.append(key).append('=').append(java.nio.file.Path.of(value).toAbsolutePath().normalize());
            } else {
                b.append(kv);
            }
        }
        return b.toString();
    }

    /** The target a spec describes. */
    public static Target parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("empty target spec; valid: " + usage());
        }
        String s = spec.strip();
        int colon = s.indexOf(':');
        String name = (colon < 0 ? s : s.substring(0, colon)).strip().toLowerCase(java.util.Locale.ROOT);
        Map<String, String> defaults = PARAMS.get(name);
        if (defaults == null) {
            throw new IllegalArgumentException("unknown target \"" + name + "\" in spec \"" + spec + "\"; valid: " + usage());
        }
        Map<String, String> p = new LinkedHashMap<>(defaults);
        if (colon >= 0 && colon < s.length() - 1) {
            for (String kv : s.substring(colon + 1).split(",")) {
                int eq = kv.indexOf('=');
                String key = (eq < 0 ? kv : kv.substring(0, eq)).strip().toLowerCase(java.util.Locale.ROOT);
                if (eq < 0 || !defaults.containsKey(key)) {
                    throw new IllegalArgumentException("target " + name + ": bad parameter \"" + kv.strip() + "\" in spec \""
                            + spec + "\"; valid parameters: " + (defaults.isEmpty() ? "none" : "key=value with key in "
                            + defaults.keySet()));
                }
                p.put(key, kv.substring(eq + 1).strip());
            }
        }
        switch (name) {
            case "gmm9":
                return GridMixture.gmm9();
            case "gmm25":
                return GridMixture.gmm25();
            case "gmm40":
                return Gmm40.create();
            case "funnel10":
                return new Funnel(10);
            case "mw5":
                return ManyWell.mw5();
            case "mw50":
                return ManyWell.mw50();
            case "grid": {
                int size = integer(name, p, "size");
                double spacing = real(name, p, "spacing");
                double[] coords = new double[Math.max(size, 0)];
                for (int i = 0; i < coords.length; i++) {
                    coords[i] = (i - 0.5 * (size - 1)) * spacing;
                }
                return GridMixture.grid("grid" + size * size, coords, real(name, p, "var"));
            }
            case "funnel":
                return new Funnel(integer(name, p, "d"), real(name, p, "scale"));
            case "manywell":
                return new ManyWell(integer(name, p, "d"), integer(name, p, "w"), real(name, p, "delta"));
            case "gaussian": {
                int d = integer(name, p, "d");
                if (d < 1) {
                    throw new IllegalArgumentException("target gaussian: d must be at least 1, got " + d);
                }
                double[] mean = new double[d];
                java.util.Arrays.fill(mean, real(name, p, "mean"));
                return GaussianTarget.isotropic("gaussian" + d, mean, real(name, p, "var"), real(name, p, "logz"));
            }
            case "gmm": {
                String file = p.get("file");
                if (file.isEmpty()) {
                    throw new IllegalArgumentException("target gmm: needs file=PATH.json (spec \"" + spec + "\")");
                }
                return MixtureFile.read(Path.of(file));
            }
            case "logistic":
            case "probit":
            case "poisson": {
                GlmFamily family = GlmFamily.valueOf(name.toUpperCase(java.util.Locale.ROOT));
                String file = p.get("data");
                if (file.isEmpty()) {
                    throw new IllegalArgumentException("target " + name + ": needs data=PATH.csv (spec \"" + spec + "\")");
                }
                RegressionData data = RegressionCsv.read(Path.of(file), family.response());
                if (bool(name, p, "standardize")) {
                    data = data.standardized();
                }
                return new GeneralizedLinearModel(name + "(" + Path.of(file).getFileName() + ")", family, data,
                        real(name, p, "prior"), null);
            }
            case "breast-cancer":
                return RealTargets.breastCancer();
            case "sonar":
                return RealTargets.sonar();
            case "ionosphere":
                return RealTargets.ionosphere();
            case "german-credit":
                return RealTargets.germanCredit();
            case "eight-schools":
                return RealTargets.eightSchools(EightSchools.Form.parse(p.get("form")));
            case "brownian":
                return RealTargets.brownianMotion();
            case "lgcp": {
                int cells = integer(name, p, "cells");
                if (cells < 2 || cells > 100) {
                    throw new IllegalArgumentException("target lgcp: cells must be 2 to 100 (d = cells²), got " + cells);
                }
                return RealTargets.pines(cells);
            }
            default:
                throw new IllegalStateException("unhandled target " + name);
        }
    }

    private static int integer(String target, Map<String, String> p, String key) {
        try {
            return Integer.parseInt(p.get(key));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("target " + target + ": parameter " + key + " must be an integer, got \""
                    + p.get(key) + "\"", e);
        }
    }

    private static double real(String target, Map<String, String> p, String key) {
        try {
            return Double.parseDouble(p.get(key));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("target " + target + ": parameter " + key + " must be a number, got \""
                    + p.get(key) + "\"", e);
        }
    }

    private static boolean bool(String target, Map<String, String> p, String key) {
        String v = p.get(key).toLowerCase(java.util.Locale.ROOT);
        if (!v.equals("true") && !v.equals("false")) {
            throw new IllegalArgumentException("target " + target + ": parameter " + key + " must be true or false, got \""
                    + p.get(key) + "\"");
        }
        return v.equals("true");
    }

    /** Every fixed benchmark instance by name (a convenience for reports). */
    public static List<String> benchmarkNames() {
        return List.of("gmm9", "gmm25", "gmm40", "funnel10", "mw5", "mw50");
    }
}
