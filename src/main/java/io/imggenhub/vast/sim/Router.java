package io.imggenhub.vast.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * Maps method and path segments to a route. Patterns are segment lists where {@code {id}} matches one segment;
 * literal routes are listed before the {@code {id}} ones so that {@code /instances/filters/} is not an id.
 */
final class Router {
    /** What a route does with a request; {@code pathArgs} are the segments matched by {@code {id}}. */
    interface Handler {
        SimResponse handle(SimRequest request, List<String> pathArgs) throws QueryException;
    }

    /**
     * @param group the endpoint group the rate limiter counts in (Vast limits per endpoint)
     * @param auth  whether the route needs the API key
     */
    record Route(String method, List<String> pattern, boolean auth, String group, Handler handler) {}

    /** A found route, or {@code route == null} with {@code pathExists} telling 405 from 404. */
    record Match(Route route, List<String> pathArgs, boolean pathExists) {
        String group() {
            return route == null ? "other" : route.group();
        }
    }

    private final List<Route> routes = new ArrayList<>();

    Router add(String method, String path, boolean auth, String group, Handler handler) {
        routes.add(new Route(method, SimRequest.segments(path), auth, group, handler));
        return this;
    }

    Match match(String method, List<String> segments) {
        boolean pathExists = false;
        for (Route route : routes) {
            List<String> args = bind(route.pattern(), segments);
            if (args == null) {
                continue;
            }
            pathExists = true;
            if (route.method().equalsIgnoreCase(method)) {
                return new Match(route, args, true);
            }
        }
        return new Match(null, List.of(), pathExists);
    }

    private static List<String> bind(List<String> pattern, List<String> segments) {
        if (pattern.size() != segments.size()) {
            return null;
        }
        List<String> args = new ArrayList<>();
        for (int i = 0; i < pattern.size(); i++) {
            String p = pattern.get(i);
            if (p.equals("{id}")) {
                args.add(segments.get(i));
            } else if (!p.equals(segments.get(i))) {
                return null;
            }
        }
        return args;
    }
}
