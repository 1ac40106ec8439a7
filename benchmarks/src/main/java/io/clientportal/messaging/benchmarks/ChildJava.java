package io.clientportal.messaging.benchmarks;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How the benchmark starts a Java process of its own (the CPU hog, the SSE client): the same JVM, and the classpath
 * the benchmark's classes were loaded from. Under {@code exec:java} that is a class loader's, not the JVM's
 * {@code java.class.path} (which then names Maven's own launcher, where the benchmark's classes are not).
 */
final class ChildJava {

    private ChildJava() {
    }

    /** The {@code java} launcher of the running JVM. */
    static String launcher() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The classpath the benchmark's classes were loaded from. */
    static String classPath() {
        if (ChildJava.class.getClassLoader() instanceof URLClassLoader loader) {
            List<String> entries = new ArrayList<>();
            for (URL url : loader.getURLs()) {
                try {
                    entries.add(Path.of(url.toURI()).toString());
                } catch (URISyntaxException e) {
                    throw new IllegalStateException(e);
                }
            }
            return String.join(File.pathSeparator, entries);
        }
        return System.getProperty("java.class.path");
    }
}
