package io.clientportal.messaging.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;

/**
 * Other work on the machine: a separate Java process whose threads spin on the CPU, as another application's
 * (or another build's) would, while a workload runs beside it. It lives until {@link #close()}, or until this
 * process ends (it stops when its standard input closes), so it never outlives the benchmark.
 */
final class CpuHog implements AutoCloseable {

    private final Process process;

    private CpuHog(Process process) {
        this.process = process;
    }

    /** Starts a process with {@code threads} busy threads; returns once they spin. */
    static CpuHog start(int threads) {
        ProcessBuilder builder = new ProcessBuilder(ChildJava.launcher(), "-Xmx32m", "-cp", ChildJava.classPath(),
                CpuHog.class.getName(), Integer.toString(threads));
        builder.redirectOutput(ProcessBuilder.Redirect.PIPE).redirectError(ProcessBuilder.Redirect.INHERIT);
        try {
            Process process = builder.start();
            // The child writes one line once its threads run.
            if (process.getInputStream().read() < 0) {
                throw new IllegalStateException("the CPU hog did not start");
            }
            return new CpuHog(process);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the CPU hog", e);
        }
    }

    /** Whether the process still runs. */
    boolean isAlive() {
        return process.isAlive();
    }

    /** The process id. */
    long pid() {
        return process.pid();
    }

    /** The CPU time the process has used so far, in nanoseconds (0 where the platform does not tell). */
    long cpuNanos() {
        return process.info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The hog process: {@code args[0]} threads that spin until standard input closes. */
    public static void main(String[] args) throws IOException {
        int threads = Integer.parseInt(args[0]);
        for (int t = 0; t < threads; t++) {
            Thread spinner = new Thread(CpuHog::spin, "cpu-hog-" + t);
            spinner.setDaemon(true);
            spinner.start();
        }
        System.out.println("spinning");
        System.out.flush();
        while (System.in.read() >= 0) {
            // the parent never writes; end of input means it is gone
        }
        System.exit(0);
    }

    private static volatile long sink;

    /** Pure CPU work: no allocation, no memory traffic beyond a register and one volatile write now and then. */
    private static void spin() {
        long x = System.nanoTime();
        while (true) {
            for (int i = 0; i < 1_000_000; i++) {
                x = x * 6364136223846793005L + 1442695040888963407L;
            }
            sink = x;
        }
    }
}
