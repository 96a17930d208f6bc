package org.girsanov.autodiff.optim;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.nn.Parameter;

/** Shared helpers for optimiser state buffers, keyed by parameter name. */
final class OptimizerState {
    private OptimizerState() {
    }

    static void checkUniqueNames(String who, List<Parameter> params) {
        Set<String> seen = new HashSet<>();
        for (Parameter p : params) {
            if (!seen.add(p.name())) {
                throw new IllegalArgumentException(who + ": two parameters are named '" + p.name()
                        + "'; state is saved by name, so names must be unique");
            }
        }
    }

    static DMatrixRMaj[] zerosLike(List<Parameter> params) {
        DMatrixRMaj[] b = new DMatrixRMaj[params.size()];
        for (int i = 0; i < b.length; i++) {
            b[i] = new DMatrixRMaj(params.get(i).rows(), params.get(i).cols());
        }
        return b;
    }

    static void export(Map<String, DMatrixRMaj> out, String prefix, List<Parameter> params, DMatrixRMaj[] bufs) {
        for (int i = 0; i < bufs.length; i++) {
            out.put(prefix + params.get(i).name(), bufs[i].copy());
        }
    }

    /** Copies {@code state[prefix + name]} into each buffer after checking that every entry is present and shaped right. */
    static void restore(String who, Map<String, DMatrixRMaj> state, String prefix, List<Parameter> params, DMatrixRMaj[] bufs) {
        for (int i = 0; i < bufs.length; i++) {
            String key = prefix + params.get(i).name();
            DMatrixRMaj m = state.get(key);
            if (m == null) {
                throw new IllegalArgumentException(who + ": state has no entry '" + key + "'");
            }
            if (m.numRows != bufs[i].numRows || m.numCols != bufs[i].numCols) {
                throw new IllegalArgumentException(who + ": state entry '" + key + "' is " + m.numRows + "x" + m.numCols
                        + " but the parameter is " + bufs[i].numRows + "x" + bufs[i].numCols);
            }
        }
        for (int i = 0; i < bufs.length; i++) {
            DMatrixRMaj m = state.get(prefix + params.get(i).name());
            System.arraycopy(m.data, 0, bufs[i].data, 0, bufs[i].getNumElements());
        }
    }

    static Map<String, DMatrixRMaj> newMap() {
        return new LinkedHashMap<>();
    }
}
