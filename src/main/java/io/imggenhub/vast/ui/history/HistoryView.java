package io.imggenhub.vast.ui.history;

import io.imggenhub.vast.core.ChargeBars;
import io.imggenhub.vast.core.InstanceCharges;
import io.imggenhub.vast.store.SpendHistory;
import io.imggenhub.vast.ui.common.Format;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The History tab: burn $/hr and credit over 24 h, 7 d or this month, Vast's charges as bars under the estimated
 * burn line, and per instance what Vast billed beside what we estimated (see {@link ChargesTable}).
 */
final class HistoryView {
    private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter DAYS = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ROOT);
    private static final DateTimeFormatter DAY_HOURS = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ROOT);

    private final BorderPane root = new BorderPane();
    private final LineChart<Number, Number> burnChart;
    private final LineChart<Number, Number> creditChart;
    private final XYChart.Series<Number, Number> burn = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> credit = new XYChart.Series<>();
    /** Billed $/hr per bucket, drawn as filled steps behind the burn line. */
    private final XYChart.Series<Number, Number> billed = new XYChart.Series<>();

    private final TableView<InstanceCharges> spendTable;
    private final HistoryModel model;
    private final ZoneId zone;

    HistoryView(HistoryModel model, ZoneId zone) {
        this.model = model;
        this.zone = zone;
        root.setId("history-view");
        burn.setName("Burn $/hr");
        credit.setName("Credit $");
        billed.setName("Billed $/hr");
        burnChart = chart("Burn ($/hr)", burn, "burn-chart");
        burnChart.getData().add(billed);
        styleBars();
        creditChart = chart("Credit ($)", credit, "credit-chart");

        ToggleGroup group = new ToggleGroup();
        HBox ranges = new HBox(4);
        for (HistoryModel.Range r : HistoryModel.Range.values()) {
            ToggleButton b = new ToggleButton(r.buttonText());
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

        spendTable = ChargesTable.create(
                model.charges(), () -> model.reconciliationProperty().get());

        VBox charts = new VBox(burnChart, creditChart);
        VBox.setVgrow(burnChart, Priority.ALWAYS);
        VBox.setVgrow(creditChart, Priority.ALWAYS);
        SplitPane split = new SplitPane(charts, spendTable);
        split.setDividerPositions(0.42);
        root.setTop(bar);
        root.setCenter(split);

        model.points().addListener((ListChangeListener<SpendHistory.Point>) c -> redraw());
        model.bars().addListener((ListChangeListener<ChargeBars.Bar>) c -> redraw());
        model.charges().addListener((ListChangeListener<InstanceCharges>) c -> {
            total.setText(ChargesTable.totalLine(
                    model.reconciliationProperty().get(),
                    model.chargesErrorProperty().get(),
                    spendLine(model.spend(), model.points())));
            spendTable.refresh();
        });
    }

    /** Bars fill under the line in a translucent accent that reads on the light and the dark theme. */
    private void styleBars() {
        if (billed.getNode() != null) {
            billed.getNode().setId("billed-bars");
            billed.getNode()
                    .setStyle("-fx-fill: rgba(46, 139, 87, 0.35); -fx-stroke: rgba(46, 139, 87, 0.9);"
                            + " -fx-stroke-width: 1px; -fx-effect: null;");
            billed.getNode().toBack();
        }
    }

    /**
     * The estimate from polled rates, and next to it how far the credit really fell over the same points: the
     * estimate only sees the rates at poll times (and the demo bills faster than the clock), the credit is Vast's.
     */
    static String spendLine(List<SpendHistory.InstanceSpend> spend, List<SpendHistory.Point> points) {
        String line = "Estimated spend in range (polled rates × time): "
                + Format.money(spend.stream()
                        .mapToDouble(SpendHistory.InstanceSpend::usd)
                        .sum());
        List<Double> credits = points.stream()
                .map(SpendHistory.Point::credit)
                .filter(java.util.Objects::nonNull)
                .toList();
        if (credits.size() >= 2) {
            double fell = credits.get(0) - credits.get(credits.size() - 1);
            line += fell >= 0
                    ? " · credit fell " + Format.money(fell) + " in the same time (Vast's own figure)"
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
        // Start at the first thing there is to draw: a recorded poll, or a charge from before the app was watching.
        Instant first = model.points().isEmpty() ? null : model.points().get(0).at();
        for (ChargeBars.Bar b : model.bars()) {
            if (b.usdPerHour() > 0) {
                first = first == null || b.start().isBefore(first) ? b.start() : first;
                break;
            }
        }
        if (first != null && first.isAfter(from)) {
            from = first;
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
        billed.getData().setAll(barSteps(model.bars(), lower));
        styleBars();
    }

    /**
     * Each bar as a closed step on the baseline (0, up, across, down) with a small gap between bars, so the
     * filled path reads as a bar chart; bars before the axis start are left out.
     */
    static List<XYChart.Data<Number, Number>> barSteps(List<ChargeBars.Bar> bars, long axisStart) {
        List<XYChart.Data<Number, Number>> steps = new java.util.ArrayList<>();
        for (ChargeBars.Bar b : bars) {
            long s = b.start().getEpochSecond();
            long e = b.end().getEpochSecond();
            if (e <= axisStart || b.usdPerHour() <= 0) {
                continue;
            }
            long gap = Math.max(1, (e - s) / 10);
            long left = Math.max(s + gap, axisStart);
            long right = e - gap;
            if (right <= left) {
                continue;
            }
            steps.add(new XYChart.Data<>(left, 0));
            steps.add(new XYChart.Data<>(left, b.usdPerHour()));
            steps.add(new XYChart.Data<>(right, b.usdPerHour()));
            steps.add(new XYChart.Data<>(right, 0));
        }
        return steps;
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

    XYChart.Series<Number, Number> billedSeries() {
        return billed;
    }

    TableView<InstanceCharges> spendTable() {
        return spendTable;
    }
}
