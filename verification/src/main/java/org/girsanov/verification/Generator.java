package org.girsanov.verification;

import java.util.function.Function;
import org.apache.commons.rng.UniformRandomProvider;

/** A generator of random instances: everything an instance needs comes from the given stream. */
@FunctionalInterface
public interface Generator<T> {

    /** One instance drawn from {@code rng}. */
    T next(UniformRandomProvider rng);

    /** The generator of {@code f(instance)}. */
    default <R> Generator<R> map(Function<? super T, ? extends R> f) {
        return rng -> f.apply(next(rng));
    }
}
