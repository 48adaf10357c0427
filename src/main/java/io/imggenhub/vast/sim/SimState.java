package io.imggenhub.vast.sim;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;

/**
 * The simulated account: its instances, the offer catalogue and the credit. Thread-safe: every method takes the
 * one lock, first brings billing and boot progress up to {@link SimClock#now()}, then acts. Lazy settling keeps
 * the model exact at any time scale without a background thread.
 *
 * <p>Billing (vast-api.md §4.2): loading and running instances pay {@code dph_total}; created, stopped and exited
 * ones pay storage only; destroyed ones nothing, from the moment of the destroy. When credit reaches zero every
 * instance that wants to run is stopped ({@code exited / stopped / stopped}) and keeps paying storage, so credit
 * goes on falling below zero, as on Vast.
 *
 * <p>Renting is refused with {@code insufficient_credit} when credit is at or below zero. That is the case users
 * reported (a balance of about -$0.03); no evidence says Vast also refuses a positive balance below some
 * threshold, so the simulator does not.
 */
public final class SimState {
    static final long FIRST_INSTANCE_ID = 28_116_358L;
    private static final String[] LABELS = {
        "sdxl-batch",
        "sdxl-batch",
        "lora-train",
        "flux-dev",
        "comfyui",
        "upscale-queue",
        "imggenhub-worker",
        null,
        null,
        null
    };
    private static final String[] IMAGES = {
        "pytorch/pytorch:2.3.1-cuda12.1-cudnn8-runtime", "vastai/comfy:v0.3.10-cuda-12.4-py311",
        "ghcr.io/imggenhub/sdxl-worker:1.4.2", "nvidia/cuda:12.4.1-cudnn-devel-ubuntu22.04",
        "vastai/pytorch:2.5.1-cuda-12.1.1"
    };
    /** What each boot downloads (the docker image), billed as bandwidth down at the instance's $/GB. */
    static final double IMAGE_PULL_GB = 6.0;

    private static final String CREDIT_STOP_MSG = "Instance stopped: account credit is exhausted.";

    private final SimulatorConfig config;
    private final SimClock clock;
    private final Random random;
    private final OfferCatalogue catalogue;
    private final Map<Long, SimInstance> live = new LinkedHashMap<>();
    private final Set<Long> destroyedIds = new HashSet<>();
    /** Who destroyed each destroyed id: "api", "instance-key", "console" or "watchdog". */
    private final Map<Long, String> destroyedBy = new HashMap<>();
    /** The restricted key each rental answered with, by instance id. */
    private final Map<Long, String> instanceKeys = new HashMap<>();

    private volatile boolean clientsShareClock;
    private final Map<Long, SimOffer> offers = new LinkedHashMap<>();
    private final ChargeBook charges = new ChargeBook();
    private double credit;
    private double billedTotal;
    private Instant settledAt;
    private long nextInstanceId = FIRST_INSTANCE_ID;
    /** How long a new rental stays out of the list and show answers (Vast takes a while to show one). */
    private Duration newRentalHiddenFor = Duration.ZERO;

    private final Map<Long, Instant> hiddenUntil = new HashMap<>();

    SimState(SimulatorConfig config, SimClock clock) {
        this.config = config;
        this.clock = clock;
        this.random = new Random(config.seed());
        this.catalogue = new OfferCatalogue(random);
        Instant now = clock.now();
        this.settledAt = now;
        this.credit = config.credit();
        for (SimOffer offer : catalogue.generate(now)) {
            offers.put(offer.id(), offer);
        }
        for (int i = 0; i < config.instances(); i++) {
            seedRunningInstance(now);
        }
    }

