package io.imggenhub.vast.cli;

import io.imggenhub.vast.api.Instance;
import io.imggenhub.vast.api.InsufficientCreditException;
import io.imggenhub.vast.api.Offer;
import io.imggenhub.vast.api.OfferQuery;
import io.imggenhub.vast.api.RentRequest;
import io.imggenhub.vast.api.RentResult;
import io.imggenhub.vast.api.VastException;
import io.imggenhub.vast.core.Deployer;
import io.imggenhub.vast.core.DestroyListener;
import io.imggenhub.vast.core.DestroyOutcome;
import io.imggenhub.vast.core.DestroyReport;
import io.imggenhub.vast.core.EmergencyCleanupException;
import io.imggenhub.vast.core.FleetSnapshot;
import io.imggenhub.vast.core.RentMayExistException;
import io.imggenhub.vast.core.VastServices;
import io.imggenhub.vast.core.guard.HumanDuration;
import io.imggenhub.vast.core.guard.InstanceGuard;
import io.imggenhub.vast.core.guard.OnstartWatchdog;
import io.imggenhub.vast.core.guard.RentCheck;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import picocli.CommandLine.Mixin;

/**
 * Renting, shared by {@code reserve} and {@code auto}: rent, wait for SSH, say how to reach the machine. When Vast
 * answers {@code insufficient_credit}, the core destroys every instance and this class prints what happened in the
 * original tool's documented words.
 */
abstract class RentingCommand extends VastCommand {
    @Mixin
    RentOptions rentOptions;

    /** Bad combinations and values outside Vast's ranges end with exit 2 before anything is sent. */
    void checkRentOptions() {
        if (rentOptions.watchdog && rentOptions.ttl == null) {
            throw CliException.usage(
                    "invalid_watchdog", "--watchdog needs --ttl DURATION (how long the instance may live)");
        }
        if (rentOptions.watchdog && rentOptions.ttl.compareTo(OnstartWatchdog.MIN_TTL) < 0) {
            throw CliException.usage(
                    "invalid_watchdog",
                    "--ttl must be at least " + HumanDuration.format(OnstartWatchdog.MIN_TTL) + " for the watchdog");
        }
        checkSendable(rentOptions.request());
    }

    static void checkSendable(RentRequest request) {
        request.problem().ifPresent(p -> {
            throw CliException.usage("invalid_value", p);
        });
    }

    /**
     * The pre-rent check, on the price this rental is billed: the bid (or the on-demand price) with the disk's
     * storage. Credit at or below zero while anything bills is the emergency: every instance is destroyed, exactly
     * as Vast's {@code insufficient_credit} answer would make it, and no rent is sent. Below {@code --min-runway}
     * nothing is rented (exit 2) unless {@code --force}; an offer whose price cannot be found is refused the same
     * way. The account guard's credit floor is kept aside.
     */
    void checkRunway(VastServices services, long offerId, Offer offer, RentRequest request) {
        FleetSnapshot snapshot = services.repository().refresh();
        if (snapshot.creditUsedUp()) {
            throw new NoCredit(snapshot);
        }
        Offer priced = offer != null
                ? offer
                : services
                        .client()
                        .searchOffers(OfferQuery.rentable()
                                .eq("id", offerId)
                                .interruptible(request.bidPrice() != null)
                                .allocatedStorage(request.diskGb())
                                .limit(1))
                        .stream()
                        .filter(o -> o.id() == offerId)
                        .findFirst()
                        .orElse(null);
        if (priced == null || priced.dphTotal() == null) {
            if (!rentOptions.force) {
                throw CliException.usage(
                        "unknown_price",
                        "Offer " + offerId + " is not listed as rentable, so the"
                                + " price it would bill is unknown. Nothing was rented. Use --force to rent it unchecked.");
            }
            err().println("[WARN] Offer " + offerId + " is not listed as rentable, so its price is unknown; renting"
                    + " without the runway check (--force).");
            err().flush();
            return;
        }
        double billed = Deployer.billedPerHour(priced, request);
        Double floor = data().guards(server()).accountGuard().creditFloor();
        RentCheck check = RentCheck.of(billed, snapshot, rentOptions.minRunway, floor == null ? 0.0 : floor);
        String price = "Offer " + offerId + " bills " + Format.rate(billed) + "/hr"
                + (request.bidPrice() == null ? "" : " (bid " + Format.rate(request.bidPrice()) + "/hr + storage)")
                + " with " + Format.number(request.diskGb(), 0) + " GB disk. ";
        if (!check.allows(rentOptions.force)) {
            throw CliException.usage("insufficient_runway", price + check.message() + " Nothing was rented.");
        }
        err().println("[INFO] " + price + check.summary()
                + (check.verdict() == RentCheck.Verdict.REFUSE ? " Renting anyway (--force)." : ""));
        err().flush();
    }

