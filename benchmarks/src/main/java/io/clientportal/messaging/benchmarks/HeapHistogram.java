package io.clientportal.messaging.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * This process's class histogram of live objects (what {@code jcmd <pid> GC.class_histogram} prints; it collects
 * first), written to a file when {@code -Dbench.histograms} names a folder: two of them taken at two points of a
 * workload, diffed, say what the objects added in between are made of.
 */
final class HeapHistogram {

    private HeapHistogram() {
    }

    /** Writes the histogram to {@code <bench.histograms>/<name>.txt}; nothing when the property is not set. */
    static void writeIfAsked(String name) {
        String folder = System.getProperty("bench.histograms");
        if (folder == null || folder.isBlank()) {
            return;
        }
        try {
            Object text = ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
            Path file = Path.of(folder).resolve(name + ".txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, String.valueOf(text));
            Benchmark.log("heap histogram: " + file);
        } catch (JMException e) {
            throw new IllegalStateException("no class histogram: " + e, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
