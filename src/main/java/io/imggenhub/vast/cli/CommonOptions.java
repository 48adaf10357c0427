package io.imggenhub.vast.cli;

import picocli.CommandLine.Option;

/** The options every command takes: where to connect, with which key, how to print, how much to say. */
public final class CommonOptions {
    @Option(
            names = "--url",
            paramLabel = "URL",
            description = "Vast server (default: env VAST_URL, else https://console.vast.ai). "
                    + "Plain http only for a local simulator.")
    String url;

    @Option(
            names = "--api-key",
            paramLabel = "KEY",
            description = "Vast API key (default: env VAST_API_KEY, env VAST_AI_API_KEY, "
                    + "~/.config/vastai/vast_api_key, ~/.vast_api_key). Never printed.")
    String apiKey;

    @Option(names = "--json", description = "Print the result as JSON on stdout (Vast's own field names).")
    boolean json;

    @Option(
            names = {"-v", "--verbose"},
            description = "Log every request (method, path, status, time; never the key) and show stack traces.")
    boolean verbose;
}
