package io.imggenhub.vast.ui.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imggenhub.vast.ui.common.Banner;
import io.imggenhub.vast.ui.common.ViewModelFixture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** "Deploy cheapest" and the market search, without a window, against the simulator (vast-api.md §3.3, §3.4). */
class DeployViewModelTest {
    private final ViewModelFixture f = ViewModelFixture.withInstances(2);
    private final List<String> outOfCredit = new ArrayList<>();
    private final DeployViewModel vm = new DeployViewModel(
            f.services.deployer(true), f.runner, f.banners, f.refreshNow(), Duration.ofSeconds(5), outOfCredit::add);

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void deployRentsTheCheapestMatchAndSaysHowToReachIt() {
        vm.maxPriceProperty().set("2");
        vm.labelProperty().set("vm-test");
        List<Long> before = f.liveIds();

        assertNotNull(vm.deployCheapest(), "the deploy started");

        List<Long> rented = new ArrayList<>(f.liveIds());
        rented.removeAll(before);
        assertEquals(1, rented.size(), "one instance rented beside the two there were");
        assertTrue(
                vm.messageProperty().get().startsWith("Running. SSH: ssh -p "),
                vm.messageProperty().get());
        Banner banner = f.banner("deploy");
        assertEquals(Banner.Severity.SUCCESS, banner.severity());
        assertTrue(banner.title().startsWith("Deployed instance " + rented.get(0) + ": "), banner.title());
        assertFalse(vm.deployingProperty().get(), "the deploy is over");
        assertEquals(0, vm.progressProperty().get());
        assertEquals("", vm.errorProperty().get());
        assertTrue(f.refreshes.get() >= 2, "refreshed once rented and once done");
    }

    @Test
    void insufficientCreditDestroysEveryInstanceAndSaysSoLoudly() {
        List<Long> before = f.liveIds();
        f.sim.state().setCredit(0);

        assertNotNull(vm.deployCheapest());

        assertEquals(List.of(), f.liveIds(), "the emergency cleanup destroyed all of " + before);
        before.forEach(id -> assertTrue(f.sim.state().isDestroyed(id)));
        Banner emergency = f.banner("emergency");
        assertEquals(Banner.Severity.DANGER, emergency.severity());
        assertEquals("Out of credit — the emergency cleanup destroyed all instances", emergency.title());
        assertTrue(emergency.text().contains(": destroyed 2/2 instances, together $"), emergency.text());
        assertEquals(2, emergency.details().size(), "one line per destroyed instance behind 'Show all'");
        assertTrue(
                vm.messageProperty().get().endsWith("every instance was destroyed."),
                vm.messageProperty().get());
        assertEquals(1, outOfCredit.size(), "the credit warning is raised once");
        assertFalse(vm.deployingProperty().get());
    }

    @Test
    void noMatchingOfferRentsNothingAndSaysWhy() {
        vm.gpuNameProperty().set("NO_SUCH_GPU");

        assertNotNull(vm.deployCheapest());

        assertEquals(2, f.liveIds().size(), "nothing rented");
        assertEquals(0, f.sim.count("PUT", "/api/v0/asks/"), "no rent request sent");
        assertEquals("Deploy failed", f.banner("deploy").title());
        assertFalse(vm.errorProperty().get().isEmpty(), "the reason is shown under the button");
        assertFalse(vm.deployingProperty().get());
    }

    @Test
    void aSearchWithoutMatchesSaysSoAndOneWithMatchesListsThemCheapestFirst() {
        vm.gpuNameProperty().set("NO_SUCH_GPU");
        vm.search();
        assertEquals(List.of(), vm.offers());
        assertEquals(
                "No rentable offer matches these filters.", vm.errorProperty().get());

        vm.gpuNameProperty().set("");
        vm.maxPriceProperty().set("1");
        vm.search();
        assertFalse(vm.offers().isEmpty());
        assertEquals("", vm.errorProperty().get());
        for (int i = 1; i < vm.offers().size(); i++) {
            assertTrue(vm.offers().get(i - 1).hourlyCost() <= vm.offers().get(i).hourlyCost(), "cheapest first");
        }
        assertFalse(vm.searchingProperty().get());
    }

    @Test
    void aMistypedFieldIsRefusedBeforeAnythingIsSent() {
        vm.maxPriceProperty().set("zwei");

        assertNull(vm.deployCheapest(), "nothing started");

        assertEquals(
                "Max $/hr must be a number in ASCII digits, not \"zwei\"",
                vm.errorProperty().get());
        assertEquals(0, f.sim.count("GET", "/api/v0/bundles/") + f.sim.count("POST", "/api/v0/bundles/"));
    }
}
