package io.imggenhub.vast.core.guard;

/** What a guard watches. {@link #reason()} is what the audit log and the destroyer record for its actions. */
public enum GuardRule {
    TTL("guard:ttl", "maximum lifetime", false),
    IDLE("guard:idle", "idle limit", false),
    MAX_HOURLY("guard:max-hourly", "price cap", false),
    DAILY_CAP("guard:daily-cap", "daily spend cap", true),
    MONTHLY_CAP("guard:monthly-cap", "monthly spend cap", true),
    CREDIT_FLOOR("guard:credit-floor", "credit floor", true);

    private final String reason;
    private final String label;
    private final boolean account;

    GuardRule(String reason, String label, boolean account) {
        this.reason = reason;
        this.label = label;
        this.account = account;
    }

    /** The audit reason, e.g. {@code guard:ttl}. */
    public String reason() {
        return reason;
    }

    public String label() {
        return label;
    }

    /** True for the rules that watch the whole account rather than one instance. */
    public boolean isAccountRule() {
        return account;
    }
}