    private void seedRunningInstance(Instant now) {
        GpuModel model = catalogue.weightedModel();
        int gpus = random.nextInt(5) == 0 ? 2 : 1;
        Machine machine = catalogue.machine(model, gpus);
        double perGpu = model.minPrice() + random.nextDouble() * (model.maxPrice() - model.minPrice());
        double dphBase = Machine.round(perGpu * gpus, 4);
        Instant started = now.minus(Duration.ofMinutes(10 + random.nextInt(3 * 24 * 60 - 10)));
        SimInstance.Spec spec = new SimInstance.Spec(
                takeInstanceId(),
                null,
                machine,
                dphBase,
                Machine.round(0.10 + random.nextDouble() * 0.2, 5),
                16 + 8 * random.nextInt(12),
                false,
                Machine.round(dphBase * 0.6, 4),
                Machine.round(random.nextDouble() * 0.02, 4),
                Machine.round(random.nextDouble() * 0.01, 4),
                LABELS[random.nextInt(LABELS.length)],
                IMAGES[random.nextInt(IMAGES.length)],
                "ssh_direc ssh_proxy",
                null,
                List.of(),
                started);
        SimInstance instance = new SimInstance(spec, random);
        instance.markRunning(started.plus(Duration.ofSeconds(40 + random.nextInt(200))));
        live.put(instance.id(), instance);
    }

    private long takeInstanceId() {
        long id = nextInstanceId;
        // Other accounts rent in between, so consecutive ids of one account have gaps.
        nextInstanceId += 1 + random.nextInt(3_000);
        return id;
    }

    // ---- public model API -------------------------------------------------------------------------------------

    /** Instances that are still listed, lingering destroyed ones included, by id. Snapshots. */
    public synchronized List<SimInstance> instances() {
        settle();
        List<SimInstance> result = new ArrayList<>(live.size());
        live.values().stream().sorted(Comparator.comparingLong(SimInstance::id)).forEach(i -> result.add(i.snapshot()));
        return result;
    }

    public synchronized Optional<SimInstance> instance(long id) {
        settle();
        SimInstance instance = live.get(id);
        return instance == null ? Optional.empty() : Optional.of(instance.snapshot());
    }

    /** Spendable credit in USD, billed up to now. */
    public synchronized double credit() {
        settle();
        return credit;
    }

    /** Sets the credit (billing up to now is settled first); zero or less stops every running instance. */
    public synchronized void setCredit(double usd) {
        if (!Double.isFinite(usd)) {
            throw new IllegalArgumentException("credit must be finite");
        }
        settle();
        credit = usd;
        if (credit <= 0) {
            stopActiveForCredit();
        }
    }

    /** What the account spends per hour right now: Σ of every instance's billed rate. */
    public synchronized double burnRate() {
        settle();
        return live.values().stream().mapToDouble(SimInstance::billedRate).sum();
    }

    /** Per-instance charges clipped to {@code [from, to]}, destroyed instances included (vast-api.md §3.8). */
    synchronized List<ChargeBook.InstanceCharges> charges(Instant from, Instant to) {
        settle();
        return charges.between(from, to);
    }

    /**
     * How far simulated time runs ahead of the clock clients compare dates with: zero when they share the
     * simulated clock, else its lead over the wall clock. Dates sent to such clients are shifted back by it (as
     * {@code start_date} is), and a charges range they send is shifted forward, so a demo billing 20 times faster
     * than the wall clock still shows its charges in the window's "last 24 h".
     */
    synchronized Duration clientLead() {
        Instant now = settle();
        if (clientsShareClock) {
            return Duration.ZERO;
        }
        Duration lead = Duration.between(Instant.now(), now);
        return lead.isNegative() ? Duration.ZERO : lead;
    }

    /** The sum of every charge record, unrounded: equals {@link #totalBilled()} up to float noise. */
    public synchronized double chargedTotal() {
        settle();
        return charges.total();
    }

    /** Everything billed since the simulator started, in USD. */
    public synchronized double totalBilled() {
        settle();
        return billedTotal;
    }

