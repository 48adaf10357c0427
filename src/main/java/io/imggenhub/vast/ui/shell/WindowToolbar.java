package io.imggenhub.vast.ui.shell;

import io.imggenhub.vast.ui.common.LazyTip;
import io.imggenhub.vast.ui.instances.DestroyViewModel;
import io.imggenhub.vast.ui.instances.FleetControls;
import io.imggenhub.vast.ui.instances.InstanceRow;
import io.imggenhub.vast.ui.settings.DemoAccount;
import java.util.List;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The window's toolbar, left to right: refresh, the destroy buttons and their progress, the deploy panel's toggle,
 * the tools other features add (the guards'), then the demo badge, the theme and settings at the right edge.
 */
final class WindowToolbar {
    private final ToolBar toolbar;
    private final ToggleButton deployToggle = new ToggleButton("Deploy panel");
    /** Pushes what follows to the right edge; added tools go just before it. */
    private final Region spacer = new Region();

    WindowToolbar(
            TableView<InstanceRow> table,
            DestroyViewModel destroy,
            MainView.Actions actions,
            MainView.Session session) {
        deployToggle.setId("deploy-toggle");
        deployToggle.setSelected(true);
        LazyTip.install(deployToggle, "Show or hide the deploy panel (Ctrl+D)");

        HBox.setHgrow(spacer, Priority.ALWAYS);

        toolbar = new ToolBar(
                refreshButton(actions),
                new Separator(Orientation.VERTICAL),
                destroySelectedButton(table, destroy),
                destroyAllButton(destroy),
                destroyActivity(destroy),
                new Separator(Orientation.VERTICAL),
                deployToggle,
                spacer);
        if (session.demo()) {
            toolbar.getItems().addAll(demoItems(actions));
        }
        toolbar.getItems().addAll(themeButton(actions, session), settingsButton(actions));
    }

    ToolBar view() {
        return toolbar;
    }

    ToggleButton deployToggle() {
        return deployToggle;
    }

    /** More buttons after the deploy toggle. */
    void addTools(Node... tools) {
        toolbar.getItems().addAll(toolbar.getItems().indexOf(spacer), List.of(tools));
    }

    private static Button refreshButton(MainView.Actions actions) {
        Button refresh = new Button("⟳ Refresh");
        refresh.setId("refresh");
        LazyTip.install(refresh, "Poll Vast now (F5)");
        refresh.setOnAction(e -> actions.refresh());
        return refresh;
    }

    private static Button destroySelectedButton(TableView<InstanceRow> table, DestroyViewModel destroy) {
        Button destroyOne = new Button("Destroy");
        destroyOne.setId("destroy");
        LazyTip.install(destroyOne, "Destroy the selected instances, after you confirm (Delete)");
        destroyOne.textProperty().bind(FleetControls.destroyButtonText(table));
        destroyOne.setOnAction(e -> FleetControls.destroySelection(table, destroy));
        destroyOne
                .disableProperty()
                .bind(table.getSelectionModel().selectedItemProperty().isNull().or(destroy.destroyingAllProperty()));
        return destroyOne;
    }

    private static Button destroyAllButton(DestroyViewModel destroy) {
        Button destroyAll = new Button("Destroy All");
        destroyAll.setId("destroy-all");
        destroyAll.getStyleClass().addAll("danger", "destroy-all");
        LazyTip.install(destroyAll, "Destroy every instance on the account, after you confirm");
        destroyAll.setOnAction(e -> destroy.destroyAll());
        destroyAll.disableProperty().bind(destroy.destroyingAllProperty());
        return destroyAll;
    }

    /** The progress of a Destroy All, shown only while one runs. */
    private static HBox destroyActivity(DestroyViewModel destroy) {
        ProgressBar destroyProgress = new ProgressBar();
        destroyProgress.setId("destroy-progress");
        destroyProgress.setPrefWidth(120);
        destroyProgress.progressProperty().bind(destroy.progressProperty());
        Label destroyText = new Label();
        destroyText.setId("destroy-progress-text");
        destroyText.textProperty().bind(destroy.progressTextProperty());
        HBox destroyActivity = new HBox(6, destroyProgress, destroyText);
        destroyActivity.setAlignment(Pos.CENTER_LEFT);
        destroyActivity.visibleProperty().bind(destroy.destroyingAllProperty());
        destroyActivity.managedProperty().bind(destroy.destroyingAllProperty());
        return destroyActivity;
    }

    /** The DEMO badge and the way out of the demo. */
    private static List<Node> demoItems(MainView.Actions actions) {
        Label badge = new Label("DEMO");
        badge.setId("demo-badge");
        badge.getStyleClass().add("demo-badge");
        LazyTip.install(
                badge,
                "A simulated account on a local Vast.ai simulator: nothing here costs"
                        + " money. Billing runs " + (int) DemoAccount.TIME_SCALE + " times faster than real time, so"
                        + " you can watch the credit drain.");
        Button connect = new Button("Connect real account…");
        connect.setId("connect");
        connect.getStyleClass().add("accent");
        LazyTip.install(connect, "Enter your Vast.ai API key to watch your real account");
        connect.setOnAction(e -> actions.openSettings());
        return List.of(badge, connect);
    }

    private static Button themeButton(MainView.Actions actions, MainView.Session session) {
        Button theme = new Button();
        theme.setId("theme");
        theme.textProperty().bind(session.themeButtonText());
        LazyTip.install(theme, "Switch between the light and the dark theme");
        theme.setOnAction(e -> actions.toggleTheme());
        return theme;
    }

    private static Button settingsButton(MainView.Actions actions) {
        Button settings = new Button("Settings…");
        settings.setId("settings");
        LazyTip.install(settings, "API key, server, poll interval, alert thresholds (Ctrl+,)");
        settings.setOnAction(e -> actions.openSettings());
        return settings;
    }
}
