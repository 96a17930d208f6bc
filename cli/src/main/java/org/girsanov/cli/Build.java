package org.girsanov.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** What every result names about the program that made it: its version and the commit it was built from. */
public final class Build {
    private Build() {
    }

    /**
     * The version: the jar manifest's {@code Implementation-Version}, else the Maven
     * {@code pom.properties} packaged in the jar, else {@code "dev"} (running from classes).
     */
    public static String version() {
        String v = Build.class.getPackage() == null ? null : Build.class.getPackage().getImplementationVersion();
        if (v != null) {
            return v;
        }
        try (InputStream in = Build.class.getResourceAsStream(
                "/META-INF/maven/org.girsanov/girsanov-cli/pom.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String pv = p.getProperty("version");
                if (pv != null) {
                    return pv;
                }
            }
        } catch (IOException ignored) {
            // fall through
        }
        return "dev";
    }

    /**
     * The commit this build was made from ({@code git.properties}, written at build time), with {@code -dirty} when
     * the working tree had uncommitted changes; {@code "unknown"} outside a git checkout.
     */
    public static String commit() {
        try (InputStream in = Build.class.getResourceAsStream("git.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String id = p.getProperty("git.commit.id.abbrev");
                if (id != null && !id.isBlank()) {
                    return id + ("true".equals(p.getProperty("git.dirty")) ? "-dirty" : "");
                }
            }
        } catch (IOException ignored) {
            // fall through
        }
        return "unknown";
    }

    /**
     * The build every result names: {@code version}, {@code commit} and the {@code kernels} that ran
     * ({@link org.girsanov.autodiff.KernelBackend#describe}: the same numbers either way, not the same speed).
     */
    public static java.util.Map<String, Object> info() {
        java.util.Map<String, Object> b = new java.util.LinkedHashMap<>();
        b.put("version", version());
        b.put("commit", commit());
        b.put("kernels", org.girsanov.autodiff.KernelBackend.describe());
        return b;
    }
}
