/**
 * The property harness — {@link org.girsanov.verification.Property#forAll}-style checks over seeded
 * {@link org.girsanov.verification.Generators}, statistical assertions with a stated false-alarm rate
 * ({@link org.girsanov.verification.Statistics}), a {@link org.girsanov.verification.Verdict} that carries its numbers,
 * replay of a failing case — and the theorems of docs/math.md §7 about the path engine:
 * {@link org.girsanov.verification.EmGirsanovIdentity} (§7.1), {@link org.girsanov.verification.LogWeightConsistency}
 * (§7.2) and {@link org.girsanov.verification.OuClosedForms} (§7.7). The checks that take a sampler are in
 * {@code verification.samplers}; verification/MUTATIONS.md lists the planted bugs the checks catch.
 */
package org.girsanov.verification;
