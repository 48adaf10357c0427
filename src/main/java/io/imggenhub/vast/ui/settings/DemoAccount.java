package io.imggenhub.vast.ui.settings;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.imggenhub.vast.config.ApiKey;
import io.imggenhub.vast.core.VastServices;
import io.imggenhub.vast.store.LocalData;
import io.imggenhub.vast.sim.SimInstance;
import io.imggenhub.vast.sim.SimulatorConfig;
import io.imggenhub.vast.sim.VastSimulator;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;

/**
 * The demo a first start shows: the bundled simulator in-process on a free loopback port, a few instances, a small
 * credit and billing 20 times faster than real time, so the credit visibly drains between polls (about a dollar a
 * poll) yet lasts long enough to look around. One instance is stopped, as in a real account, so that a row pays
 * storage only. Its key stays inside: the window shows it nowhere.
 */
public final class DemoAccount {
    private static final Logger LOG = Logger.getLogger(DemoAccount.class.getName());
    public static final int INSTANCES = 6;
    static final double CREDIT = 40.0;
    public static final double TIME_SCALE = 20.0;

    private DemoAccount() {
    }

    public static Connection start() {
        return start(SimulatorConfig.defaults().withInstances(INSTANCES).withCredit(CREDIT).withTimeScale(TIME_SCALE));
    }

    public static Connection start(SimulatorConfig config) {
        VastSimulator simulator = VastSimulator.start(config.withPort(0));
        try {
            stopOne(simulator);
            // Demo spend is kept in memory only, so it never mixes with a real account's history.
            LocalData data = LocalData.inMemory();
            VastServices services = Connection.servicesFor(simulator.baseUrl(), new ApiKey(simulator.apiKey(), "demo"),
                    data);
            return new Connection(services, null, true, simulator, data);
        } catch (RuntimeException e) {
            simulator.close();
            throw e;
        }
    }

    /** Stops the last instance the way a person would, through the API, so the demo shows a storage-only row. */
    private static void stopOne(VastSimulator simulator) {
        List<SimInstance> instances = simulator.state().instances();
        if (instances.size() < 3) {
            return;
        }
        long id = instances.get(instances.size() - 1).id();
        String body = JsonNodeFactory.instance.objectNode().put("state", "stopped").toString();
        HttpRequest request = HttpRequest.newBuilder(simulator.baseUrl().resolve("/api/v0/instances/" + id + "/"))
                .timeout(Duration.ofSeconds(5))
                .header("Authorization", "Bearer " + simulator.apiKey())
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<Void> response = HttpClient.newHttpClient()
                    .send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                LOG.fine("the demo could not stop instance " + id + ": HTTP " + response.statusCode());
            }
        } catch (IOException e) {
            LOG.fine("the demo could not stop instance " + id + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