    /** Credit at or below zero: raised by the pre-rent check, answered with the emergency cleanup. */
    private static final class NoCredit extends RuntimeException {
        final transient FleetSnapshot snapshot;

        NoCredit(FleetSnapshot snapshot) {
            super(null, null, false, false);
            this.snapshot = snapshot;
        }
    }

    int rentAndReport(VastServices services, long offerId, Offer offer, RentRequest request) {
        checkSendable(request);
        Deployer deployer =
                services.deployer(!rentOptions.noEmergencyCleanup).withLostAnswerSearch(ctx().lostAnswerSearch());
        Progress progress = new Progress();
        try {
            checkRunway(services, offerId, offer, request);
        } catch (NoCredit e) {
            return reportNoCredit(deployer, e.snapshot, progress);
        }
        if (rentOptions.watchdog) {
            try {
                request = OnstartWatchdog.apply(request, server(), rentOptions.ttl);
            } catch (IllegalArgumentException e) {
                throw CliException.usage("invalid_watchdog", e.getMessage());
            }
        }
        RentResult result;
        try {
            result = deployer.rent(offerId, request, progress);
        } catch (EmergencyCleanupException e) {
            return reportEmergency(e);
        } catch (RentMayExistException e) {
            throw new CliException(ExitCodes.FAILED, "rent_unconfirmed", e.getMessage());
        }
        long id = result.newContract();
        Double offerRate = offer != null ? Deployer.billedPerHour(offer, request) : null;
        try {
            return afterRent(services, deployer, progress, id, offerId, offer, offerRate);
        } catch (VastException | IllegalStateException e) {
            // The rental exists and bills whatever went wrong after it: say so, with how to find and stop it.
            throw new CliException(
                    ExitCodes.FAILED,
                    "failed_after_rent",
                    "Instance " + id + " was rented"
                            + (offerRate == null ? "" : " at " + Format.rate(offerRate) + "/hr")
                            + " and bills, but then: "
                            + e.getMessage() + ". 'instances' shows it; 'destroy --instance-id " + id + "' stops it.");
        }
    }

    private int afterRent(
            VastServices services,
            Deployer deployer,
            Progress progress,
            long id,
            long offerId,
            Offer offer,
            Double offerRate) {
        if (rentOptions.ttl != null) {
            data().guards(server())
                    .setInstanceGuard(
                            InstanceGuard.ttl(id, rentOptions.ttl),
                            ctx().clock().instant());
            err().println("[INFO] Instance " + id + " is guarded: lifetime " + HumanDuration.format(rentOptions.ttl)
                    + (rentOptions.watchdog
                            ? " (watchdog on the instance too)."
                            : ", acted on while the window or 'watch' runs."));
            err().flush();
        }
        Instance instance;
        if (rentOptions.waitSeconds > 0) {
            err().println("Rented instance " + id + ". Waiting up to " + rentOptions.waitSeconds
                    + " s for it to run and offer SSH...");
            err().flush();
            instance = deployer.waitUntilReady(
                    id, Duration.ofSeconds(rentOptions.waitSeconds), ctx().pollInterval(), () -> false, progress);
        } else {
            instance = services.client().getInstance(id).orElse(null);
        }
        boolean ready = instance != null && "running".equals(instance.actualStatus()) && instance.ssh() != null;
        String gpu = instance != null && instance.gpuName() != null
                ? instance.gpuDisplayName()
                : offer != null ? offer.gpuDisplayName() : "unknown GPU";
        Double rate = instance != null && instance.dphTotal() != null ? instance.dphTotal() : offerRate;
        if (json()) {
            printJson(rentJson(id, offerId, gpu, rate, instance, ready));
        } else {
            out().println("Rented instance " + id + ": " + TerminalText.safe(gpu)
                    + (rate == null ? "" : " at " + Format.rate(rate) + "/hr"));
            if (ready) {
                out().println(TerminalText.safe(instance.ssh().command()));
            }
        }
        if (!ready && rentOptions.waitSeconds > 0) {
            err().println("[WARN] Instance " + id + " is "
                    + (instance == null ? "not listed yet" : "still " + TerminalText.safe(instance.status()))
                    + " after " + rentOptions.waitSeconds + " s; it bills while it starts."
                    + " 'instances' shows its SSH address once it runs; 'destroy --instance-id " + id + "' stops it.");
        }
        return ExitCodes.OK;
    }

