package io.imggenhub.vast.ui.settings;

import io.imggenhub.vast.config.ApiKey;
import io.imggenhub.vast.config.ApiKeyResolver;
import io.imggenhub.vast.config.ServerUrl;
import io.imggenhub.vast.core.VastServices;
import io.imggenhub.vast.ui.common.LazyTip;
import io.imggenhub.vast.ui.common.TaskRunner;
import io.imggenhub.vast.ui.instances.MonitorViewModel;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * API key, server, poll interval, thresholds and theme. A new key (or a new server) is checked with a live call
 * before anything is saved; only then is the key written, 0600, where Vast's CLI keeps it.
 */
public final class SettingsDialog extends Dialog<SettingsDialog.Result> {

    /**
     * The saved settings, the account to switch to when the key or server changed (else null), and "Start at
     * login" when it was changed (else null).
     */
    public record Result(UiSettings settings, Connection reconnect, Boolean startAtLogin) {}

    private final PasswordField key = new PasswordField();
    private final TextField server = new TextField();
    private final Spinner<Integer> interval;
    private final TextField lowRunway = new TextField();
    private final TextField highBurn = new TextField();
    private final TextField lowCredit = new TextField();
    private final TextField notifyUrls = new TextField();
    private final ChoiceBox<Theme> theme = new ChoiceBox<>();
    private final Label status = new Label();
    private final ProgressIndicator checking = new ProgressIndicator();
    private final UiSettings current;
    private final javafx.scene.control.CheckBox trayWatch =
            new javafx.scene.control.CheckBox("Keep watching from the tray when the window is closed");
    private final javafx.scene.control.CheckBox startAtLogin = new javafx.scene.control.CheckBox("Start at login");
    private final boolean startsAtLogin;
    private final Connection connection;
    private final ApiKeyResolver keys;
    private final TaskRunner runner;
    private final java.util.function.BiFunction<java.net.URI, ApiKey, Connection> connector;
    private Result checked;

