package io.imggenhub.vast.config;

import java.net.URI;
import java.util.Map;

/** The server to talk to, first found wins: {@code --url}, env {@code VAST_URL} (as Vast's CLI), the default. */
public final class ServerResolver {
    private ServerResolver() {}

    public static URI resolve(String fromFlag, Map<String, String> env) {
        if (fromFlag != null) {
            return ServerUrl.parse(fromFlag);
        }
        String fromEnv = env.get("VAST_URL");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return ServerUrl.parse(fromEnv);
        }
        return ServerUrl.parse(ServerUrl.DEFAULT);
    }
}