    /**
     * Credit at or below zero. With instances billing, the emergency cleanup runs as for Vast's refusal (exit 3);
     * with --no-emergency-cleanup, or nothing billing, nothing is destroyed and nothing is rented (exit 3).
     */
    private int reportNoCredit(Deployer deployer, FleetSnapshot snapshot, Progress progress) {
        if (snapshot.live().isEmpty() || rentOptions.noEmergencyCleanup) {
            var refusal = Deployer.noCredit(snapshot);
            err().println("[ERROR] Nothing was rented: " + refusal.detail() + "."
                    + (snapshot.live().isEmpty() ? "" : " The instances were left running (--no-emergency-cleanup)."));
            err().println("[ERROR] Command failed: " + refusal.getMessage());
            return ExitCodes.INSUFFICIENT_CREDIT;
        }
        return reportEmergency(deployer.noCreditEmergency(snapshot, progress));
    }

    private Map<String, Object> rentJson(
            long id, long offerId, String gpu, Double rate, Instance instance, boolean ready) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("instance_id", id);
        m.put("offer_id", offerId);
        m.put("gpu", gpu);
        m.put("dph_total", rate);
        m.put("actual_status", instance == null ? null : instance.actualStatus());
        m.put("label", instance == null ? null : instance.label());
        m.put("ready", ready);
        Instance.SshAddress ssh = instance == null ? null : instance.ssh();
        m.put("ssh_host", ssh == null ? null : ssh.host());
        m.put("ssh_port", ssh == null ? null : ssh.port());
        m.put("ssh_command", ssh == null ? null : ssh.command());
        return m;
    }

    /**
     * The documented stderr transcript, from the verified report: each instance destroyed, then the verdict. Exit 3
     * when nothing is left billing, 1 when something is.
     */
    private int reportEmergency(EmergencyCleanupException e) {
        InsufficientCreditException credit = e.creditError();
        DestroyReport report = e.cleanup();
        if (report == null) {
            String why = credit.getSuppressed().length == 0 ? "unknown error" : credit.getSuppressed()[0].getMessage();
            err().println("[ERROR] Could not list the instances to destroy them: " + TerminalText.safe(why));
            err().println("[ERROR] STILL BILLING: instances may still be running. Destroy them in the Vast console:"
                    + " https://cloud.vast.ai/instances/");
        } else {
            for (DestroyOutcome o : report.outcomes()) {
                err().println((o.stoppedBilling() ? "[INFO] " : "[ERROR] ") + DestroyLines.outcome(o));
            }
            if (report.allStopped()) {
                err().println("[ERROR] All instances destroyed to prevent further costs.");
            } else {
                DestroyLines.warnStillBilling(report, err(), "[ERROR] ");
            }
        }
        err().println("[ERROR] Command failed: " + TerminalText.safe(credit.getMessage()));
        if (json()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("error", Map.of("type", credit.type(), "message", credit.detail()));
            m.put("emergency_cleanup", report == null ? null : DestroyLines.json(report));
            printJson(m);
        }
        boolean clean = report != null && report.allStopped();
        return clean ? ExitCodes.INSUFFICIENT_CREDIT : ExitCodes.FAILED;
    }

    /** Progress on stderr: the emergency cleanup's start, and each status a starting instance passes through. */
    private final class Progress implements Deployer.Listener {
        private String lastStatus;

        @Override
        public void emergencyCleanup(InsufficientCreditException cause) {
            if (cause.status() == 0) {
                // Not Vast's answer: our own check found no credit, and the rent was never sent.
                err().println("[ERROR] No credit: " + cause.detail() + ". Nothing was rented.");
            }
            err().println("[ERROR] Insufficient credit error detected. Destroying all instances...");
            err().flush();
        }

        @Override
        public DestroyListener cleanupListener() {
            return new DestroyListener() {
                @Override
                public void starting(List<Instance> targets) {
                    err().println(
                                    targets.isEmpty()
                                            ? "[INFO] No instances to destroy."
                                            : "[INFO] Destroying " + targets.size() + " instance(s)...");
                    err().flush();
                }
            };
        }

        @Override
        public void waiting(Instance instance) {
            String status = instance.status();
            if (!Objects.equals(status, lastStatus)) {
                lastStatus = status;
                err().println("[INFO] Instance " + instance.id() + ": " + TerminalText.safe(status));
                err().flush();
            }
        }
    }
}
