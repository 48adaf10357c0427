package io.imggenhub.vast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UsageTest extends SimTest {

    @ParameterizedTest
    @ValueSource(strings = {"instances", "destroy", "destroy-all", "offers", "list", "reserve", "auto", "account"})
    void everyCommandHasHelpWithTheCommonOptionsAndExitCodes(String command) {
        start();
        CliHarness.Result r = cli().run(command, "--help");

        assertEquals(0, r.exit());
        for (String option : new String[] {"--help", "--url", "--api-key", "--json", "-v, --verbose"}) {
            assertTrue(r.out().contains(option), command + " help lacks " + option);
        }
        assertTrue(r.out().contains("Exit codes:"), r.out());
        assertTrue(r.out().contains("insufficient credit"), r.out());
        assertEquals(0, sim.requests().size());
    }

    @Test
    void rootHelpListsTheCommands() {
        start();
        CliHarness.Result r = cli().run("--help");

        assertEquals(0, r.exit());
        for (String command :
                new String[] {"instances", "destroy", "destroy-all", "offers", "reserve", "auto", "account", "simulator"
                }) {
            assertTrue(r.out().contains("  " + command), r.out());
        }
    }

    @Test
    void unknownOptionsAndCommandsAreBadUsage() {
        start();
        CliHarness.Result option = cli().run("instances", "--colour");
        CliHarness.Result command = cli().run("nuke-everything");

        assertEquals(2, option.exit());
        assertEquals(1, option.errLines().size(), option.err());
        assertTrue(option.err().startsWith("Command failed: usage: Unknown option: '--colour'"), option.err());
        assertEquals(2, command.exit());
        assertEquals(0, sim.requests().size());
    }

    @Test
    void aKeyTypedUnderAMisspeltOptionIsNotEchoed() {
        start();
        CliHarness.Result r = cli().run("instances", "--apikey", sim.apiKey());

        assertEquals(2, r.exit());
        assertFalse(r.all().contains(sim.apiKey()), r.err());
        assertEquals(0, sim.requests().size());
    }

    @Test
    void plainHttpToARemoteServerIsRefusedBeforeSendingTheKey() {
        start();
        CliHarness.Result r = cli().run("instances", "--url", "http://vast.example.com");

        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("Command failed: invalid_url: "), r.err());
    }

    @Test
    void stackTracesOnlyWithVerbose() {
        start();
        String wrong = "0".repeat(64);
        CliHarness.Result quiet = cli().run("instances", "--api-key", wrong);
        CliHarness.Result verbose = cli().run("instances", "--api-key", wrong, "-v");

        assertEquals(4, quiet.exit());
        assertEquals(1, quiet.errLines().size(), quiet.err());
        assertTrue(quiet.err().startsWith("Command failed: auth_error: "), quiet.err());
        assertEquals(4, verbose.exit());
        assertTrue(verbose.err().contains("\tat io.imggenhub.vast."), verbose.err());
        assertFalse(verbose.all().contains(wrong));
    }
}
