package io.imggenhub.vast.ui.instances;

import static io.imggenhub.vast.ui.shell.UiTestSupport.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.imggenhub.vast.api.Instance;
import io.imggenhub.vast.core.FleetSnapshot;
import io.imggenhub.vast.core.VastRepository;
import io.imggenhub.vast.sim.SimulatorConfig;
import io.imggenhub.vast.sim.VastSimulator;
import io.imggenhub.vast.testutil.InstanceBuilder;
import io.imggenhub.vast.ui.settings.UiSettings;
import io.imggenhub.vast.ui.shell.MonitorWindow;
import io.imggenhub.vast.ui.shell.UiTestSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Benchmark, not a test (its name keeps it out of {@code mvn test}): how long the FX thread is busy when a refresh of
 * 2,000 instances lands in the real window, sorted by $/hr with a row selected. Run it with
 * {@code mvn -B -ntp test -Dtest=RefreshBenchmark}; results go to stdout and target/benchmarks/refresh.txt.
 */
@ExtendWith(ApplicationExtension.class)
class RefreshBenchmark {
    static final int FLEET = 2000;
    static final int WARMUP = 15;
    static final int RUNS = 40;
    static VastSimulator sim;

    @TempDir
    Path home;

    MonitorWindow window;

    @BeforeAll
    static void startSimulator() {
        Platform.setImplicitExit(false);
        sim = VastSimulator.start(SimulatorConfig.defaults().withInstances(FLEET));
    }

    @AfterAll
    static void stopSimulator() {
        sim.close();
    }

    @Start
    void start(Stage stage) {
        window = UiTestSupport.open(
                stage,
                UiTestSupport.connectionTo(sim),
                home,
                UiSettings.defaults().withPollSeconds(3600),
                null);
    }

