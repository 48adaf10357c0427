package io.imggenhub.vast.ui.history;

import io.imggenhub.vast.store.SpendHistory;
import io.imggenhub.vast.ui.common.Format;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** The History tab: burn $/hr and credit over 24 h or 7 d, and estimated spend per instance for the same range. */
final class HistoryView {
    private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter DAYS = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ROOT);
    private static final DateTimeFormatter DAY_HOURS = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ROOT);

    private final BorderPane root = new BorderPane();
    private final LineChart<Number, Number> burnChart;
    private final LineChart<Number, Number> creditChart;
    private final XYChart.Series<Number, Number> burn = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> credit = new XYChart.Series<>();
    private final TableView<SpendHistory.InstanceSpend> spendTable;
    private final HistoryModel model;
    private final ZoneId zone;

    HistoryView(HistoryModel model, ZoneId zone) {
        this.model = model;
        this.zone = zone;
        root.setId("history-view");
        burn.setName("Burn $/hr");
        credit.setName("Credit $");
        burnChart = chart("Burn ($/hr)", burn, "burn-chart");
        creditChart = chart("Credit ($)", credit, "credit-chart");

        ToggleGroup group = new ToggleGroup();
        HBox ranges = new HBox(4);
        for (HistoryModel.Range r : HistoryModel.Range.values()) {
            ToggleButton b = new ToggleButton("Last " + r.label);
            b.setId("range-" + r.name().toLowerCase(Locale.ROOT));
            b.setToggleGroup(group);
            b.setUserData(r);
            b.setSelected(r == model.rangeProperty().get());
            ranges.getChildren().add(b);
        }
        group.selectedToggleProperty().addListener((o, was, is) -> {
            if (is == null) {
                group.selectToggle(was);
            } else {
                model.rangeProperty().set((HistoryModel.Range) is.getUserData());
            }
        });
        Label error = new Label();
        error.setId("history-error");
        error.getStyleClass().add("history-error");
        error.textProperty().bind(model.errorProperty());
        Label total = new Label();
        total.setId("history-total");
        HBox bar = new HBox(12, ranges, total, error);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 8, 6, 8));

        spendTable = new TableView<>(model.spend());
        spendTable.setId("spend-per-instance");
        spendTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        spendTable.setPlaceholder(new Label("No spend recorded in this range."));
        spendTable.getColumns().setAll(List.of(
                column("ID", 80, s -> Long.toString(s.instanceId())),
                column("GPU", 130, s -> s.gpu() == null ? "" : s.gpu()),
                column("Label", 110, s -> s.label() == null ? "" : s.label()),
                column("Est. spend", 90, s -> Format.money(s.usd()))));

        VBox charts = new VBox(burnChart, creditChart);
        VBox.setVgrow(burnChart, Priority.ALWAYS);
        VBox.setVgrow(creditChart, Priority.ALWAYS);
        SplitPane split = new SplitPane(charts, spendTable);
        split.setDividerPositions(0.66);
        root.setTop(bar);
        root.setCenter(split);

        model.points().addListener((ListChangeListener<SpendHistory.Point>) c -> redraw());
        model.spend().addListener((ListChangeListener<SpendHistory.InstanceSpend>) c -> total.setText(
                spendLine(model.spend(), model.points())));
    }

    /**
     * The estimate from polled rates, and next to it how far the credit really fell over the same points: the
     * estimate only sees the rates at poll times (and the demo bills faster than the clock), the credit is Vast's.
     */
    static String spendLine(List<SpendHistory.InstanceSpend> spend, List<SpendHistory.Point> points) {
        String line = "Estimated spend in range (polled rates × time): "
                + Format.money(spend.stream().mapToDouble(SpendHistory.InstanceSpend::usd).sum());
        List<Double> credits = points.stream().map(SpendHistory.Point::credit).filter(java.util.Objects::nonNull)
                .toList();
        if (credits.size() >= 2) {
            double fell = credits.get(0) - credits.get(credits.size() - 1);
            line += fell >= 0 ? " · credit fell " + Format.money(fell) + " in the same time (Vast's own figure)"
                    : " · credit rose " + Format.money(-fell) + " (a top-up)";
        }
        return line;
    }

    private LineChart<Number, Number> chart(String title, XYChart.Series<Number, Number> series, String id) {
        NumberAxis x = new NumberAxis();
        x.setAutoRanging(false);
        x.setMinorTickVisible(false);
        NumberAxis y = new NumberAxis();
        y.setForceZeroInRange(true);
        y.setLabel(title);
        LineChart<Number, Number> chart = new LineChart<>(x, y);
        chart.setId(id);
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setLegendVisible(false);
        chart.setMinHeight(120);
        chart.getData().add(series);
        return chart;
    }

    /** Tick spacings the time axis may use, in seconds: from a minute to a day. */
    private static final long[] TICKS = {60, 300, 900, 1_800, 3_600, 3 * 3_600, 6 * 3_600, 12 * 3_600, 86_400};

    /**
     * The x axis is epoch seconds. It starts at the range's start or the first recorded point, whichever is later,
     * so a history only minutes old is readable; ticks fall on whole minutes, hours or days of local time.
     */
    private void redraw() {
        Instant from = model.fromProperty().get();
        Instant to = model.toProperty().get();
        if (from == null || to == null) {
            return;
        }
        if (!model.points().isEmpty() && model.points().get(0).at().isAfter(from)) {
            from = model.points().get(0).at();
        }
        long start = from.getEpochSecond();
        long end = Math.max(to.getEpochSecond(), start + 60);
        long tick = TICKS[TICKS.length - 1];
        for (long t : TICKS) {
            if ((end - start) / t <= 8) {
                tick = t;
                break;
            }
        }
        long offset = zone.getRules().getOffset(from).getTotalSeconds();
        long lower = Math.floorDiv(start + offset, tick) * tick - offset;
        DateTimeFormatter labels = tick >= 86_400 ? DAYS : end - lower > 86_400 ? DAY_HOURS : HOURS;
        long unit = tick;
        for (LineChart<Number, Number> chart : List.of(burnChart, creditChart)) {
            NumberAxis x = (NumberAxis) chart.getXAxis();
            x.setLowerBound(lower);
            x.setUpperBound(end);
            x.setTickUnit(unit);
            x.setTickLabelFormatter(new StringConverter<>() {
                @Override
                public String toString(Number n) {
                    return labels.format(Instant.ofEpochSecond(n.longValue()).atZone(zone));
                }

                @Override
                public Number fromString(String s) {
                    return 0;
                }
            });
        }
        List<XYChart.Data<Number, Number>> burnData = new java.util.ArrayList<>();
        List<XYChart.Data<Number, Number>> creditData = new java.util.ArrayList<>();
        for (SpendHistory.Point p : model.points()) {
            long t = p.at().getEpochSecond();
            burnData.add(new XYChart.Data<>(t, p.burnPerHour()));
            if (p.credit() != null) {
                creditData.add(new XYChart.Data<>(t, p.credit()));
            }
        }
        burn.getData().setAll(burnData);
        credit.getData().setAll(creditData);
    }

    private static TableColumn<SpendHistory.InstanceSpend, String> column(
            String title, double width, java.util.function.Function<SpendHistory.InstanceSpend, String> f) {
        TableColumn<SpendHistory.InstanceSpend, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(f.apply(cell.getValue())));
        return c;
    }

    Parent root() {
        return root;
    }

    XYChart.Series<Number, Number> burnSeries() {
        return burn;
    }

    XYChart.Series<Number, Number> creditSeries() {
        return credit;
    }

    TableView<SpendHistory.InstanceSpend> spendTable() {
        return spendTable;
    }
}
