package io.imggenhub.vast.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.imggenhub.vast.config.ApiKey;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

/** The requests {@link VastClient} sends, path and body, as Vast's own CLI shapes them (vast-api.md §3). */
final class Requests {
    private Requests() {}

    /**
     * One request description; {@code retryable} is false for calls that must never be repeated blindly. The body
     * is built when the request's turn has come (see {@link #destroyBulk(Supplier, List)}).
     */
    record Call(String method, Endpoint endpoint, String path, Supplier<JsonNode> body, boolean retryable) {
        /** The same request, never retried. */
        Call once() {
            return new Call(method, endpoint, path, body, false);
        }
    }

    /** One page of the listing (vast-api.md §3.1); {@code filter} from {@link #idFilter}, or empty. */
    static Call listPage(String filter, String token) {
        return get(
                Endpoint.LIST,
                "/api/v1/instances/?limit=" + InstancePage.PAGE_SIZE + filter
                        + (token == null ? "" : "&after_token=" + encode(token)));
    }

    /** Asks Vast to list only these ids: {@code select_filters={"id":{"in":[...]}}}. */
    static String idFilter(Collection<Long> ids) {
        ObjectNode filter = emptyObject();
        ids.forEach(filter.putObject("id").putArray("in")::add);
        return "&select_filters=" + encode(filter.toString());
    }

    static Call showInstance(long id) {
        return get(Endpoint.SHOW, "/api/v0/instances/" + id + "/?owner=me");
    }

    static Call destroy(long id) {
        return new Call("DELETE", Endpoint.DESTROY, "/api/v0/instances/" + id + "/", Requests::emptyObject, true);
    }

    /** The bulk destroy; {@code sent} receives the ids the body was built with, once the turn has come. */
    static Call destroyBulk(Supplier<List<Long>> ids, List<Long> sent) {
        return new Call(
                "DELETE",
                Endpoint.DESTROY_BULK,
                "/api/v0/instances/",
                () -> {
                    sent.clear();
                    sent.addAll(ids.get());
                    ObjectNode body = emptyObject();
                    sent.forEach(body.putArray("instance_ids")::add);
                    return body;
                },
                true);
    }

    /** Stop or start; sent once, as every PUT here. */
    static Call setState(long id, boolean running) {
        ObjectNode body = emptyObject();
        body.put("state", running ? "running" : "stopped");
        return new Call("PUT", Endpoint.MANAGE, "/api/v0/instances/" + id + "/", () -> body, false);
    }

    /** The rent, with every field Vast's CLI sends (vast-api.md §3.4). Never retried. */
    static Call rent(long offerId, RentRequest request) {
        ObjectNode body = emptyObject();
        body.put("client_id", "me");
        body.put("image", request.image());
        body.set("env", Json.mapper().valueToTree(request.env()));
        if (request.bidPrice() == null) {
            body.putNull("price");
        } else {
            body.put("price", request.bidPrice());
        }
        body.put("disk", request.diskGb());
        if (request.label() == null) {
            body.putNull("label");
        } else {
            body.put("label", request.label());
        }
        if (request.onstart() == null) {
            body.putNull("onstart");
        } else {
            body.put("onstart", request.onstart());
        }
        body.put("runtype", request.runtype());
        body.putNull("extra");
        body.putNull("image_login");
        body.put("python_utf8", false);
        body.put("lang_utf8", false);
        body.put("use_jupyter_lab", false);
        body.putNull("jupyter_dir");
        body.put("force", false);
        body.put("cancel_unavail", false);
        body.putNull("template_hash_id");
        body.putNull("user");
        return new Call("PUT", Endpoint.RENT, "/api/v0/asks/" + offerId + "/", () -> body, false);
    }

    /** Offer search is read-only, so it may be retried like a GET. */
    static Call searchOffers(OfferQuery query) {
        JsonNode body = query.toJson();
        return new Call("POST", Endpoint.OFFERS, "/api/v0/bundles/", () -> body, true);
    }

    /** One page of {@code GET /api/v0/charges/} (vast-api.md §3.8): the required {@code day} range in unix seconds. */
    static Call charges(java.time.Instant from, java.time.Instant to, int limit, String token) {
        ObjectNode filter = emptyObject();
        filter.putObject("day").put("gte", from.getEpochSecond()).put("lte", to.getEpochSecond());
        return get(
                Endpoint.CHARGES,
                "/api/v0/charges/?select_filters=" + encode(filter.toString()) + "&limit=" + limit
                        + (token == null ? "" : "&after_token=" + encode(token)));
    }

    static Call currentUser() {
        return get(Endpoint.USER, "/api/v0/users/current/");
    }

    /** The HTTP request of one attempt; the key goes only into the {@code Authorization: Bearer} header. */
    static HttpRequest http(URI target, String method, JsonNode body, Duration timeout, ApiKey key) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(target)
                .timeout(timeout)
                .header("Accept", "application/json")
                .header("User-Agent", "imggenhub-vast/0.1");
        if (key != null) {
            builder.header("Authorization", "Bearer " + key.reveal());
        }
        if (body == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json");
            builder.method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        }
        return builder.build();
    }

    private static Call get(Endpoint endpoint, String path) {
        return new Call("GET", endpoint, path, null, true);
    }

    private static ObjectNode emptyObject() {
        return Json.mapper().createObjectNode();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