    @Test
    void fxThreadTimeToApplyARefreshOfTwoThousandInstances(FxRobot robot) throws Exception {
        StringBuilder report = new StringBuilder();
        // End to end first: the window's own poll of a 2,000-instance simulator (80 pages, off the FX thread).
        VastRepository repository = window.session().connection().services().repository();
        long ioStart = System.nanoTime();
        FleetSnapshot real = repository.refresh();
        double ioMs = (System.nanoTime() - ioStart) / 1e6;
        double realApply = applyTimed(real)[0];
        report.append(String.format(
                Locale.ROOT,
                "poll of the %d-instance simulator (background thread, 80 pages): %.0f ms; FX apply of that first"
                        + " snapshot (all rows new): %.1f ms%n",
                real.instances().size(),
                ioMs,
                realApply));

        TableView<InstanceRow> table = UiTestSupport.table(robot);
        List<Instance> fleet = new ArrayList<>(real.live());
        Instant[] at = {real.fetchedAt()};
        long[] nextId = {90_000_000L};
        for (String scenario : new String[] {"steady", "churn"}) {
            for (boolean sortedByPrice : new boolean[] {true, false}) {
                boolean churn = scenario.equals("churn");
                robot.interact(() -> {
                    if (sortedByPrice) {
                        TableColumn<InstanceRow, ?> price = table.getColumns().stream()
                                .filter(c -> c.getUserData() == RowField.HOURLY)
                                .findFirst()
                                .orElseThrow();
                        table.getSortOrder().setAll(List.of(price));
                    } else {
                        table.getSortOrder().clear();
                    }
                    table.getSelectionModel().select(FLEET / 2);
                    table.scrollTo(FLEET / 3);
                });
                double[] apply = new double[RUNS];
                double[] pulse = new double[RUNS];
                double[] applyCpu = new double[RUNS];
                double[] pulseCpu = new double[RUNS];
                for (int i = -WARMUP; i < RUNS; i++) {
                    at[0] = at[0].plusSeconds(30);
                    // Steady: every uptime and cost moves, 200 GPU utilisations change (a normal poll).
                    // Churn: also 20 statuses and prices change, 10 instances go and 10 arrive.
                    for (int k = 0; k < 200; k++) {
                        int idx = (i * 31 + k * 9 & 0x7fffffff) % fleet.size();
                        fleet.set(idx, withUtil(fleet.get(idx), (i * 7 + k) % 100));
                    }
                    if (churn) {
                        for (int k = 0; k < 20; k++) {
                            int idx = (i * 37 + k * 101 & 0x7fffffff) % fleet.size();
                            fleet.set(idx, variant(fleet.get(idx), k % 2 == 0 ? "loading" : "running", 0.05 * k));
                        }
                        for (int k = 0; k < 10; k++) {
                            fleet.remove((i * 13 + k * 7 & 0x7fffffff) % fleet.size());
                            fleet.add(variant(fleet.get(k), "loading", 0.01 * k, nextId[0]++));
                        }
                    }
                    double[] t = applyTimed(new FleetSnapshot(fleet, real.account(), at[0]));
                    if (i >= 0) {
                        apply[i] = t[0];
                        pulse[i] = t[1];
                        applyCpu[i] = t[2];
                        pulseCpu[i] = t[3];
                    }
                }
                assertEquals(fleet.size(), fx(() -> table.getItems().size()), "every instance is a row");
                report.append(String.format(
                        Locale.ROOT,
                        "FX-thread time to merge a %d-instance refresh (%s, %d runs"
                                + " after %d warm-up, %s, one row selected): median %.2f ms, p95 %.2f ms, max %.2f ms%n",
                        fleet.size(),
                        scenario,
                        RUNS,
                        WARMUP,
                        sortedByPrice ? "sorted by $/hr" : "unsorted",
                        percentile(apply, 50),
                        percentile(apply, 95),
                        max(apply)));
                report.append(String.format(
                        Locale.ROOT,
                        "  the CSS + layout pulse that follows: median %.2f ms, p95" + " %.2f ms, max %.2f ms%n",
                        percentile(pulse, 50),
                        percentile(pulse, 95),
                        max(pulse)));
                report.append(String.format(
                        Locale.ROOT,
                        "  FX-thread CPU time: merge median %.2f ms (p95 %.2f), pulse" + " median %.2f ms (p95 %.2f)%n",
                        percentile(applyCpu, 50),
                        percentile(applyCpu, 95),
                        percentile(pulseCpu, 50),
                        percentile(pulseCpu, 95)));
            }
        }
        report.append("prism: ")
                .append(System.getProperty("prism.order", "default"))
                .append(", glass: ")
                .append(System.getProperty("glass.platform", "default"))
                .append(", java ")
                .append(System.getProperty("java.version"))
                .append(", cores ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(", load average ")
                .append(loadAverage())
                .append('\n');
        System.out.print(report);
        Path out = Path.of("target", "benchmarks", "refresh.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
    }

    /**
     * Applies on the FX thread; returns {apply ms, following CSS+layout pulse ms} as wall time, then the same two as
     * the FX thread's CPU time (which a busy machine does not inflate).
     */
    private double[] applyTimed(FleetSnapshot snapshot) throws Exception {
        CpuClock threads = CpuClock.INSTANCE;
        CompletableFuture<double[]> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            Scene scene = window.stage().getScene();
            long t0 = System.nanoTime();
            long c0 = threads.getCurrentThreadCpuTime();
            window.session().monitor().apply(snapshot);
            double applyMs = (System.nanoTime() - t0) / 1e6;
            double applyCpuMs = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
            long[] pulseStart = new long[2];
            Runnable pre = () -> {
                pulseStart[0] = System.nanoTime();
                pulseStart[1] = threads.getCurrentThreadCpuTime();
            };
            Runnable[] post = new Runnable[1];
            post[0] = () -> {
                double pulseMs = (System.nanoTime() - pulseStart[0]) / 1e6;
                double pulseCpuMs = (threads.getCurrentThreadCpuTime() - pulseStart[1]) / 1e6;
                scene.removePreLayoutPulseListener(pre);
                scene.removePostLayoutPulseListener(post[0]);
                done.complete(new double[] {applyMs, pulseMs, applyCpuMs, pulseCpuMs});
            };
            scene.addPreLayoutPulseListener(pre);
            scene.addPostLayoutPulseListener(post[0]);
            Platform.requestNextPulse();
        });
        return done.get(30, TimeUnit.SECONDS);
    }

    /**
     * The FX thread's CPU time through java.lang.management, looked up reflectively: test sources compile inside
     * the application module, which does not (and should not, for a benchmark) read java.management.
     */
    private enum CpuClock {
        INSTANCE;

        private final Object bean;
        private final java.lang.reflect.Method cpuTime;

        CpuClock() {
            try {
                bean = Class.forName("java.lang.management.ManagementFactory")
                        .getMethod("getThreadMXBean")
                        .invoke(null);
                cpuTime = Class.forName("java.lang.management.ThreadMXBean").getMethod("getCurrentThreadCpuTime");
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }

        long getCurrentThreadCpuTime() {
            try {
                return (long) cpuTime.invoke(bean);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static Instance withUtil(Instance i, double util) {
        return InstanceBuilder.from(i).gpuUtil(util).build();
    }

    private static Instance variant(Instance i, String status, double extra) {
        return variant(i, status, extra, i.id());
    }

    private static Instance variant(Instance i, String status, double extra, long id) {
        return InstanceBuilder.from(i)
                .id(id)
                .actualStatus(status)
                .dphTotal(i.hourlyCost() + extra)
                .build();
    }

    private static double percentile(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(0);
    }
}
