package io.imggenhub.vast.sim;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** An answer before it is written: status, Content-Type (null for none) and body bytes. */
record SimResponse(int status, String contentType, byte[] body) {
    /** Exactly this, without a charset: Vast's CLI compares the header as a plain string. */
    static final String JSON = "application/json";

    static SimResponse json(int status, Object value) {
        return new SimResponse(status, JSON, SimJson.bytes(value));
    }

    static SimResponse text(int status, String text) {
        return new SimResponse(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    static SimResponse html(int status, String html) {
        return new SimResponse(status, "text/html", html.getBytes(StandardCharsets.UTF_8));
    }

    static SimResponse empty(int status) {
        return new SimResponse(status, null, new byte[0]);
    }

    /** Vast's common error shape: {@code {"success": false, "error": code, "msg": text}}. */
    static SimResponse error(int status, String error, String msg) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", false);
        body.put("error", error);
        body.put("msg", msg);
        return json(status, body);
    }

    static SimResponse success() {
        return json(200, Map.of("success", true));
    }

    /** The same answer cut in the middle, as a proxy that drops the tail of a response would leave it. */
    SimResponse malformed() {
        byte[] source =
                body.length > 1 ? body : "{\"success\": true, \"instances\": [".getBytes(StandardCharsets.UTF_8);
        int cut = Math.max(1, source.length / 2);
        return new SimResponse(200, JSON, Arrays.copyOf(source, cut));
    }
}
