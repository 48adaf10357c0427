package io.imggenhub.vast.cli;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.imggenhub.vast.api.Instance;
import io.imggenhub.vast.api.Json;
import io.imggenhub.vast.config.ApiKey;
import io.imggenhub.vast.config.ApiKeyResolver;
import io.imggenhub.vast.config.ServerResolver;
import io.imggenhub.vast.core.VastServices;
import io.imggenhub.vast.store.Database;
import io.imggenhub.vast.store.LocalData;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every Vast command shares: the common options, the context it runs in, connecting to the core, JSON and
 * confirmation. Subclasses implement {@link #execute()} and return an exit code; failures are thrown and turned
 * into one stderr line by {@link ErrorHandler}.
 */
abstract class VastCommand implements Callable<Integer> {
    /**
     * Instances print with Vast's field names only: the record's helper flags are not Vast's. In a holder so that
     * only {@code --json} pays for copying the mapper (picocli loads every command class before it parses).
     */
    private static final class JsonOut {
        static final ObjectWriter WRITER = Json.mapper()
                .copy()
                .addMixIn(Instance.class, VastFieldsOnly.class)
                .writerWithDefaultPrettyPrinter();
    }

    @JsonIgnoreProperties({"gone", "stopped"})
    private interface VastFieldsOnly {}

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    private ApiKey apiKey;
    private URI server;
    private LocalData data;

    @Override
    public final Integer call() throws Exception {
        CliContext ctx = ctx();
        try (AutoCloseable logging = VerboseLogging.install(common.verbose, ctx.err())) {
            return execute();
        } finally {
            closeData();
            ctx.out().flush();
            ctx.err().flush();
        }
    }

    protected abstract int execute() throws Exception;

    private synchronized void closeData() {
        if (data != null) {
            data.close();
            data = null;
        }
    }

    CliContext ctx() {
        return ((VastCli) spec.root().userObject()).context();
    }

    PrintWriter out() {
        return ctx().out();
    }

    PrintWriter err() {
        return ctx().err();
    }

    boolean json() {
        return common.json;
    }

    boolean verbose() {
        return common.verbose;
    }

    /** {@code text} with this command's key masked: for stack traces, whose messages quote servers. */
    String redact(String text) {
        return apiKey == null || text == null ? text : text.replace(apiKey.reveal(), "****");
    }

    /** Where the key came from ("env VAST_API_KEY"), for error hints; never the key itself. */
    Optional<String> keySource() {
        return Optional.ofNullable(apiKey).map(ApiKey::source);
    }

    /**
     * The core for the chosen server and key. Resolving them sends nothing, so a missing key or a bad URL ends the
     * command before any request.
     */
    VastServices connect(boolean keyRequired) {
        CliContext ctx = ctx();
        URI server = server();
        ApiKeyResolver resolver = new ApiKeyResolver(ctx.env(), ctx.home());
        Optional<ApiKey> key;
        try {
            key = resolver.resolve(common.apiKey);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw CliException.usage("invalid_api_key", e.getMessage());
        }
        if (key.isEmpty() && keyRequired) {
            throw CliException.usage(
                    "no_api_key",
                    "No Vast.ai API key found. Set VAST_API_KEY, pass --api-key KEY," + " or save the key in "
                            + resolver.keyFile() + " (Vast's own 'vastai set api-key' does that).");
        }
        apiKey = key.orElse(null);
        // The file is opened by the first event: listing commands never pay for loading SQLite.
        return VastServices.connect(
                server, apiKey, ctx.destroyerSettings(), event -> data().audit().record(event), ctx.clock());
    }

    /**
     * The instance as Vast lists it now, for a command about one instance; one that is gone or was never on this
     * account ends the command (exit 1) before anything is sent about it.
     */
    Instance instanceOnAccount(VastServices services, long instanceId) {
        return services.client()
                .getInstance(instanceId)
                .filter(i -> !i.isGone())
                .orElseThrow(() -> new CliException(
                        ExitCodes.FAILED,
                        "not_found",
                        "instance " + instanceId
                                + " is not on this account (already destroyed?); 'instances' lists what is"));
    }

    /** The key {@link #connect} resolved (null before, or when none was needed and none found); never printed. */
    ApiKey apiKey() {
        return apiKey;
    }

    /** The chosen server (flag, env, default); resolving it sends nothing. Guards are kept per server. */
    URI server() {
        if (server == null) {
            try {
                server = ServerResolver.resolve(common.url, ctx().env());
            } catch (IllegalArgumentException e) {
                throw CliException.usage("invalid_url", e.getMessage());
            }
        }
        return server;
    }

    /**
     * This machine's audit log, spend history and guards, open until the command ends. A damaged or locked file
     * only costs the memory of this run (with a warning): it must never stop a destroy.
     */
    synchronized LocalData data() {
        if (data == null) {
            data = LocalData.openOrInMemory(dataFile(), this::warn);
            data.audit().onWarning(this::warn);
        }
        return data;
    }

    private void warn(String warning) {
        err().println("[WARN] " + TerminalText.safe(warning));
        err().flush();
    }

    /** The data file, opened strictly: for commands whose whole point is what it remembers. */
    synchronized LocalData requireData() {
        if (data == null) {
            data = LocalData.open(dataFile());
        }
        return data;
    }

    java.nio.file.Path dataFile() {
        return Database.defaultFile(ctx().env(), ctx().home());
    }

    void printJson(Object value) {
        try {
            out().println(JsonOut.WRITER.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Refuses up front (before any request) when the command would have to ask but nobody can answer: a script
     * must say {@code --yes}, it must never hang on a prompt.
     */
    void requireConfirmationPossible(boolean yes, String action) {
        if (!yes && !ctx().interactive()) {
            throw CliException.usage(
                    "confirmation_required",
                    "Refusing to " + action
                            + " without confirmation: there is no terminal to ask on. Pass --yes to confirm.");
        }
    }

    /** Asks on stderr (stdout stays clean for pipes) and reads one line; only y or yes confirms. */
    boolean confirm(String question) {
        err().print(TerminalText.safe(question) + " [y/N] ");
        err().flush();
        String answer;
        try {
            answer = ctx().in().readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (answer == null) {
            err().println();
            return false;
        }
        String a = answer.strip();
        return a.equalsIgnoreCase("y") || a.equalsIgnoreCase("yes");
    }
}