    /**
     * Adds a running instance (as if rented earlier in the console) and returns its id. {@code dphTotal} is the
     * all-in rate; 16 GB of storage at $0.15/GB-month is part of it when the rate allows.
     */
    public synchronized long addInstance(String gpuName, int numGpus, double dphTotal, String label) {
        if (numGpus < 1) {
            throw new IllegalArgumentException("numGpus must be at least 1");
        }
        if (!(dphTotal >= 0) || !Double.isFinite(dphTotal)) {
            throw new IllegalArgumentException("dphTotal must be >= 0");
        }
        Instant now = settle();
        GpuModel model = GpuModel.byName(gpuName)
                .orElseGet(() -> new GpuModel(
                        gpuName == null ? "RTX 3090" : gpuName.strip(),
                        24576,
                        dphTotal,
                        dphTotal,
                        860,
                        12.4,
                        30.0,
                        20.0,
                        900.0,
                        300,
                        4,
                        1,
                        new int[] {1}));
        Machine machine = catalogue.machine(model, numGpus);
        double disk = 16.0;
        double storageCost = 0.15;
        if (disk * storageCost / 720.0 > dphTotal) {
            storageCost = 0.0;
        }
        double dphBase = dphTotal - disk * storageCost / 720.0;
        SimInstance.Spec spec = new SimInstance.Spec(
                takeInstanceId(),
                null,
                machine,
                dphBase,
                storageCost,
                disk,
                false,
                Machine.round(dphBase * 0.6, 4),
                0.0,
                0.0,
                label,
                IMAGES[0],
                "ssh_direc ssh_proxy",
                null,
                List.of(),
                now);
        SimInstance instance = new SimInstance(spec, random);
        instance.markRunning(now);
        if (credit <= 0) {
            instance.stop(CREDIT_STOP_MSG);
        }
        live.put(instance.id(), instance);
        return instance.id();
    }

    /** Offers that can be rented now (not yet taken), in catalogue order. */
    public synchronized List<SimOffer> offers() {
        settle();
        return offers.values().stream().filter(o -> !o.rented()).toList();
    }

    /** The whole catalogue, rented offers included. */
    public synchronized List<SimOffer> allOffers() {
        settle();
        return List.copyOf(offers.values());
    }

    /** Whether this id was destroyed, whether or not it still lingers in the list. */
    public synchronized boolean isDestroyed(long id) {
        settle();
        return destroyedIds.contains(id);
    }

    /** Destroys as the console would; false when the id is unknown or already destroyed. */
    public synchronized boolean destroy(long id) {
        return destroyForApi(id, "console");
    }

    /**
     * Who destroyed this id: {@code "api"} (a DELETE with the account key), {@code "instance-key"} (a DELETE with
     * the instance's own key), {@code "console"} ({@link #destroy}) or {@code "watchdog"} (the on-instance watchdog
     * in its onstart script). Empty while it is not destroyed.
     */
    public synchronized Optional<String> destroyedBy(long id) {
        settle();
        return Optional.ofNullable(destroyedBy.get(id));
    }

    /** The restricted key Vast injects into this rental as {@code CONTAINER_API_KEY}; empty for other instances. */
    public synchronized Optional<String> instanceApiKey(long id) {
        return Optional.ofNullable(instanceKeys.get(id));
    }

    /**
     * Leaves the instance running and billing with {@code intended_status: destroyed}, as a destroy that Vast
     * recorded but the host never carried out; a later DELETE destroys it for real.
     */
    public synchronized void markDestroyPending(long id) {
        settle();
        SimInstance instance = live.get(id);
        if (instance == null || instance.isDestroyed()) {
            throw new IllegalArgumentException("no live instance " + id);
        }
        instance.markDestroyPending();
    }