    public SettingsDialog(
            Window owner,
            List<String> stylesheets,
            UiSettings current,
            Connection connection,
            ApiKeyResolver keys,
            TaskRunner runner,
            java.util.function.BiFunction<java.net.URI, ApiKey, Connection> connector,
            boolean startsAtLogin) {
        this.current = current;
        this.startsAtLogin = startsAtLogin;
        this.connection = connection;
        this.keys = keys;
        this.runner = runner;
        this.connector = connector;
        if (owner != null) {
            initOwner(owner);
        }
        // Titled for what it is: from the demo it connects an account; otherwise it is the settings.
        setTitle(connection.isDemo() ? "Connect account" : "Settings");
        setHeaderText(connection.isDemo() ? "Connect your Vast.ai account" : "Settings");
        getDialogPane().getStylesheets().setAll(stylesheets);
        getDialogPane().setId("settings-dialog");

        key.setId("settings-key");
        key.setPromptText(connection.isDemo() ? "paste your Vast.ai API key" : "leave empty to keep the current key");
        LazyTip.install(
                key,
                "From console.vast.ai → Account → API keys. Checked with Vast before it is saved to " + keys.keyFile()
                        + " (readable by you only).");
        Label keyNow = new Label(
                connection.isDemo()
                        ? "No key: showing the demo account"
                        : connection.key() == null
                                ? "No key found"
                                : "Current key " + connection.key().hint() + " from "
                                        + connection.key().source());
        keyNow.getStyleClass().add("hint-text");

        server.setId("settings-server");
        server.setText(
                current.serverUrl() != null
                        ? current.serverUrl()
                        : connection.isDemo()
                                ? ServerUrl.DEFAULT
                                : connection.server().toString());
        LazyTip.install(server, "The Vast server; https://console.vast.ai unless you run a simulator");

        notifyUrls.setId("settings-notify");
        notifyUrls.setPromptText("https://hooks.slack.com/… or https://ntfy.sh/topic (space-separated)");
        notifyUrls.setText(String.join(" ", current.notifyUrls()));
        LazyTip.install(
                notifyUrls,
                "Webhooks that get every alert and guard action as a POST: Slack, Discord,"
                        + " ntfy or any JSON receiver, told apart by the URL");

        interval = new Spinner<>(2, 3600, current.pollSeconds(), 5);
        interval.setId("settings-interval");
        interval.setEditable(true);
        LazyTip.install(interval, "Seconds between polls of the account");

        lowRunway.setId("settings-low-runway");
        lowRunway.setText(number(current.lowRunwayHours()));
        LazyTip.install(lowRunway, "Warn when the credit would run out within this many hours (0: never)");
        highBurn.setId("settings-high-burn");
        highBurn.setText(number(current.highBurnPerHour()));
        LazyTip.install(highBurn, "Warn when the total burn is above this many $/hr (0: never)");
        lowCredit.setId("settings-low-credit");
        lowCredit.setText(number(current.lowCreditUsd()));
        LazyTip.install(lowCredit, "Warn when the credit falls below this many dollars (0: never)");

        theme.setId("settings-theme");
        theme.getItems().setAll(Theme.values());
        theme.setValue(current.theme());
        theme.setConverter(new StringConverter<>() {
            @Override
            public String toString(Theme t) {
                return t == null ? "" : t == Theme.LIGHT ? "Light" : "Dark";
            }

            @Override
            public Theme fromString(String s) {
                return "Dark".equals(s) ? Theme.DARK : Theme.LIGHT;
            }
        });

        trayWatch.setId("settings-tray-watch");
        trayWatch.setSelected(current.trayWatch());
        LazyTip.install(
                trayWatch,
                "Where the desktop has a system tray: closing the window hides it, and"
                        + " the tray icon keeps watching and alerting; Quit in the tray menu exits");

        startAtLogin.setId("settings-autostart");
        startAtLogin.setSelected(startsAtLogin);
        LazyTip.install(
                startAtLogin,
                "Open this window when you log in to your desktop (an entry in"
                        + " ~/.config/autostart); off by default");

        status.setId("settings-status");
        status.setWrapText(true);
        status.setMaxWidth(460);
        // The whole reason, never cut off: the label grows in height instead.
        status.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        checking.setPrefSize(16, 16);
        checking.setVisible(false);

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        int row = 0;
        grid.addRow(row++, new Label("API key"), key);
        grid.add(keyNow, 1, row++);
        grid.addRow(row++, new Label("Server URL"), server);
        grid.addRow(row++, new Label("Poll every (s)"), interval);
        grid.addRow(row++, new Label("Warn when runway below (h)"), lowRunway);
        grid.addRow(row++, new Label("Warn when burn above ($/hr)"), highBurn);
        grid.addRow(row++, new Label("Warn when credit below ($)"), lowCredit);
        grid.addRow(row++, new Label("Also send alerts to"), notifyUrls);
        grid.addRow(row++, new Label("Theme"), theme);
        grid.add(trayWatch, 1, row++);
        grid.add(startAtLogin, 1, row++);
        grid.add(new HBox(8, checking, status), 0, row, 2, 1);
        key.setPrefColumnCount(32);
        getDialogPane().setContent(grid);

        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().setAll(save, ButtonType.CANCEL);
        Button saveButton = (Button) getDialogPane().lookupButton(save);
        saveButton.setId("settings-save");
        ((Button) getDialogPane().lookupButton(ButtonType.CANCEL)).setId("settings-cancel");
        // Saving may need a network check: keep the dialog open until it answers.
        saveButton.addEventFilter(ActionEvent.ACTION, e -> {
            if (checked == null) {
                e.consume();
                startSave(saveButton);
            }
        });
        setResultConverter(button -> button == save ? checked : null);
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    private void startSave(Button saveButton) {
        UiSettings next;
        URI serverUri;
        try {
            serverUri = ServerUrl.parse(server.getText());
            next = current.withPollSeconds(interval.getValue())
                    .withThresholds(
                            parse(lowRunway, "The runway warning"),
                            parse(highBurn, "The burn warning"),
                            parse(lowCredit, "The credit warning"))
                    .withTheme(theme.getValue())
                    .withTrayWatch(trayWatch.isSelected())
                    .withNotifyUrls(notifyUrls(notifyUrls.getText()))
                    .withServerUrl(serverUri.toString().equals(ServerUrl.DEFAULT) ? null : serverUri.toString());
        } catch (IllegalArgumentException e) {
            fail(e.getMessage());
            return;
        }
        String typed = key.getText() == null ? "" : key.getText().strip();
        ApiKey newKey;
        try {
            newKey = typed.isEmpty() ? null : new ApiKey(typed, "the settings dialog");
        } catch (IllegalArgumentException e) {
            fail(e.getMessage());
            return;
        }
        boolean serverChanged = !connection.isDemo() && !serverUri.equals(connection.server());
        ApiKey toCheck = newKey != null ? newKey : serverChanged ? connection.key() : null;
        if (toCheck == null) {
            if (connection.isDemo() && !serverUri.toString().equals(ServerUrl.DEFAULT)) {
                status.setText("Saved. Enter an API key to connect to " + serverUri + ".");
            }
            finish(saveButton, new Result(next, null, autostartChange()));
            return;
        }
        checking.setVisible(true);
        status.getStyleClass().remove("error-text");
        status.setText("Checking the key with " + serverUri.getHost() + "…");
        saveButton.setDisable(true);
        // The check, the key file and opening the account's local data are all I/O: none of it on the FX thread.
        runner.task(p -> {
                    VastServices.checkKey(serverUri, toCheck);
                    if (newKey != null) {
                        keys.save(newKey);
                    }
                    return connector.apply(serverUri, toCheck);
                })
                .onSuccess(connected -> {
                    checking.setVisible(false);
                    saveButton.setDisable(false);
                    finish(saveButton, new Result(next, connected, autostartChange()));
                })
                .onError(e -> {
                    checking.setVisible(false);
                    saveButton.setDisable(false);
                    fail(failureReason(serverUri.getHost(), e));
                })
                .start();
    }

    /**
     * Why the live check failed, told apart, in full: only a 401/403 means the key is wrong; offline, a timeout or a
     * server error say nothing about the key, and saying they did sends people off to regenerate a good key.
     */
    static String failureReason(String host, Throwable error) {
        String detail = MonitorViewModel.describe(error);
        if (error instanceof io.imggenhub.vast.api.AuthenticationException) {
            return "Not saved: " + host + " rejected the key (" + detail + "). Copy it again from the Account page"
                    + " of the Vast console.";
        }
        if (error instanceof io.imggenhub.vast.api.TransportException t) {
            boolean timeout = t.type() != null && t.type().contains("timeout");
            return timeout
                    ? "Not saved: " + host + " did not answer in time (" + detail + "). The key was not checked;"
                            + " try again in a moment."
                    : "Not saved: could not reach " + host + ". You may be offline, or the server URL is wrong ("
                            + detail + "). The key was not checked.";
        }
        if (error instanceof io.imggenhub.vast.api.ServerErrorException) {
            return "Not saved: " + host + " had a server error (" + detail + "). The key was not checked; try again"
                    + " later.";
        }
        if (error instanceof IOException) {
            return "Not saved: the key could not be written to its file (" + detail + ").";
        }
        return "Not saved: the check with " + host + " failed (" + detail + ").";
    }

    private Boolean autostartChange() {
        return startAtLogin.isSelected() == startsAtLogin ? null : startAtLogin.isSelected();
    }

    private void finish(Button saveButton, Result result) {
        checked = result;
        saveButton.fire();
    }

    private void fail(String message) {
        status.setText(message);
        if (!status.getStyleClass().contains("error-text")) {
            status.getStyleClass().add("error-text");
        }
    }

    /** Space- or comma-separated webhook URLs, each checked (HTTPS, or loopback) before anything is saved. */
    static java.util.List<String> notifyUrls(String text) {
        java.util.List<String> urls = new java.util.ArrayList<>();
        for (String part : (text == null ? "" : text).split("[\\s,]+")) {
            if (!part.isBlank()) {
                io.imggenhub.vast.core.notify.NotifyTarget.parse(part, null);
                urls.add(part.strip());
            }
        }
        return urls;
    }

    private static double parse(TextField field, String what) {
        String text = field.getText() == null ? "" : field.getText().strip().replace("$", "");
        if (text.isEmpty()) {
            return 0;
        }
        try {
            double value = Double.parseDouble(text);
            if (value < 0 || Double.isNaN(value) || Double.isInfinite(value)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a number of 0 or more, not \"" + text + "\"");
        }
    }
}
