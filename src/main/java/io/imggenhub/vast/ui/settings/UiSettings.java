package io.imggenhub.vast.ui.settings;

import io.imggenhub.vast.core.AlertThresholds;

/**
 * What the window remembers between runs. Never the API key: that lives where Vast's own CLI keeps it.
 *
 * @param window          last bounds, or null for the first run
 * @param pollSeconds     how often the account is polled
 * @param lowRunwayHours  warn when the credit runs out sooner than this; 0 turns the warning off
 * @param highBurnPerHour warn when the burn is above this many $/hr; 0 turns the warning off
 * @param lowCreditUsd    warn when the credit falls below this many dollars; 0 turns the warning off
 * @param serverUrl       the Vast server; null for VAST_URL or the default
 * @param trayWatch       with a system tray, closing the window leaves the account watched from the tray
 * @param notifyUrls      webhooks the window's alerts and guard actions are also POSTed to (format by URL)
 */
public record UiSettings(
        WindowBounds window,
        Integer pollSeconds,
        Theme theme,
        Double lowRunwayHours,
        Double highBurnPerHour,
        Double lowCreditUsd,
        String serverUrl,
        Boolean trayWatch,
        java.util.List<String> notifyUrls) {
    public static final int DEFAULT_POLL_SECONDS = 30;

    public record WindowBounds(double x, double y, double width, double height, boolean maximized) {}

    public UiSettings {
        pollSeconds = pollSeconds == null || pollSeconds < 1 ? DEFAULT_POLL_SECONDS : pollSeconds;
        theme = theme == null ? Theme.LIGHT : theme;
        AlertThresholds d = AlertThresholds.DEFAULT;
        lowRunwayHours = lowRunwayHours == null || lowRunwayHours < 0 ? d.minRunwayHours() : lowRunwayHours;
        highBurnPerHour = highBurnPerHour == null || highBurnPerHour < 0 ? d.maxBurnPerHour() : highBurnPerHour;
        lowCreditUsd = lowCreditUsd == null || lowCreditUsd < 0 ? d.minCredit() : lowCreditUsd;
        serverUrl = serverUrl == null || serverUrl.isBlank() ? null : serverUrl.strip();
        trayWatch = trayWatch == null || trayWatch;
        notifyUrls = notifyUrls == null
                ? java.util.List.of()
                : notifyUrls.stream()
                        .filter(u -> u != null && !u.isBlank())
                        .map(String::strip)
                        .toList();
    }

    public static UiSettings defaults() {
        return new UiSettings(null, null, null, null, null, null, null, null, null);
    }

    /** The thresholds as the shared alert rules take them (same hysteresis as the CLI and the tray). */
    public AlertThresholds alertThresholds() {
        return new AlertThresholds(highBurnPerHour, lowRunwayHours, lowCreditUsd, AlertThresholds.DEFAULT.hysteresis());
    }

    public UiSettings withWindow(WindowBounds bounds) {
        return new UiSettings(
                bounds,
                pollSeconds,
                theme,
                lowRunwayHours,
                highBurnPerHour,
                lowCreditUsd,
                serverUrl,
                trayWatch,
                notifyUrls);
    }

    public UiSettings withPollSeconds(int seconds) {
        return new UiSettings(
                window,
                seconds,
                theme,
                lowRunwayHours,
                highBurnPerHour,
                lowCreditUsd,
                serverUrl,
                trayWatch,
                notifyUrls);
    }

    public UiSettings withTheme(Theme next) {
        return new UiSettings(
                window,
                pollSeconds,
                next,
                lowRunwayHours,
                highBurnPerHour,
                lowCreditUsd,
                serverUrl,
                trayWatch,
                notifyUrls);
    }

    public UiSettings withThresholds(double runwayHours, double burnPerHour, double creditUsd) {
        return new UiSettings(
                window, pollSeconds, theme, runwayHours, burnPerHour, creditUsd, serverUrl, trayWatch, notifyUrls);
    }

    public UiSettings withTrayWatch(boolean keep) {
        return new UiSettings(
                window, pollSeconds, theme, lowRunwayHours, highBurnPerHour, lowCreditUsd, serverUrl, keep, notifyUrls);
    }

    public UiSettings withNotifyUrls(java.util.List<String> urls) {
        return new UiSettings(
                window, pollSeconds, theme, lowRunwayHours, highBurnPerHour, lowCreditUsd, serverUrl, trayWatch, urls);
    }

    public UiSettings withServerUrl(String url) {
        return new UiSettings(
                window, pollSeconds, theme, lowRunwayHours, highBurnPerHour, lowCreditUsd, url, trayWatch, notifyUrls);
    }
}
