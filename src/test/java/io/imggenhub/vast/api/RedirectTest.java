package io.imggenhub.vast.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imggenhub.vast.config.ApiKey;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A server that redirects elsewhere must not receive the key, or the DELETE, at the other end (issue 11 item 1).
 * Vast's only documented redirect is the same-origin trailing-slash 302 (vast-api.md §1), which is still followed.
 */
class RedirectTest {
    private static final String KEY = "redirect-test-key-0123456789";

    private static VastClient clientFor(FakeServer server) {
        return new VastClient(new ClientSettings(
                server.baseUrl(),
                new ApiKey(KEY, "test"),
                Duration.ofSeconds(2),
                Duration.ofSeconds(5),
                RetryPolicy.NONE));
    }

    @ParameterizedTest
    @ValueSource(ints = {301, 302, 303, 307, 308})
    void aRedirectToAnotherOriginNeverCarriesTheKeyOrTheDelete(int status) {
        try (FakeServer elsewhere = FakeServer.answering(r -> FakeServer.Answer.json("{\"success\": true}"));
                FakeServer redirecting =
                        FakeServer.answering(r -> FakeServer.Answer.redirect(status, elsewhere.baseUrl() + r.path()))) {
            VastClient client = clientFor(redirecting);

            RedirectRefusedException e = assertThrows(RedirectRefusedException.class, () -> client.destroyInstance(42));

            assertEquals(List.of(), elsewhere.seen(), "the other origin received nothing");
            assertEquals(1, redirecting.seen().size());
            assertTrue(e.getMessage().contains(redirecting.baseUrl().toString()), e.getMessage());
            assertTrue(e.getMessage().contains(elsewhere.baseUrl().toString()), e.getMessage());
            assertTrue(e.getMessage().startsWith("redirect_refused: "), e.getMessage());
            assertTrue(!e.getMessage().contains(KEY));
        }
    }

    @Test
    void aListingRedirectedToAnotherOriginFailsLoudlyInsteadOfSendingTheKey() {
        try (FakeServer elsewhere = FakeServer.answering(r -> FakeServer.Answer.json("{\"instances\": []}"));
                FakeServer redirecting =
                        FakeServer.answering(r -> FakeServer.Answer.redirect(302, elsewhere.baseUrl() + r.path()))) {
            assertThrows(
                    RedirectRefusedException.class, () -> clientFor(redirecting).listInstances());
            assertEquals(List.of(), elsewhere.seen());
        }
    }

    @Test
    void aSchemeChangeOnTheSameHostIsAnotherOrigin() {
        try (FakeServer redirecting =
                FakeServer.answering(r -> FakeServer.Answer.redirect(301, "https://127.0.0.1" + r.path()))) {
            RedirectRefusedException e = assertThrows(
                    RedirectRefusedException.class, () -> clientFor(redirecting).currentUser());
            assertTrue(e.getMessage().contains("https://127.0.0.1:443"), e.getMessage());
        }
    }

    @Test
    void theTrailingSlashRedirectOnTheSameOriginIsFollowedAndKeepsTheDelete() {
        try (FakeServer server = FakeServer.answering(r -> r.path().startsWith("/moved/")
                ? FakeServer.Answer.json("{\"success\": true}")
                : FakeServer.Answer.redirect(302, "/moved" + r.path()))) {
            DestroyResult result = clientFor(server).destroyInstance(42);

            assertEquals(DestroyResult.ACCEPTED, result);
            List<FakeServer.Seen> seen = server.seen();
            assertEquals(2, seen.size());
            assertEquals("DELETE", seen.get(1).method(), "a 302 must not turn a destroy into a GET");
            assertEquals("/moved/api/v0/instances/42/", seen.get(1).path());
            assertEquals("Bearer " + KEY, seen.get(1).authorization());
        }
    }

    @Test
    void aSeeOtherOnTheSameOriginBecomesAGetWithoutTheBody() {
        try (FakeServer server = FakeServer.answering(r -> r.path().startsWith("/other")
                ? FakeServer.Answer.json("{\"offers\": []}")
                : FakeServer.Answer.redirect(303, "/other"))) {
            clientFor(server).searchOffers(OfferQuery.rentable().limit(1));

            FakeServer.Seen second = server.seen().get(1);
            assertEquals("GET", second.method());
            assertEquals("", second.body());
        }
    }

    @Test
    void aRedirectLoopStops() {
        try (FakeServer server = FakeServer.answering(r -> FakeServer.Answer.redirect(307, r.path()))) {
            RedirectRefusedException e = assertThrows(
                    RedirectRefusedException.class, () -> clientFor(server).currentUser());
            assertTrue(e.getMessage().contains("more than"), e.getMessage());
        }
    }
}
