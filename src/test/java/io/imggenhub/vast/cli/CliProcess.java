package io.imggenhub.vast.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imggenhub.vast.Main;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The CLI as a separate JVM on the test class path (no image build needed): for what only a real process shows,
 * such as which home directory it writes into or what a library logs on its own.
 */
final class CliProcess {
    record Run(int exit, String out, String err) {}

    private CliProcess() {}

    /** Runs {@code args} with {@code HOME=home}, a clean Vast/XDG environment plus {@code extraEnv}. */
    static Run run(Path home, List<String> jvmArgs, Map<String, String> extraEnv, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment()
                .keySet()
                .removeIf(k -> k.startsWith("VAST")
                        || k.startsWith("IMGGENHUB")
                        || k.startsWith("XDG")
                        || k.startsWith("JDK_JAVA_OPTIONS")
                        || k.startsWith("JAVA_TOOL_OPTIONS"));
        pb.environment().put("HOME", home.toString());
        pb.environment().putAll(extraEnv);
        Path outFile = Files.createTempFile("cli-out", ".txt");
        Path errFile = Files.createTempFile("cli-err", ".txt");
        try {
            pb.redirectOutput(outFile.toFile()).redirectError(errFile.toFile()).redirectInput(new File("/dev/null"));
            Process p = pb.start();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the CLI ended");
            return new Run(p.exitValue(), Files.readString(outFile), Files.readString(errFile));
        } finally {
            Files.deleteIfExists(outFile);
            Files.deleteIfExists(errFile);
        }
    }
}
