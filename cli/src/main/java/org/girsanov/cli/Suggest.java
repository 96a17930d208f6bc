package org.girsanov.cli;

import java.util.Collection;

/**
 * "Did you mean …?" — the closest candidate within a small edit distance, which finds what picocli's bigram similarity
 * misses ({@code ehco} for {@code echo}), and the check of a flag whose value is one of a list.
 */
public final class Suggest {

    private Suggest() {}

    /**
     * The value {@code v} of {@code flag}, which must be one of {@code choices} (case-sensitive); otherwise a usage
     * error listing them, with the nearest as a suggestion.
     */
    public static String choice(String flag, String v, Collection<String> choices) {
        if (!choices.contains(v)) {
            String guess = closest(v, choices);
            throw new UsageException(flag + ": '" + v + "' is not one of " + String.join(", ", choices)
                    + (guess != null ? " (did you mean " + guess + "?)" : ""));
        }
        return v;
    }

    /** The candidate nearest to {@code word} (edit distance ≤ max(1, min(3, len/3))), or null. */
    public static String closest(String word, Collection<String> candidates) {
        String best = null;
        int bestDistance = Math.max(1, Math.min(3, word.length() / 3)) + 1;
        for (String c : candidates) {
            int d = distance(word, c);
            if (c.startsWith(word) && word.length() >= 3) {
                d = Math.min(d, 1);
            }
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return best;
    }

    /** Edit distance counting a swap of adjacent letters as one edit (optimal string alignment). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1));
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
