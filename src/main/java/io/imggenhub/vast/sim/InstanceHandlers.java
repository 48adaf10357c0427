package io.imggenhub.vast.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The single-instance routes and the two legacy list routes: show, destroy, manage, bulk destroy, v0 list. */
final class InstanceHandlers {
    static final String DEPRECATED_MSG = "/api/v0/instances/ is deprecated. Use /api/v1/instances/ instead.";

    private final SimState state;
    private final SimFaults faults;

    InstanceHandlers(SimState state, SimFaults faults) {
        this.state = state;
        this.faults = faults;
    }

    /** {@code GET /api/v0/instances/{id}/}: the object under the plural key, null once destroyed or unknown. */
    SimResponse show(SimRequest request, List<String> args) {
        Long id = parseId(args.get(0));
        if (id == null) {
            return SimResponse.error(400, "invalid_args", "invalid instance_id");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("instances", state.instanceRow(id));
        return SimResponse.json(200, body);
    }

    /** {@code DELETE /api/v0/instances/{id}/}. */
    SimResponse destroy(SimRequest request, List<String> args) {
        Long id = parseId(args.get(0));
        if (id == null) {
            return SimResponse.error(400, "invalid_args", "invalid instance_id");
        }
        int forced = faults.failDestroyStatus(id);
        if (forced != 0) {
            return forcedDestroyFailure(forced, id);
        }
        if (faults.ignoresDestroy(id) && state.instance(id).isPresent()) {
            return SimResponse.success();
        }
        if (!state.destroyForApi(id, request.instanceKeyOwner() == null ? "api" : "instance-key")) {
            return noSuchInstance(id);
        }
        if (faults.destroyAnswers204()) {
            return SimResponse.empty(204);
        }
        if (faults.emptyDestroyBody()) {
            return SimResponse.empty(200);
        }
        return SimResponse.success();
    }

    /**
     * {@code DELETE /api/v0/instances/} with {@code {"instance_ids": [...]}} (vast-api.md §3.3, "Delete Instances
     * Bulk"): 200 {@code {"success": true}} after destroying those of the ids that are the caller's and live; 400
     * {@code invalid_args} for bad JSON or an empty or missing list; 404 {@code instances_not_found} when none is.
     *
     * <p>Fault switches: an id under {@code failDestroy} with 400 makes the whole request answer 400 (nothing is
     * destroyed); with any other status it is silently left alive, as is an {@code ignoreDestroy} id. A 5xx of the
     * whole request is a proxy fault ({@link SimFaults#serverErrorNext}), not a property of one id.
     */
    SimResponse destroyMany(SimRequest request, List<String> args) {
        JsonNode body = SimJson.parseOrNull(request.body());
        if (body == null || !body.isObject()) {
            return SimResponse.error(400, "invalid_args", "invalid request format");
        }
        JsonNode ids = body.get("instance_ids");
        if (ids == null || !ids.isArray() || ids.isEmpty()) {
            return SimResponse.error(400, "invalid_args", "instance_ids array is required");
        }
        List<Long> wanted = new ArrayList<>();
        for (JsonNode node : ids) {
            if (!node.canConvertToLong() || node.asLong() <= 0) {
                return SimResponse.error(400, "invalid_args", "invalid request format");
            }
            wanted.add(node.asLong());
        }
        for (long id : wanted) {
            int forced = faults.failDestroyStatus(id);
            if (forced == 400) {
                return forcedDestroyFailure(forced, id);
            }
        }
        boolean anyMine = false;
        for (long id : wanted) {
            boolean live = state.instance(id).filter(i -> !i.isDestroyed()).isPresent();
            anyMine |= live;
            if (live && faults.failDestroyStatus(id) == 0 && !faults.ignoresDestroy(id)) {
                state.destroyForApi(id, "api");
            }
        }
        if (!anyMine) {
            return SimResponse.error(404, "instances_not_found", "Instances " + wanted + " not found.");
        }
        return SimResponse.success();
    }

    /** {@code PUT /api/v0/instances/{id}/} with {@code state} and/or {@code label}. */
    SimResponse manage(SimRequest request, List<String> args) {
        Long id = parseId(args.get(0));
        if (id == null) {
            return SimResponse.error(400, "invalid_args", "invalid instance_id");
        }
        JsonNode body = SimJson.parseOrNull(request.body());
        if (body == null || !body.isObject()) {
            return SimResponse.error(
                    400, "invalid_args", "error 400/1782: Invalid args: invalid json: " + request.bodyText());
        }
        String msg = null;
        if (body.has("label")) {
            String label = body.get("label").isNull() ? null : body.get("label").asText();
            if (label != null && label.length() > 1024) {
                return SimResponse.error(400, "label_too_long", "Please limit label length to 1024 characters.");
            }
            if (state.relabel(id, label) == SimState.ManageResult.NO_SUCH_INSTANCE) {
                return noSuchInstance(id);
            }
            msg = "label for " + id + " set to '" + (label == null ? "" : label) + "'";
        }
        if (body.has("state")) {
            String target = body.get("state").asText();
            if (!target.equals("running") && !target.equals("stopped")) {
                return SimResponse.error(400, "invalid_args", "state must be running or stopped");
            }
            SimState.ManageResult result = state.changeState(id, target.equals("running"));
            if (result == SimState.ManageResult.NO_SUCH_INSTANCE) {
                return noSuchInstance(id);
            }
            if (result == SimState.ManageResult.INSUFFICIENT_CREDIT) {
                return RentHandler.insufficientCredit(faults);
            }
        }
        if (!body.has("label") && !body.has("state")) {
            return SimResponse.error(400, "invalid_args", "nothing to change: send state or label");
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("success", true);
        if (msg != null) {
            answer.put("msg", msg);
        }
        return SimResponse.json(200, answer);
    }

    /** {@code GET /api/v0/instances/} (also {@code ?owner=me}): 410 by default, as for most accounts now. */
    SimResponse legacyList(SimRequest request, List<String> args) {
        if (faults.legacyListGone()) {
            return SimResponse.error(410, "deprecated_endpoint", DEPRECATED_MSG);
        }
        List<Map<String, Object>> rows = state.instanceRows();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("instances_found", rows.size());
        body.put("instances", rows);
        return SimResponse.json(200, body);
    }

    /** {@code GET /api/v0/instances/filters/}: the distinct status/verification/GPU combinations, for display. */
    SimResponse filters(SimRequest request, List<String> args) {
        Map<List<Object>, Integer> combos = new LinkedHashMap<>();
        for (Map<String, Object> row : state.instanceRows()) {
            combos.merge(
                    List.of(
                            String.valueOf(row.get("actual_status")),
                            String.valueOf(row.get("verification")),
                            String.valueOf(row.get("gpu_name"))),
                    1,
                    Integer::sum);
        }
        List<Map<String, Object>> list = new ArrayList<>();
        combos.forEach((key, count) -> {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("actual_status", key.get(0));
            one.put("verification", key.get(1));
            one.put("gpu_name", key.get(2));
            one.put("count", count);
            list.add(one);
        });
        return SimResponse.json(200, Map.of("filters", list));
    }

    static SimResponse noSuchInstance(long id) {
        return SimResponse.error(404, "no_such_instance", "Instance " + id + " not found.");
    }

    /** The error bodies Vast's specs give for each status of a failed destroy. */
    private static SimResponse forcedDestroyFailure(int status, long id) {
        return switch (status) {
            case 400 -> SimResponse.error(400, "invalid_args", "invalid instance_id");
            case 401 -> SimResponse.error(401, "auth_error", "Invalid user key");
            case 403 ->
                SimResponse.error(403, "not_authorized", "You are not authorized to destroy instance " + id + ".");
            case 404 -> SimResponse.error(404, "not_found", "Instance not found");
            case 429 ->
                SimResponse.error(429, "rate_limit_exceeded", "API requests too frequent endpoint threshold=3.0");
            default ->
                status >= 500
                        ? SimResponse.error(
                                status, "server_error", "Internal error while destroying instance " + id + ".")
                        : SimResponse.error(status, "destroy_failed", "Could not destroy instance " + id + ".");
        };
    }

    static Long parseId(String text) {
        try {
            long id = Long.parseLong(text.strip());
            return id > 0 ? id : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
