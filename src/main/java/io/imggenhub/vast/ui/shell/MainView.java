package io.imggenhub.vast.ui.shell;

import io.imggenhub.vast.ui.common.BannerBoard;
import io.imggenhub.vast.ui.deploy.DeployPanel;
import io.imggenhub.vast.ui.deploy.DeployViewModel;
import io.imggenhub.vast.ui.instances.DestroyViewModel;
import io.imggenhub.vast.ui.instances.FleetControls;
import io.imggenhub.vast.ui.instances.InstanceRow;
import io.imggenhub.vast.ui.instances.InstanceTable;
import io.imggenhub.vast.ui.instances.MonitorViewModel;
import io.imggenhub.vast.ui.instances.SummaryBar;
import io.imggenhub.vast.ui.settings.DemoAccount;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.time.ZoneId;

/** The window's nodes: toolbar, spend summary, banners, the instance table and the deploy panel. No logic. */
public final class MainView {
    /** What the toolbar asks of the window that owns this view. */
    interface Actions {
        void refresh();

        void openSettings();

        void toggleTheme();
    }

    private static final KeyCombination SETTINGS = KeyCombination.keyCombination("Shortcut+Comma");
    private static final KeyCombination REFRESH_ALT = KeyCombination.keyCombination("Shortcut+R");
    private static final KeyCombination DEPLOY_PANEL = KeyCombination.keyCombination("Shortcut+D");

    private final BorderPane root = new BorderPane();
    private final InstanceTable table;
    private final DeployPanel deployPanel;
    private final ToggleButton deployToggle = new ToggleButton("Deploy panel");
    private final Region spacer = new Region();
    private final ToolBar toolbar;
    private final TabPane tabs = new TabPane();
    private final BannerStack bannerStack;
    /** What the deploy panel needs for its buttons to show in full. */
    /** The deploy panel's narrowest with its buttons and fields whole (base.css gives it the same minimum). */
    private static final double DEPLOY_MIN = 300;
    /** The split's divider and padding. */
    private static final double DIVIDER = 8;
    /** The deploy panel was closed for lack of room, not by the user: it comes back when there is room. */
    private boolean autoHidden;
    private boolean hidingForRoom;
    /** The table with what sits above it (the filter bar). */
    private final VBox tablePane = new VBox();

