package org.girsanov.verification;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The outcome of a theorem check: pass or fail, with the numbers it rests on (errors, bands, fitted orders)
 * and a one-line explanation.
 */
public record Verdict(String check, boolean passed, Map<String, Double> numbers, String detail) {

    public Verdict {
        numbers = Map.copyOf(numbers);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(check).append(passed ? ": PASS" : ": FAIL");
        for (Map.Entry<String, Double> e : new TreeMap<>(numbers).entrySet()) {
            sb.append(String.format(Locale.ROOT, " %s=%.6g", e.getKey(), e.getValue()));
        }
        return sb.append(" — ").append(detail).toString();
    }
}
