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
import java.time.ZoneId;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The window's nodes: the toolbar ({@link WindowToolbar}), spend summary, banners, the instance table beside the
 * deploy panel ({@link DeploySplit}) in the first tab, and the status bar. No logic.
 */
public final class MainView {
    /** What the toolbar asks of the window that owns this view. */
    interface Actions {
        void refresh();

        void openSettings();

        void toggleTheme();
    }

    /** The view models the window shows. */
    record Models(MonitorViewModel monitor, DestroyViewModel destroy, DeployViewModel deploy, BannerBoard board) {}

    /**
     * What the toolbar and the status bar say about the watched account: demo or real, where it connects, how it
     * polls, the theme button's text, and the zone the summary's clock times are in.
     */
    record Session(
            boolean demo,
            String connection,
            ObservableStringValue pollText,
            ObservableBooleanValue polling,
            ObservableStringValue themeButtonText,
            ZoneId zone) {}

    private static final KeyCombination SETTINGS = KeyCombination.keyCombination("Shortcut+Comma");
    private static final KeyCombination REFRESH_ALT = KeyCombination.keyCombination("Shortcut+R");
    private static final KeyCombination DEPLOY_PANEL = KeyCombination.keyCombination("Shortcut+D");

    private final BorderPane root = new BorderPane();
    private final InstanceTable table;
    private final DeployPanel deployPanel;
    private final WindowToolbar toolbar;
    private final TabPane tabs = new TabPane();
    private final BannerStack bannerStack;
    /** The table with what sits above it (the filter bar). */
    private final VBox tablePane = new VBox();

    MainView(Models models, Actions actions, Session session) {
        root.getStyleClass().add("monitor");
        root.setId("monitor-root");
        table = new InstanceTable(models.monitor(), models.destroy()::destroy);
        deployPanel = new DeployPanel(models.deploy());

        TableView<InstanceRow> tableView = table.view();
        tableView.setPlaceholder(placeholder(models.monitor()));

        toolbar = new WindowToolbar(tableView, models.destroy(), actions, session);
        bannerStack = new BannerStack(models.board());
        root.setTop(topArea(new SummaryBar(models.monitor(), session.zone()).view()));

        tablePane.getChildren().setAll(table.box());
        VBox.setVgrow(table.box(), Priority.ALWAYS);
        DeploySplit split = new DeploySplit(tablePane, table, deployPanel, toolbar.deployToggle());
        root.setCenter(tabsWithInstances(split.view()));
        root.setBottom(statusBar(session));

        root.addEventHandler(KeyEvent.KEY_PRESSED, e -> onKey(e, actions, tableView, models.destroy()));
    }

    /** Says why the table is empty: nothing billing, a failed load, or still loading. */
    private static Label placeholder(MonitorViewModel monitor) {
        Label placeholder = new Label();
        placeholder.getStyleClass().add("table-placeholder");
        placeholder
                .textProperty()
                .bind(Bindings.createStringBinding(
                        () -> {
                            if (monitor.snapshotProperty().get() != null) {
                                return "No instances: nothing is billing.";
                            }
                            return monitor.staleProperty().get()
                                    ? "Could not load the instances: see the banner above."
                                    : "Loading instances…";
                        },
                        monitor.snapshotProperty(),
                        monitor.staleProperty()));
        return placeholder;
    }

    /** The toolbar, the spend summary and the banners, top to bottom. */
    private VBox topArea(Node summary) {
        VBox top = new VBox(toolbar.view(), summary, bannerStack.view());
        top.getStyleClass().add("top-area");
        return top;
    }

    private TabPane tabsWithInstances(Node instancesContent) {
        Tab instances = new Tab("Instances", instancesContent);
        instances.setId("instances-tab");
        instances.setClosable(false);
        tabs.getTabs().add(instances);
        tabs.setId("main-tabs");
        return tabs;
    }

    /** Where the window is connected on the left; the poll's activity and pace on the right. */
    private static HBox statusBar(Session session) {
        Label connectionLabel = new Label(session.connection());
        connectionLabel.setId("connection");
        Region statusSpacer = new Region();
        HBox.setHgrow(statusSpacer, Priority.ALWAYS);
        ProgressIndicator pollIndicator = new ProgressIndicator();
        pollIndicator.setId("poll-indicator");
        pollIndicator.setPrefSize(14, 14);
        pollIndicator.visibleProperty().bind(session.polling());
        Label pollLabel = new Label();
        pollLabel.setId("poll-status");
        pollLabel.textProperty().bind(session.pollText());
        HBox status = new HBox(8, connectionLabel, statusSpacer, pollIndicator, pollLabel);
        status.setAlignment(Pos.CENTER_LEFT);
        status.getStyleClass().add("status-bar");
        return status;
    }

    /** The window's shortcuts: F5/Ctrl+R refresh, Delete destroys the selection, Ctrl+, settings, Ctrl+D the panel. */
    private void onKey(KeyEvent e, Actions actions, TableView<InstanceRow> tableView, DestroyViewModel destroy) {
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
            toolbar.deployToggle().setSelected(!toolbar.deployToggle().isSelected());
            e.consume();
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
        toolbar.addTools(tools);
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
