package org.girsanov.cli;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ObjIntConsumer;

/**
 * Installs handlers for named POSIX signals through {@code sun.misc.Signal} (module {@code jdk.unsupported}),
 * looked up reflectively so that a runtime without it, or a signal the JVM reserves ({@code -Xrs}), leaves the
 * JVM's own handling in place instead of failing.
 */
final class Signals {
    private Signals() {
    }

    /**
     * Routes each signal of {@code names} to {@code body(name, number)}; returns the handlers it replaced,
     * by signal name, for {@link #restore}.
     */
    static Map<String, Object> handle(List<String> names, ObjIntConsumer<String> body) {
        Map<String, Object> previous = new LinkedHashMap<>();
        try {
            Class<?> signal = Class.forName("sun.misc.Signal");
            Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
            Method handle = signal.getMethod("handle", signal, handlerType);
            Method getName = signal.getMethod("getName");
            Method getNumber = signal.getMethod("getNumber");
            Object handler = Proxy.newProxyInstance(Signals.class.getClassLoader(), new Class<?>[] {handlerType},
                    (proxy, m, args) -> switch (m.getName()) {
                        case "handle" -> {
                            body.accept((String) getName.invoke(args[0]), (Integer) getNumber.invoke(args[0]));
                            yield null;
                        }
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        default -> "girsanov signal handler";
                    });
            for (String name : names) {
                try {
                    previous.put(name, handle.invoke(null, signal.getConstructor(String.class).newInstance(name), handler));
                } catch (InvocationTargetException unavailable) {
                    // the signal is unknown on this system or reserved by the JVM: keep the default
                }
            }
        } catch (ReflectiveOperationException | RuntimeException noSignalApi) {
            // no sun.misc.Signal: the JVM's shutdown on a signal stays as it is
        }
        return previous;
    }

    /** Puts back the handlers {@link #handle} replaced. */
    static void restore(Map<String, Object> previous) {
        try {
            Class<?> signal = Class.forName("sun.misc.Signal");
            Method handle = signal.getMethod("handle", signal, Class.forName("sun.misc.SignalHandler"));
            for (Map.Entry<String, Object> e : previous.entrySet()) {
                handle.invoke(null, signal.getConstructor(String.class).newInstance(e.getKey()), e.getValue());
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // nothing was installed, or the JVM is exiting
        }
    }
}
