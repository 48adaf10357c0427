package io.imggenhub.vast.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imggenhub.vast.config.ApiKey;
import io.imggenhub.vast.core.OfferFilter;
import io.imggenhub.vast.sim.SimulatorConfig;
import io.imggenhub.vast.sim.VastSimulator;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against the simulator over real loopback HTTP: every operation and every error class. */
class VastClientTest {
    static final RetryPolicy FAST =
            new RetryPolicy(4, Duration.ofMillis(5), 2.0, Duration.ofMillis(40), Duration.ofSeconds(5));

    VastSimulator sim;
    VastClient client;

    @BeforeEach
    void start() {
        sim = VastSimulator.start(SimulatorConfig.defaults().withInstances(3).withDestroyLinger(Duration.ofMillis(50)));
        client = clientFor(sim, sim.apiKey());
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    static VastClient clientFor(VastSimulator sim, String key) {
        return new VastClient(new ClientSettings(
                sim.baseUrl(),
                key == null ? null : new ApiKey(key, "test"),
                Duration.ofSeconds(2),
                Duration.ofSeconds(5),
                FAST));
    }

    void restartWith(SimulatorConfig config) {
        sim.close();
        sim = VastSimulator.start(config);
        client = clientFor(sim, sim.apiKey());
    }

    @Test
    void listsSixtyInstancesAcrossThreePages() {
        restartWith(SimulatorConfig.defaults().withInstances(60));
        List<Instance> instances = client.listInstances();

        assertEquals(60, instances.size());
        assertEquals(60, instances.stream().map(Instance::id).distinct().count(), "no duplicates across pages");
        Set<Long> simIds = sim.state().instances().stream().map(i -> i.id()).collect(Collectors.toSet());
        assertEquals(simIds, instances.stream().map(Instance::id).collect(Collectors.toSet()));
        assertEquals(3, sim.count("GET", "/api/v1/instances"));
    }

    /**
     * The next page loads while the caller works on this one, on the client's own named daemon threads: a blocked
     * exchange on the common fork-join pool would starve everything else that uses it.
     */
    @Test
    void theNextPageLoadsOnTheClientsOwnThreadsWhichEndWithTheClient() {
        restartWith(SimulatorConfig.defaults().withInstances(60));
        List<Thread> helpers = new java.util.ArrayList<>();
        List<Instance> instances = client.listInstances(page -> {
            if (helpers.isEmpty()) {
                Thread.getAllStackTraces().keySet().stream()
                        .filter(t -> t.getName().startsWith(client.threads().namePrefix()))
                        .forEach(helpers::add);
            }
        });
        assertEquals(60, instances.size());
        assertFalse(helpers.isEmpty(), "the second page was asked for on a thread of the client's own");
        assertTrue(helpers.stream().allMatch(Thread::isDaemon), "a forgotten client never keeps the JVM alive");
        assertTrue(helpers.size() <= IoThreads.MAX_THREADS);

        client.close();
        assertTrue(client.threads().isShutdown());
        assertEquals(60, client.urgent().listInstances().size(), "a closed client still lists, without the overlap");
    }

    @Test
    void instanceRowsCarryWhatAMonitorNeeds() {
        Instance first = client.listInstances().get(0);
        assertNotNull(first.gpuName());
        assertTrue(first.hourlyCost() > 0);
        assertEquals("running", first.actualStatus());
        assertNotNull(first.ssh(), "a running instance has an SSH address");
        assertEquals(first.publicIpaddr(), first.publicIpaddr().strip(), "public_ipaddr is stripped");
        assertNotNull(first.started());
    }

    @Test
    void retriesThroughRateLimitsThenSucceeds() {
        sim.faults().rateLimitNext(2);
        assertEquals(3, client.listInstances().size());
        assertEquals(2, sim.faults().rateLimitedCount());
    }

    @Test
    void rateLimitThatNeverEndsSurfacesAsRateLimited() {
        sim.faults().rateLimitNext(100);
        RateLimitedException e = assertThrows(RateLimitedException.class, () -> client.listInstances());
        assertEquals(429, e.status());
        assertTrue(e.getMessage().startsWith("rate_limited: API requests too frequent"), e.getMessage());
        assertEquals(FAST.maxAttempts(), sim.count("GET", "/api/v1/instances"));
    }

    @Test
    void droppedConnectionIsRetriedForReads() {
        sim.faults().dropConnectionNext(1);
        assertEquals(3, client.listInstances().size());
    }

    @Test
    void serverErrorOnDestroyIsReportedNotHidden() {
        long id = sim.state().instances().get(0).id();
        sim.faults().failDestroy(id, 500);
        ServerErrorException e = assertThrows(ServerErrorException.class, () -> client.destroyInstance(id));
        assertEquals(500, e.status());
        assertFalse(sim.state().isDestroyed(id));
    }

    @Test
    void destroyAcceptsTheUsualAnswerA204AndAnEmptyBody() {
        List<Long> ids = sim.state().instances().stream().map(i -> i.id()).toList();
        assertEquals(DestroyResult.ACCEPTED, client.destroyInstance(ids.get(0)));
        sim.faults().destroyAnswers204(true);
        assertEquals(DestroyResult.ACCEPTED, client.destroyInstance(ids.get(1)));
        sim.faults().destroyAnswers204(false);
        sim.faults().emptyDestroyBody(true);
        assertEquals(DestroyResult.ACCEPTED, client.destroyInstance(ids.get(2)));
        ids.forEach(id -> assertTrue(sim.state().isDestroyed(id)));
    }

    @Test
    void destroyingAnUnknownInstanceMeansAlreadyGone() {
        assertEquals(DestroyResult.ALREADY_GONE, client.destroyInstance(999_999_999L));
    }

    @Test
    void singleGetFindsTheInstanceThenNothingOnceDestroyed() {
        long id = sim.state().instances().get(0).id();
        assertEquals(id, client.getInstance(id).orElseThrow().id());
        client.destroyInstance(id);
        assertTrue(client.getInstance(id).isEmpty());
    }

    @Test
    void bulkDestroyRemovesAll() {
        List<Long> ids = sim.state().instances().stream().map(i -> i.id()).toList();
        client.destroyInstances(ids);
        ids.forEach(id -> assertTrue(sim.state().isDestroyed(id)));
    }

    @Test
    void rentCreatesAnInstanceWithTheLabel() {
        Offer offer = client.searchOffers(OfferFilter.DEFAULT.toQuery(10)).get(0);
        RentResult result = client.rent(offer.id(), RentRequest.of("pytorch/pytorch:latest", 20, "client-test"));
        assertTrue(result.newContract() > 0);
        assertFalse(
                result.toString().contains(String.valueOf(result.instanceApiKey())), "instance key is a secret too");
        Instance rented = client.getInstance(result.newContract()).orElseThrow();
        assertEquals("client-test", rented.label());
    }

    @Test
    void rentIsNeverRetriedBlindly() {
        Offer offer = client.searchOffers(OfferFilter.DEFAULT.toQuery(10)).get(0);
        sim.faults().serverErrorNext(1);
        assertThrows(
                ServerErrorException.class,
                () -> client.rent(offer.id(), RentRequest.of("pytorch/pytorch:latest", 20, "once")));
        assertEquals(1, sim.count("PUT", "/api/v0/asks/"));
    }

    @Test
    void insufficientCreditIsTypedWithVastsMessage() {
        sim.state().setCredit(0);
        Offer offer = client.searchOffers(OfferFilter.DEFAULT.toQuery(10)).get(0);
        InsufficientCreditException e = assertThrows(
                InsufficientCreditException.class,
                () -> client.rent(offer.id(), RentRequest.of("pytorch/pytorch:latest", 20, "broke")));
        assertEquals("insufficient_credit: Your account lacks credit; see the billing page.", e.getMessage());
        assertEquals(400, e.status());
    }

    @Test
    void insufficientCreditIsRecognisedAs403AndAs200WithSuccessFalse() {
        sim.state().setCredit(0);
        Offer offer = client.searchOffers(OfferFilter.DEFAULT.toQuery(10)).get(0);
        sim.faults().insufficientCreditStatus(403);
        assertInstanceOf(
                InsufficientCreditException.class,
                assertThrows(VastException.class, () -> client.rent(offer.id(), RentRequest.of("img", 20, "a"))));
        sim.faults().insufficientCreditStatus(400);
        sim.faults().insufficientCreditAs200(true);
        assertInstanceOf(
                InsufficientCreditException.class,
                assertThrows(VastException.class, () -> client.rent(offer.id(), RentRequest.of("img", 20, "b"))));
    }

    @Test
    void wrongKeyAndMissingKeyAreAuthenticationErrorsWithoutTheKey() {
        String wrong = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
        VastClient bad = clientFor(sim, wrong);
        AuthenticationException e = assertThrows(AuthenticationException.class, bad::listInstances);
        assertEquals(401, e.status());
        assertFalse(e.getMessage().contains(wrong));

        AuthenticationException missing = assertThrows(
                AuthenticationException.class, () -> clientFor(sim, null).currentUser());
        assertEquals(403, missing.status());
        assertEquals("auth_error: This action requires login.", missing.getMessage());
    }

    @Test
    void offerSearchWorksWithoutAKey() {
        List<Offer> offers = clientFor(sim, null).searchOffers(OfferFilter.DEFAULT.toQuery(5));
        assertFalse(offers.isEmpty());
    }

    @Test
    void aServerThatIsDownIsATransportError() {
        VastClient toNowhere = clientFor(sim, sim.apiKey());
        sim.close();
        TransportException e = assertThrows(TransportException.class, toNowhere::listInstances);
        assertEquals("connection_refused", e.type());
    }

    @Test
    void aSlowServerTimesOut() {
        sim.faults().latency(Duration.ofSeconds(2));
        VastClient impatient = new VastClient(new ClientSettings(
                sim.baseUrl(),
                new ApiKey(sim.apiKey(), "test"),
                Duration.ofSeconds(1),
                Duration.ofMillis(200),
                RetryPolicy.NONE));
        TransportException e = assertThrows(TransportException.class, impatient::currentUser);
        assertEquals("timeout", e.type());
    }

    @Test
    void malformedJsonIsItsOwnError() {
        sim.faults().malformedJsonNext(1);
        MalformedResponseException e = assertThrows(MalformedResponseException.class, client::currentUser);
        assertTrue(e.getMessage().startsWith("malformed_response: "), e.getMessage());
    }

    @Test
    void accountShowsCredit() {
        Account account = client.currentUser();
        assertTrue(account.creditUsd() > 0 && account.creditUsd() <= 25.0, "credit " + account.creditUsd());
    }

    @Test
    void deprecatedEndpointMapsToItsOwnType() {
        VastException e = client.errors()
                .classify(
                        410,
                        "{\"success\": false, \"error\": \"deprecated_endpoint\", "
                                + "\"msg\": \"/api/v0/instances/ is deprecated. Use /api/v1/instances/ instead.\"}");
        assertInstanceOf(DeprecatedEndpointException.class, e);
        assertTrue(e.getMessage().startsWith("deprecated_endpoint: /api/v0/instances/ is deprecated"));
    }

    @Test
    void plainTextAndEchoedKeysNeverLeakIntoMessages() {
        VastException e = client.errors().classify(502, "<html>Bad gateway for " + sim.apiKey() + "</html>");
        assertInstanceOf(ServerErrorException.class, e);
        assertFalse(e.getMessage().contains(sim.apiKey()), e.getMessage());
        assertTrue(e.getMessage().contains("HTTP 502"));
    }

    /** vast-api.md §5: Vast's own client waits 120 s for a rent, because creating an instance is slow. */
    @Test
    void aRentGetsTwoMinutesByDefault() {
        assertEquals(
                Duration.ofSeconds(120), ClientSettings.of(sim.baseUrl(), null).rentTimeout());
        assertEquals(
                Duration.ofSeconds(120),
                new ClientSettings(sim.baseUrl(), null, Duration.ofSeconds(1), Duration.ofSeconds(1), RetryPolicy.NONE)
                        .rentTimeout());
    }

    /** The answer comes after the ordinary request timeout (the old 30 s, scaled down) but within the rent's. */
    @Test
    void aRentAnsweredAfterTheRequestTimeoutStillSucceedsOnce() {
        sim.faults().latency(Duration.ofMillis(700));
        VastClient c = new VastClient(new ClientSettings(
                sim.baseUrl(),
                new ApiKey(sim.apiKey(), "test"),
                Duration.ofSeconds(1),
                Duration.ofMillis(250),
                RetryPolicy.NONE,
                Duration.ofSeconds(20)));
        long offer = sim.state().offers().get(0).id();

        RentResult result = c.rent(offer, RentRequest.of("img", 10, "slow-rent"));

        assertTrue(sim.state().instance(result.newContract()).isPresent());
        assertEquals(1, sim.count("PUT", "/api/v0/asks/"));
        assertThrows(TransportException.class, c::currentUser, "other calls keep the short timeout");
    }

    /** vast-api.md §3.4: only Vast's own refusal starts the cleanup that destroys every instance. */
    @Test
    void onlyVastsOwnCreditRefusalIsInsufficientCredit() {
        assertInstanceOf(
                InsufficientCreditException.class,
                client.errors()
                        .classify(
                                400,
                                "{\"success\": false, \"error\": \"insufficient_credit\", \"msg\": \"anything\"}"));
        assertInstanceOf(
                InsufficientCreditException.class,
                client.errors().classify(400, "{\"msg\": \"Your account lacks credit; see the billing page.\"}"));
        assertFalse(
                client.errors()
                                .classify(
                                        502,
                                        "<html><body>Your account lacks credit; see the billing page.</body></html>")
                        instanceof InsufficientCreditException,
                "a proxy's page is not Vast's answer");
        assertFalse(
                client.errors()
                                .classify(
                                        400,
                                        "{\"success\": false, \"error\": \"invalid_args\", \"msg\":"
                                                + " \"error 400/3467: Invalid args: label 'my account lacks credit' is invalid\"}")
                        instanceof InsufficientCreditException,
                "an echoed label is not a refusal");
        assertFalse(
                client.errors().classify(500, "{\"error\": \"insufficient_credit\", \"msg\": \"x\"}")
                        instanceof InsufficientCreditException,
                "a server error is not a refusal");
    }

    /** vast-api.md §2: "invalid user key" is an auth error whatever the JVM's language (Turkish lower-cases I to ı). */
    @Test
    void errorKindsDoNotDependOnTheDefaultLocale() {
        java.util.Locale before = java.util.Locale.getDefault();
        java.util.Locale.setDefault(java.util.Locale.forLanguageTag("tr-TR"));
        try {
            assertInstanceOf(
                    AuthenticationException.class, client.errors().classify(400, "{\"msg\": \"INVALID USER KEY\"}"));
        } finally {
            java.util.Locale.setDefault(before);
        }
    }

    /** vast-api.md §3.4: an environment variable is its bare name; the simulator refuses the old "-e KEY" shape. */
    @Test
    void thePromptReachesTheContainerUnderItsBareName() {
        long offer = sim.state().offers().get(0).id();
        long id = client.rent(offer, RentRequest.of("img", 10, "env").withEnvVar("PROMPT", "a lighthouse"))
                .newContract();
        assertEquals(
                List.of(List.of("PROMPT", "a lighthouse")),
                sim.state().instance(id).orElseThrow().extraEnv());

        long other = sim.state().offers().get(1).id();
        ApiErrorException e = assertThrows(
                ApiErrorException.class,
                () -> client.rent(
                        other,
                        new RentRequest("img", 10, "env", java.util.Map.of("-e PROMPT", "x"), null, null, null)));
        assertEquals(400, e.status());
        assertEquals("invalid_args", e.type());
    }
}
