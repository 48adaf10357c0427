package io.imggenhub.vast.ui.deploy;

import io.imggenhub.vast.api.Offer;
import io.imggenhub.vast.ui.common.Format;
import io.imggenhub.vast.ui.common.LazyTip;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.StringProperty;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Filters, the matching offers (cheapest first) and Deploy cheapest with its progress and Cancel.
 *
 * <p>The panel is filled in after the first frame of the scene it is put in: until then it is its empty, styled box
 * at its place, so nothing moves when the form arrives. Its ~190 nodes were ~80 ms of the window's first CSS and
 * layout pass (docs/benchmarks.md), and the instances come first.
 */
public final class DeployPanel {
    private final VBox box = new VBox(8);
    private final DeployViewModel vm;
    /** Options added before the form was built, in order. */
    private final List<Node> pendingOptions = new ArrayList<>();

    private TextField gpuField;
    private Node buttonsRow;

    public DeployPanel(DeployViewModel vm) {
        this.vm = vm;
        box.getStyleClass().add("deploy-panel");
        box.setId("deploy-panel");
        box.sceneProperty().addListener((o, was, scene) -> {
            if (scene != null && !isComplete()) {
                fillAfterNextPulse(scene);
            }
        });
    }

    private void fillAfterNextPulse(Scene scene) {
        scene.addPostLayoutPulseListener(new Runnable() {
            @Override
            public void run() {
                scene.removePostLayoutPulseListener(this);
                // After this pulse has been drawn, not inside it: the form must not join the frame it waited for.
                Platform.runLater(DeployPanel.this::complete);
            }
        });
        Platform.requestNextPulse();
    }

    /** Builds the form now if it is not there yet (it otherwise arrives after the scene's next frame). */
    public void complete() {
        if (isComplete()) {
            return;
        }
        Label title = new Label("Deploy a GPU");
        title.getStyleClass().add("panel-title");

        GridPane form = formGrid();
        gpuField = addFilters(form, vm);
        addPromptAndHosts(form, vm, 7);
        FlowPane buttons = buttons(vm);
        buttonsRow = buttons;

        box.getChildren().addAll(title, form);
        box.getChildren().addAll(pendingOptions);
        pendingOptions.clear();
        box.getChildren().addAll(buttons, progress(vm), message(vm), error(vm), offersTable(vm));
    }

    /** Whether the form has been built. */
    public boolean isComplete() {
        return gpuField != null;
    }

    /** Two columns: captions at their natural width, fields taking the rest. */
    private static GridPane formGrid() {
        GridPane form = new GridPane();
        form.getStyleClass().add("deploy-form");
        form.setHgap(8);
        form.setVgap(6);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        form.getColumnConstraints().setAll(labels, fields);
        return form;
    }

    /** The search filters and what to run, rows 0-6; returns the first field (it gets the focus). */
    private static TextField addFilters(GridPane form, DeployViewModel vm) {
        TextField gpu = field(
                form,
                0,
                "GPU name",
                "deploy-gpu",
                vm.gpuNameProperty(),
                "any",
                "Vast's spelling, e.g. RTX 4090 or Tesla P40; empty for any GPU");
        field(
                form,
                1,
                "Min VRAM (GB)",
                "deploy-vram",
                vm.minVramGbProperty(),
                "any",
                "Total GPU memory across the machine's GPUs");
        field(
                form,
                2,
                "Max $/hr",
                "deploy-max-price",
                vm.maxPriceProperty(),
                "no limit",
                "All-in hourly price, storage included");
        field(
                form,
                3,
                "Min reliability (%)",
                "deploy-reliability",
                vm.minReliabilityProperty(),
                "any",
                "Vast's host reliability score, 0-100");
        field(form, 4, "Image", "deploy-image", vm.imageProperty(), "pytorch/pytorch:latest", "Docker image to run");
        field(
                form,
                5,
                "Disk (GB)",
                "deploy-disk",
                vm.diskGbProperty(),
                DeployViewModel.DEFAULT_DISK,
                "Disk to allocate, 8 GB or more; its storage bills too and is part of every $/hr shown");
        field(
                form,
                6,
                "Label",
                "deploy-label",
                vm.labelProperty(),
                "automatic",
                "Shown in the table; used to find the rental again if the answer is lost");
        return gpu;
    }