    /** Sets the GPU utilisation (percent) the list reports while the instance runs, e.g. to make it idle. */
    public synchronized void setGpuUtil(long id, double percent) {
        if (!(percent >= 0 && percent <= 100)) {
            throw new IllegalArgumentException("GPU utilisation is a percentage from 0 to 100, not " + percent);
        }
        settle();
        SimInstance instance = live.get(id);
        if (instance == null || instance.isDestroyed()) {
            throw new IllegalArgumentException("no live instance " + id);
        }
        instance.setGpuUtil(percent);
    }

    /**
     * From now on dates are sent in simulated time, unshifted: for clients in this JVM that read their time from
     * {@link SimClock#asClock()} rather than the wall clock (see {@link VastSimulator#shareClockWithClients()}).
     */
    void shareClockWithClients() {
        clientsShareClock = true;
    }

    /** The clock a client compares dates with: the simulated one when shared, else the wall clock. */
    private Instant clientNow(Instant simulatedNow) {
        return clientsShareClock ? simulatedNow : Instant.now();
    }

    // ---- operations behind the routes -------------------------------------------------------------------------

    synchronized Instant now() {
        return settle();
    }

    /**
     * From now on a rented instance bills at once but appears in list and show answers only after this much
     * simulated time: the window in which a client whose rent answer was lost cannot find it yet.
     */
    public synchronized void hideNewRentalsFor(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("the delay must not be negative: " + delay);
        }
        newRentalHiddenFor = delay;
    }

    private boolean hidden(long id, Instant now) {
        Instant until = hiddenUntil.get(id);
        return until != null && now.isBefore(until);
    }

    /** Full rows of every listed instance by id, all computed at the same instant. */
    synchronized List<Map<String, Object>> instanceRows() {
        Instant now = settle();
        List<Map<String, Object>> rows = new ArrayList<>(live.size());
        Instant clientNow = clientNow(now);
        // Snapshots, so the full row can be built after the lock is released, and only for the rows sent.
        live.values().stream()
                .sorted(Comparator.comparingLong(SimInstance::id))
                .filter(i -> !hidden(i.id(), now))
                .forEach(i -> rows.add(new ListedRow(i.snapshot(), now, clientNow)));
        return rows;
    }

    /** The row of one instance, or null once it is destroyed or when it never existed. */
    synchronized Map<String, Object> instanceRow(long id) {
        Instant now = settle();
        SimInstance instance = live.get(id);
        return instance == null || instance.isDestroyed() || hidden(id, now)
                ? null
                : instance.toJson(now, clientNow(now));
    }

    /** @param by who asks, for {@link #destroyedBy}: "api", "instance-key" or "console" */
    synchronized boolean destroyForApi(long id, String by) {
        settle();
        SimInstance instance = live.get(id);
        if (instance == null || instance.isDestroyed()) {
            return false;
        }
        destroyNow(instance, by);
        return true;
    }

    /** Which instance this restricted key belongs to; empty when it is no instance's key. */
    synchronized OptionalLong instanceForKey(String key) {
        if (key == null || key.isEmpty()) {
            return OptionalLong.empty();
        }
        byte[] candidate = key.getBytes(StandardCharsets.UTF_8);
        for (Map.Entry<Long, String> e : instanceKeys.entrySet()) {
            if (MessageDigest.isEqual(candidate, e.getValue().getBytes(StandardCharsets.UTF_8))) {
                return OptionalLong.of(e.getKey());
            }
        }
        return OptionalLong.empty();
    }

    /** The one way an instance dies, whoever asks; the caller has settled billing up to the moment of death. */
    private void destroyNow(SimInstance instance, String by) {
        long id = instance.id();
        instance.destroy(System.nanoTime());
        destroyedIds.add(id);
        destroyedBy.put(id, by);
        Long offerId = instance.spec().offerId();
        if (offerId != null && offers.containsKey(offerId)) {
            // The machine goes back on the market under a new ask id; the old id stays used up.
            SimOffer again = offers.get(offerId).relisted(catalogue.takeOfferId(), settledAt);
            offers.put(again.id(), again);
        }
        if (config.destroyLinger().isZero()) {
            live.remove(id);
        }
    }

    /** What a rent asks for, from the body of {@code PUT /api/v0/asks/{id}/}. */
    record RentOrder(
            String image,
            double diskGb,
            String label,
            String onstart,
            String runtype,
            List<List<String>> extraEnv,
            Double bidPrice) {}

    sealed interface RentOutcome {
        record Rented(long instanceId, String instanceApiKey) implements RentOutcome {}

        record NoSuchAsk() implements RentOutcome {}

        record InvalidPrice(String msg) implements RentOutcome {}

        record InvalidArgs(String msg) implements RentOutcome {}

        record InsufficientCredit() implements RentOutcome {}
    }

    synchronized RentOutcome rent(long offerId, RentOrder order) {
        Instant now = settle();
        SimOffer offer = offers.get(offerId);
        if (offer == null || offer.rented()) {
            return new RentOutcome.NoSuchAsk();
        }
        if (order.bidPrice() != null && order.bidPrice() < offer.minBid()) {
            return new RentOutcome.InvalidPrice(String.format(
                    java.util.Locale.ROOT,
                    "error 400/3461: Invalid price: bid %.4f is below the minimum bid %.4f for ask %d.",
                    order.bidPrice(),
                    offer.minBid(),
                    offerId));
        }
        if (order.diskGb() > offer.machine().diskSpaceGb()) {
            return new RentOutcome.InvalidArgs(String.format(
                    java.util.Locale.ROOT,
                    "error 400/3467: Invalid args: disk %.1f GB is more than the %.1f GB ask %d offers.",
                    order.diskGb(),
                    offer.machine().diskSpaceGb(),
                    offerId));
        }
        if (credit <= 0) {
            return new RentOutcome.InsufficientCredit();
        }
        offer.markRented(true);
        boolean bid = order.bidPrice() != null;
        double dphBase = bid ? order.bidPrice() : offer.dphBase();
        SimInstance.Spec spec = new SimInstance.Spec(
                takeInstanceId(),
                offerId,
                offer.machine(),
                dphBase,
                offer.storageCost(),
                order.diskGb(),
                bid,
                offer.minBid(),
                offer.inetUpCost(),
                offer.inetDownCost(),
                order.label(),
                order.image(),
                order.runtype(),
                order.onstart(),
                order.extraEnv(),
                now);
        SimInstance instance = new SimInstance(spec, random);
        instance.boot(now, config.bootTime(), true);
        live.put(instance.id(), instance);
        if (!newRentalHiddenFor.isZero()) {
            hiddenUntil.put(instance.id(), now.plus(newRentalHiddenFor));
        }
        applyDueTransitions(now);
        byte[] key = new byte[32];
        random.nextBytes(key);
        String instanceKey = HexFormat.of().formatHex(key);
        instanceKeys.put(instance.id(), instanceKey);
        return new RentOutcome.Rented(instance.id(), instanceKey);
    }

    enum ManageResult {
        OK,
        NO_SUCH_INSTANCE,
        INSUFFICIENT_CREDIT
    }

    /**
     * Stops an instance as {@code PUT /api/v0/instances/{id}/ {"state": "stopped"}} does, without a request: the
     * demo's storage-only row, set up before the window's first poll without its own round trip.
     */
    public void stop(long id) {
        changeState(id, false);
    }

    /** {@code PUT /api/v0/instances/{id}/} with {@code state} running or stopped. */
    synchronized ManageResult changeState(long id, boolean run) {
        Instant now = settle();
        SimInstance instance = live.get(id);
        if (instance == null || instance.isDestroyed()) {
            return ManageResult.NO_SUCH_INSTANCE;
        }
        if (run) {
            if (credit <= 0) {
                return ManageResult.INSUFFICIENT_CREDIT;
            }
            if (!instance.isActive()) {
                instance.boot(now, config.bootTime(), false);
                pullImage(instance, now);
                applyDueTransitions(now);
            }
        } else if (instance.isActive()) {
            instance.stop("Instance stopped by user.");
        }
        return ManageResult.OK;
    }

    /**
     * The instance's image has none of curl, wget, python3 or perl: its watchdog script only prints "NOT ARMED", so
     * it never reports itself armed and never destroys. What the app must then not claim as protection.
     */
    public synchronized void muteWatchdog(long id) {
        settle();
        SimInstance instance = live.get(id);
        if (instance != null) {
            instance.muteWatchdog();
        }
    }

    synchronized ManageResult relabel(long id, String label) {
        settle();
        SimInstance instance = live.get(id);
        if (instance == null || instance.isDestroyed()) {
            return ManageResult.NO_SUCH_INSTANCE;
        }
        instance.setLabel(label);
        return ManageResult.OK;
    }

    /** Every offer priced for one search; the caller filters, sorts and limits. */
    synchronized List<Map<String, Object>> offerRows(double allocatedStorageGb, boolean bid) {
        Instant now = settle();
        List<Map<String, Object>> rows = new ArrayList<>(offers.size());
        for (SimOffer offer : offers.values()) {
            rows.add(offer.toJson(now, allocatedStorageGb, bid));
        }
        return rows;
    }

    /** {@code GET /api/v0/users/current/}. */
    synchronized Map<String, Object> userJson() {
        Instant now = settle();
        Map<String, Object> user = new LinkedHashMap<>();
        long keyId = 100_000 + Math.floorMod(config.apiKey().hashCode(), 900_000);
        user.put("id", 412_377);
        user.put("username", "imggenhub-sim");
        user.put("email", "sim-user@example.invalid");
        user.put("email_verified", true);
        user.put("fullname", "Simulated User");
        user.put("credit", credit);
        // Vast reports a balance of 0 while credit is positive and the deficit once it is not.
        user.put("balance", credit < 0 ? credit : 0.0);
        user.put("balance_threshold", 5.0);
        user.put("balance_threshold_enabled", false);
        user.put("autobill_threshold", null);
        user.put("autobill_amount", null);
        user.put("billed_expected", billedTotal);
        user.put("billed_verified", billedTotal);
        user.put("paid_expected", 0.0);
        user.put("paid_verified", 0.0);
        user.put("billing_creditonly", 1);
        user.put("can_pay", true);
        user.put("has_billing", true);
        user.put("has_payout", false);
        user.put("payout_enabled", false);
        user.put("got_signup_credit", 1);
        user.put("last4", "4242");
        user.put("ssh_key", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHNpbXVsYXRlZC1rZXktbm90LXJlYWw sim@imggenhub");
        user.put("paypal_email", null);
        user.put("wise_email", null);
        user.put("phone_number", null);
        user.put("billaddress_line1", null);
        user.put("billaddress_line2", null);
        user.put("billaddress_city", null);
        user.put("billaddress_zip", null);
        user.put("billaddress_country", null);
        user.put("billaddress_taxinfo", null);
        user.put("password_resettable", true);
        user.put("host_only", false);
        user.put("host_agreement_accepted", false);
        user.put("user", "imggenhub-sim");
        user.put("sid", null);
        user.put("key_id", keyId);
        // Vast's legacy CLI runs user_blob.pop("api_key") without a default and dies with KeyError when the
        // key is absent. Keep the key present, never its value.
        user.put("api_key", null);
        user.put("created_at", SimOffer.epochSeconds(now.minus(Duration.ofDays(412))));
        user.put("total_spend", billedTotal);
        user.put("has_rented", true);
        user.put("balance_referrals", 0.0);
        user.put("discord_id", null);
        user.put("oauth_provider", null);
        user.put("rights", null);
        return user;
    }

    // ---- billing ----------------------------------------------------------------------------------------------

    /**
     * Bills from the last settlement up to now, segment by segment: a segment ends at the next boot transition
     * or when credit runs out, because both change the billed rate. Returns the settled instant.
     */
    private Instant settle() {
        long wall = System.nanoTime();
        live.values().removeIf(i -> i.vanished(wall, config.destroyLinger()));
        Instant target = clock.now();
        if (target.isBefore(settledAt)) {
            target = settledAt;
        }
        if (credit <= 0) {
            stopActiveForCredit();
        }
        while (true) {
            applyDueTransitions(settledAt);
            applyDueWatchdogs(settledAt);
            if (!settledAt.isBefore(target)) {
                break;
            }
            Instant segmentEnd = target;
            for (SimInstance instance : live.values()) {
                Instant t = instance.nextTransition();
                if (t != null && t.isBefore(segmentEnd)) {
                    segmentEnd = t;
                }
                // A watchdog destroy changes the billed rate, so billing splits there too.
                Instant w = instance.watchdogDueAt();
                if (w != null && w.isBefore(segmentEnd)) {
                    segmentEnd = w;
                }
            }
            double rate =
                    live.values().stream().mapToDouble(SimInstance::billedRate).sum();
            double hours = Duration.between(settledAt, segmentEnd).toNanos() / 3.6e12;
            double cost = rate * hours;
            boolean anyActive = live.values().stream().anyMatch(SimInstance::isActive);
            if (credit > 0 && cost >= credit && anyActive && rate > 0) {
                long nanosToZero = (long) (credit / rate * 3.6e12);
                Instant zeroAt = settledAt.plusNanos(nanosToZero);
                if (zeroAt.isAfter(segmentEnd)) {
                    zeroAt = segmentEnd;
                }
                billedTotal += credit;
                credit = 0.0;
                record(settledAt, zeroAt);
                settledAt = zeroAt;
                stopActiveForCredit();
                continue;
            }
            record(settledAt, segmentEnd);
            credit -= cost;
            billedTotal += cost;
            settledAt = segmentEnd;
        }
        return settledAt;
    }

    /** Each instance's GPU and disk charges for one segment of constant rates. */
    private void record(Instant from, Instant to) {
        for (SimInstance instance : live.values()) {
            charges.bill(instance, ChargeBook.Kind.GPU, from, to, instance.gpuRate());
            charges.bill(instance, ChargeBook.Kind.DISK, from, to, instance.diskRate());
        }
    }

    /** A boot's image download: bandwidth, billed the moment loading starts (vast-api.md §4.2: per byte). */
    private void pullImage(SimInstance instance, Instant at) {
        double usd =
                charges.transfer(instance, ChargeBook.Kind.BANDWIDTH_DOWN, at, IMAGE_PULL_GB, instance.inetDownCost());
        credit -= usd;
        billedTotal += usd;
    }

    private void applyDueTransitions(Instant at) {
        for (SimInstance instance : live.values()) {
            Instant t;
            while ((t = instance.nextTransition()) != null && !t.isAfter(at)) {
                boolean created = "created".equals(instance.actualStatus());
                instance.advancePhase(t);
                if (created && "loading".equals(instance.actualStatus())) {
                    pullImage(instance, t);
                }
            }
            instance.reportWatchdogArmed();
        }
    }

    /** Instances whose watchdog deadline has come destroy themselves, as the script would with its instance key. */
    private void applyDueWatchdogs(Instant at) {
        List<SimInstance> due = new ArrayList<>();
        for (SimInstance instance : live.values()) {
            Instant w = instance.watchdogDueAt();
            if (w != null && !w.isAfter(at)) {
                due.add(instance);
            }
        }
        due.forEach(i -> destroyNow(i, "watchdog"));
    }

    private void stopActiveForCredit() {
        for (SimInstance instance : live.values()) {
            if (instance.isActive()) {
                instance.stop(CREDIT_STOP_MSG);
            }
        }
    }
}
