package io.imggenhub.vast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Picocli builds the model only of the command a command line names (issue 13: ~150 ms of every start). */
class LazyCommandModelTest {
    private final CliContext ctx = new CliContext(
            new PrintWriter(new StringWriter()),
            new PrintWriter(new StringWriter()),
            new BufferedReader(new StringReader("")),
            false,
            Map.of(),
            Path.of("/nonexistent-home"),
            Clock.systemUTC(),
            ZoneOffset.UTC,
            CliHarness.FAST,
            Duration.ofMillis(50));

    @Test
    void aNamedCommandGetsOnlyItsOwnModel() {
        assertEquals(Set.of("instances"), names(VastCli.commandLine(ctx, "instances", "--json")));
        assertEquals(Set.of("offers"), names(VastCli.commandLine(ctx, "list", "--limit", "3")));
        CommandLine guard = VastCli.commandLine(ctx, "guard", "list");
        assertEquals(Set.of("guard"), names(guard));
        assertTrue(guard.getSubcommands().get("guard").getSubcommands().containsKey("list"));
    }

    @Test
    void rootHelpTyposAndRootOptionsGetEveryCommand() {
        int all = VastCli.COMMANDS.size();
        assertEquals(all, names(VastCli.commandLine(ctx)).size());
        assertEquals(all, names(VastCli.commandLine(ctx, "--help")).size());
        assertEquals(all, names(VastCli.commandLine(ctx, "--help", "instances")).size());
        assertEquals(all, names(VastCli.commandLine(ctx, "instanses")).size());
        assertEquals(all, names(VastCli.commandLine(ctx, new String[0])).size());
    }

    @Test
    void theNarrowModelStillHasTheExitCodeHelpAndErrorHandling() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext c = new CliContext(
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                new BufferedReader(new StringReader("")),
                false,
                Map.of(),
                Path.of("/nonexistent-home"),
                Clock.systemUTC(),
                ZoneOffset.UTC,
                CliHarness.FAST,
                Duration.ofMillis(50));

        assertEquals(0, VastCli.run(c, "instances", "--help"));
        assertTrue(out.toString().contains("Exit codes:"), out.toString());
        assertEquals(2, VastCli.run(c, "instances", "--colour"));
        assertTrue(err.toString().startsWith("Command failed: usage: Unknown option: '--colour'"), err.toString());
    }

    private static Set<String> names(CommandLine cl) {
        return cl.getSubcommands().keySet().stream()
                .filter(name -> !name.equals("list") || !cl.getSubcommands().containsKey("offers"))
                .collect(java.util.stream.Collectors.toSet());
    }
}