    /** The prompt for the container at {@code row}, and whether unverified hosts count, below it. */
    private static void addPromptAndHosts(GridPane form, DeployViewModel vm, int row) {
        TextArea prompt = new TextArea();
        prompt.setId("deploy-prompt");
        prompt.setPromptText("optional; passed to the container as $" + DeployViewModel.PROMPT_ENV);
        prompt.setPrefRowCount(2);
        prompt.setWrapText(true);
        prompt.textProperty().bindBidirectional(vm.promptProperty());
        LazyTip.install(
                prompt,
                "A text prompt for the image generator, given to the container as the " + DeployViewModel.PROMPT_ENV
                        + " environment variable");
        form.add(new Label("Prompt"), 0, row);
        form.add(prompt, 1, row);
        CheckBox unverified = new CheckBox("Include unverified hosts");
        unverified.setId("deploy-include-unverified");
        LazyTip.install(unverified, "Vast lists verified hosts only by default, as its own CLI does");
        unverified.selectedProperty().bindBidirectional(vm.includeUnverifiedProperty());
        // Under the prompt across both columns: in the field column alone its words were cut at the panel's minimum.
        unverified.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        form.add(unverified, 0, row + 1, 2, 1);
    }

    /**
     * Search offers, Deploy cheapest, Cancel: a row that wraps rather than cut a button's word when the panel is at
     * its narrowest beside a wide table.
     */
    private static FlowPane buttons(DeployViewModel vm) {
        Button search = new Button("Search offers");
        search.setId("deploy-search");
        LazyTip.install(search, "List the offers that match, cheapest first");
        search.setOnAction(e -> vm.search());
        search.disableProperty().bind(vm.searchingProperty());
        Button deploy = new Button("Deploy cheapest");
        deploy.setId("deploy-cheapest");
        deploy.getStyleClass().add("accent");
        LazyTip.install(deploy, "Rent the cheapest matching offer and wait until it runs. It bills from now.");
        deploy.setOnAction(e -> vm.deployCheapest());
        deploy.disableProperty().bind(vm.deployingProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("deploy-cancel");
        LazyTip.install(cancel, "Stop the deploy. A rental already made is kept and shown in the table.");
        cancel.setOnAction(e -> vm.cancel());
        cancel.disableProperty().bind(vm.deployingProperty().not());
        FlowPane row = new FlowPane(6, 6, search, deploy, cancel);
        row.setId("deploy-buttons");
        for (Button b : new Button[] {search, deploy, cancel}) {
            b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        return row;
    }

    /** Shown only while a deploy runs. */
    private static ProgressBar progress(DeployViewModel vm) {
        ProgressBar progress = new ProgressBar();
        progress.setId("deploy-progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.progressProperty().bind(vm.progressProperty());
        progress.visibleProperty().bind(vm.deployingProperty());
        progress.managedProperty().bind(vm.deployingProperty());
        return progress;
    }

    private static Label message(DeployViewModel vm) {
        Label message = new Label();
        message.setId("deploy-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        return message;
    }

    /** Takes no room while there is no error. */
    private static Label error(DeployViewModel vm) {
        Label error = new Label();
        error.setId("deploy-error");
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        return error;
    }

    /** The matching offers, cheapest first, filling the panel's remaining height. */
    private static TableView<Offer> offersTable(DeployViewModel vm) {
        TableView<Offer> offers = new TableView<>(vm.offers());
        offers.setId("offers-table");
        offers.setPlaceholder(new Label("Search to see the matching offers"));
        offers.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        offers.getColumns()
                .setAll(java.util.List.of(
                        offerColumn("GPU", Offer::gpuDisplayName, 96),
                        offerColumn("VRAM", o -> String.format(Locale.ROOT, "%.0f GB", o.totalVramGb()), 50),
                        offerColumn("$/hr", o -> Format.rate(o.hourlyCost()), 60),
                        offerColumn("Rel.", o -> String.format(Locale.ROOT, "%.0f%%", o.reliabilityPercent()), 40),
                        offerColumn("Where", o -> o.geolocation() == null ? "" : o.geolocation(), 70)));
        offers.getStyleClass().add("offers-table");
        VBox.setVgrow(offers, Priority.ALWAYS);
        return offers;
    }

    private static TextField field(
            GridPane form, int row, String caption, String id, StringProperty value, String prompt, String tip) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        LazyTip.install(field, tip);
        field.textProperty().bindBidirectional(value);
        form.add(new Label(caption), 0, row);
        form.add(field, 1, row);
        return field;
    }

    private static TableColumn<Offer, String> offerColumn(String title, Function<Offer, String> value, double width) {
        TableColumn<Offer, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setSortable(false);
        column.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        return column;
    }

    /** More controls (the guards' deploy options) between the buttons and the progress. */
    public void addOptions(Node options) {
        if (!isComplete()) {
            pendingOptions.add(options);
            return;
        }
        box.getChildren().add(box.getChildren().indexOf(buttonsRow), options);
    }

    TextInputControl firstField() {
        complete();
        return gpuField;
    }

    public Node view() {
        return box;
    }
}
