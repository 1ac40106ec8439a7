import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The test phase of {@code messaging-ui} (its pom runs this file with Java's source launcher, so nothing is
 * downloaded for it): {@code npm ci --no-audit --no-fund}, then {@code npm test}, in the package's folder, their
 * output on the build's. Without {@code npm} on the PATH the tests are skipped with a warning, except under
 * {@code CI=true}, where nothing skips and the build fails. {@code -DskipTests}, {@code -Dmaven.test.skip} and
 * {@code -Dmessaging.ui.skipTests} skip them. An offline build ({@code -o}) installs from npm's cache where it can
 * ({@code --prefer-offline}).
 * <p>
 * Usage: {@code java NpmTests.java <package folder> skipTests=<v> maven.test.skip=<v> messaging.ui.skipTests=<v>
 * offline=<v>} (an unset Maven property arrives as its own {@code ${...}} text, which is not {@code true}).
 */
public final class NpmTests {

    private static final String NAME = "messaging-ui";

    /** The Maven properties that skip the tests. */
    private static final List<String> SKIP_FLAGS = List.of("skipTests", "maven.test.skip", "messaging.ui.skipTests");

    private NpmTests() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path folder = Path.of(args[0]);
        Map<String, String> flags = flags(args);
        Optional<String> askedOff = SKIP_FLAGS.stream().filter(flag -> isTrue(flags.get(flag))).findFirst();
        if (askedOff.isPresent()) {
            System.out.println("[INFO] " + NAME + ": UI tests skipped (-D" + askedOff.get() + ")");
            return;
        }
        if (!Files.isRegularFile(folder.resolve("package.json"))) {
            System.out.println("[WARNING] " + NAME + ": no package.json in " + folder + ", so no UI package to test");
            return;
        }
        Optional<Path> npm = onPath(System.getenv("PATH"));
        if (npm.isEmpty()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                System.err.println("[ERROR] " + NAME + ": npm is not on the PATH, and under CI=true the UI tests must "
                        + "run. Install Node.js 18+ and npm (Debian: apt-get install -y nodejs npm).");
                System.exit(1);
            }
            System.out.println("[WARNING] " + NAME + ": npm is not on the PATH: the UI tests (npm test) are SKIPPED. "
                    + "Install Node.js 18+ and npm to run them; under CI=true this fails the build.");
            return;
        }
        if (isTrue(flags.get("offline"))) {
            run(folder, npm.get(), "ci", "--no-audit", "--no-fund", "--prefer-offline");
        } else {
            run(folder, npm.get(), "ci", "--no-audit", "--no-fund");
        }
        run(folder, npm.get(), "test");
    }

    /** {@code -Dname} alone is {@code true} to Maven. */
    private static boolean isTrue(String value) {
        return value != null && (value.isEmpty() || value.equalsIgnoreCase("true"));
    }

    /** The {@code name=value} arguments after the folder. */
    private static Map<String, String> flags(String[] args) {
        Map<String, String> flags = new TreeMap<>();
        for (int i = 1; i < args.length; i++) {
            int equals = args[i].indexOf('=');
            if (equals > 0) {
                flags.put(args[i].substring(0, equals), args[i].substring(equals + 1).trim());
            }
        }
        return flags;
    }

    /** The first {@code npm} (Windows: {@code npm.cmd}) in the PATH's folders. */
    private static Optional<Path> onPath(String path) {
        if (path == null) {
            return Optional.empty();
        }
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        List<String> names = windows ? List.of("npm.cmd", "npm.exe") : List.of("npm");
        for (String folder : path.split(File.pathSeparator)) {
            for (String name : names) {
                if (!folder.isBlank()) {
                    Path candidate = Path.of(folder.trim(), name);
                    if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                        return Optional.of(candidate);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** Runs npm with the build's own output streams; a failure ends the build with npm's exit code. */
    private static void run(Path folder, Path npm, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(npm.toString());
        command.addAll(List.of(arguments));
        System.out.println("[INFO] " + NAME + ": npm " + String.join(" ", arguments));
        int exit = new ProcessBuilder(command).directory(folder.toFile()).inheritIO().start().waitFor();
        if (exit != 0) {
            System.err.println("[ERROR] " + NAME + ": npm " + String.join(" ", arguments) + " failed (exit " + exit
                    + ")");
            System.exit(exit);
        }
    }
}