    MainView(MonitorViewModel monitor, DestroyViewModel destroy, DeployViewModel deploy, BannerBoard board,
             Actions actions, boolean demo, String connection, ObservableStringValue pollText,
             ObservableBooleanValue polling, ObservableStringValue themeButtonText, ZoneId zone) {
        root.getStyleClass().add("monitor");
        root.setId("monitor-root");
        table = new InstanceTable(monitor, destroy::destroy);
        deployPanel = new DeployPanel(deploy);

        TableView<InstanceRow> tableView = table.view();
        Label placeholder = new Label();
        placeholder.getStyleClass().add("table-placeholder");
        placeholder.textProperty().bind(Bindings.createStringBinding(() -> {
            if (monitor.snapshotProperty().get() != null) {
                return "No instances: nothing is billing.";
            }
            return monitor.staleProperty().get() ? "Could not load the instances: see the banner above."
                    : "Loading instances…";
        }, monitor.snapshotProperty(), monitor.staleProperty()));
        tableView.setPlaceholder(placeholder);

        Button refresh = new Button("⟳ Refresh");
        refresh.setId("refresh");
        refresh.setTooltip(new Tooltip("Poll Vast now (F5)"));
        refresh.setOnAction(e -> actions.refresh());

        Button destroyOne = new Button("Destroy");
        destroyOne.setId("destroy");
        destroyOne.setTooltip(new Tooltip("Destroy the selected instances, after you confirm (Delete)"));
        destroyOne.textProperty().bind(FleetControls.destroyButtonText(tableView));
        destroyOne.setOnAction(e -> FleetControls.destroySelection(tableView, destroy));
        destroyOne.disableProperty().bind(tableView.getSelectionModel().selectedItemProperty().isNull()
                .or(destroy.destroyingAllProperty()));

        Button destroyAll = new Button("Destroy All");
        destroyAll.setId("destroy-all");
        destroyAll.getStyleClass().addAll("danger", "destroy-all");
        destroyAll.setTooltip(new Tooltip("Destroy every instance on the account, after you confirm"));
        destroyAll.setOnAction(e -> destroy.destroyAll());
        destroyAll.disableProperty().bind(destroy.destroyingAllProperty());

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

        deployToggle.setId("deploy-toggle");
        deployToggle.setSelected(true);
        deployToggle.setTooltip(new Tooltip("Show or hide the deploy panel (Ctrl+D)"));

        HBox.setHgrow(spacer, Priority.ALWAYS);

        Button theme = new Button();
        theme.setId("theme");
        theme.textProperty().bind(themeButtonText);
        theme.setTooltip(new Tooltip("Switch between the light and the dark theme"));
        theme.setOnAction(e -> actions.toggleTheme());

        Button settings = new Button("Settings…");
        settings.setId("settings");
        settings.setTooltip(new Tooltip("API key, server, poll interval, alert thresholds (Ctrl+,)"));
        settings.setOnAction(e -> actions.openSettings());

        toolbar = new ToolBar(refresh, new Separator(Orientation.VERTICAL), destroyOne, destroyAll,
                destroyActivity, new Separator(Orientation.VERTICAL), deployToggle, spacer);
        if (demo) {
            Label badge = new Label("DEMO");
            badge.setId("demo-badge");
            badge.getStyleClass().add("demo-badge");
            badge.setTooltip(new Tooltip("A simulated account on a local Vast.ai simulator: nothing here costs"
                    + " money. Billing runs " + (int) DemoAccount.TIME_SCALE + " times faster than real time, so"
                    + " you can watch the credit drain."));
            Button connect = new Button("Connect real account…");
            connect.setId("connect");
            connect.getStyleClass().add("accent");
            connect.setTooltip(new Tooltip("Enter your Vast.ai API key to watch your real account"));
            connect.setOnAction(e -> actions.openSettings());
            toolbar.getItems().addAll(badge, connect);
        }
        toolbar.getItems().addAll(theme, settings);

        bannerStack = new BannerStack(board);
        VBox top = new VBox(toolbar, new SummaryBar(monitor, zone).view(), bannerStack.view());
        top.getStyleClass().add("top-area");
        root.setTop(top);

        tablePane.getChildren().setAll(tableView);
        VBox.setVgrow(tableView, Priority.ALWAYS);
        SplitPane split = new SplitPane(tablePane, deployPanel.view());
        split.setId("split");
        split.setDividerPositions(0.72);
        SplitPane.setResizableWithParent(deployPanel.view(), false);
        // The deploy panel gives way before the numbers do: it gets what the table's columns leave, 260-380 px.
        split.widthProperty().addListener((o, was, is) -> placeDivider(split, true));
        table.neededWidthProperty().addListener((o, was, is) -> placeDivider(split, true));
        deployToggle.selectedProperty().addListener((o, was, show) -> {
            if (show && !split.getItems().contains(deployPanel.view())) {
                split.getItems().add(deployPanel.view());
                split.setDividerPositions(0.72);
                // After the split has laid the panel out again, or the position is overridden.
                javafx.application.Platform.runLater(() -> placeDivider(split, false));
            } else if (!show) {
                autoHidden = hidingForRoom;
                split.getItems().remove(deployPanel.view());
            }
        });
        Tab instances = new Tab("Instances", split);
        instances.setId("instances-tab");
        instances.setClosable(false);
        tabs.getTabs().add(instances);
        tabs.setId("main-tabs");
        root.setCenter(tabs);

        Label connectionLabel = new Label(connection);
        connectionLabel.setId("connection");
        Region statusSpacer = new Region();
        HBox.setHgrow(statusSpacer, Priority.ALWAYS);
        ProgressIndicator pollIndicator = new ProgressIndicator();
        pollIndicator.setId("poll-indicator");
        pollIndicator.setPrefSize(14, 14);
        pollIndicator.visibleProperty().bind(polling);
        Label pollLabel = new Label();
        pollLabel.setId("poll-status");
        pollLabel.textProperty().bind(pollText);
        HBox status = new HBox(8, connectionLabel, statusSpacer, pollIndicator, pollLabel);
        status.setAlignment(Pos.CENTER_LEFT);
        status.getStyleClass().add("status-bar");
        root.setBottom(status);

        root.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            boolean typing = root.getScene() != null && root.getScene().getFocusOwner() instanceof TextInputControl;
            if (e.getCode() == KeyCode.F5 || REFRESH_ALT.match(e)) {
                actions.refresh();
                e.consume();
            } else if (e.getCode() == KeyCode.DELETE && !typing) {
                FleetControls.destroySelection(tableView, destroy);
                e.consume();
            } else if (SETTINGS.match(e)) {
                actions.openSettings();
                e.consume();
            } else if (DEPLOY_PANEL.match(e)) {
                deployToggle.setSelected(!deployToggle.isSelected());
                e.consume();
            }
        });
    }

    /**
     * The deploy panel gives way before the numbers do: it gets what the table's columns leave (up to 400 px), and
     * where that is less than it needs it closes by itself, to come back when the window is wide enough again.
     */
    private void placeDivider(SplitPane split, boolean mayHide) {
        double width = split.getWidth();
        if (width <= 0) {
            return;
        }
        // The label in full if the panel can still have its minimum beside it, else the label gives way.
        double room = width - DIVIDER - table.neededWidth(true);
        if (room < DEPLOY_MIN) {
            // The label gives way (its cells have tooltips) before the panel closes; the panel keeps its minimum.
            room = Math.min(DEPLOY_MIN, width - DIVIDER - table.neededWidth(false));
        }
        boolean shown = split.getItems().contains(deployPanel.view());
        if (mayHide && shown && room < DEPLOY_MIN) {
            hidingForRoom = true;
            deployToggle.setSelected(false);
            hidingForRoom = false;
            return;
        }
        if (mayHide && !shown && autoHidden && room >= DEPLOY_MIN) {
            autoHidden = false;
            deployToggle.setSelected(true);
            return;
        }
        if (shown) {
            double panel = Math.max(DEPLOY_MIN, Math.min(400, room));
            split.setDividerPositions(Math.max(0.3, 1 - panel / width));
        }
    }

    /** Tabs after the instances (alerts, history, audit): the instance table stays the first and default. */
    void addTabs(java.util.List<Tab> more) {
        tabs.getTabs().addAll(more);
    }

    /** Escape: the newest banner goes (the window's scene asks, so the table cannot swallow it). */
    boolean dismissNewestBanner() {
        return bannerStack.dismissNewest();
    }

    TabPane tabs() {
        return tabs;
    }

    public Parent root() {
        return root;
    }

    /** More toolbar buttons (the guards'), after the deploy toggle. */
    public void addTools(javafx.scene.Node... tools) {
        toolbar.getItems().addAll(toolbar.getItems().indexOf(spacer), java.util.List.of(tools));
    }

    /** Puts {@code node} above the instance table (the filter bar). */
    public void addAboveTable(javafx.scene.Node node) {
        tablePane.getChildren().add(0, node);
    }

    DeployPanel deployPanel() {
        return deployPanel;
    }

    public InstanceTable instanceTable() {
        return table;
    }

    public TableView<InstanceRow> table() {
        return table.view();
    }
}
