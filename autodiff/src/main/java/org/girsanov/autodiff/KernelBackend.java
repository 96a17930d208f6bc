package org.girsanov.autodiff;

/**
 * Which kernels compute the tape's matrix products in this JVM: the Vector-API register tiles (when the JVM
 * resolves {@code jdk.incubator.vector}, i.e. runs with {@code --add-modules jdk.incubator.vector}) or the
 * scalar loops. Both give the same numbers bit for bit; only the speed differs (about 2× on the products with
 * AVX-512). Results name it so that a timing can be read against the backend that produced it.
 */
public final class KernelBackend {
    private KernelBackend() {
    }

    /** Whether the Vector-API kernels are in use. */
    public static boolean vector() {
        return Kernels.VECTOR;
    }

    /** {@code "vector (8 doubles per register)"} or {@code "scalar"}, with the reason when scalar. */
    public static String describe() {
        if (Kernels.VECTOR) {
            return "vector (" + VectorKernels.lanes() + " doubles per register)";
        }
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
                ? "scalar (girsanov.kernels=scalar)"
                : "scalar (run java with --add-modules jdk.incubator.vector for the vector kernels)";
    }
}
