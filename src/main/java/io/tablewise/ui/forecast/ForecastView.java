package io.tablewise.ui.forecast;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

import io.tablewise.ui.Messages;
import io.tablewise.ui.export.ChartBox;
import io.tablewise.ui.export.ChartStyle;

/**
 * A Forecast node's result: pick a series (the largest first) and see its history with the forecast's median and its
 * P10–P90 band, and what the run said about the backtests in words. With known-ahead columns, a what-if: set them for
 * the periods ahead of the chosen series and see the forecast again beside the plan (computed off the UI thread).
 */
public final class ForecastView extends ScrollPane {
    private final Table history;
    private final Table forecast;
    private final String time;
    private final String target;
    private final List<String> seriesColumns;
    private final ComboBox<String> series = new ComboBox<>();
    private final javafx.scene.control.CheckBox wholeHistory = new javafx.scene.control.CheckBox();
    private final VBox chart = new VBox();
    private final io.tablewise.forecast.Forecaster.Options options;
    private final Map<String, javafx.scene.control.TextField> whatIfValues = new LinkedHashMap<>();
    private final javafx.scene.control.Button whatIfButton = new javafx.scene.control.Button();
    private final Label whatIfSaid = new Label();
    private final java.util.concurrent.ExecutorService worker = java.util.concurrent.Executors
            .newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "forecast what-if");
                t.setDaemon(true);
                return t;
            });
    private volatile io.tablewise.forecast.ForecastModel model;
    private io.tablewise.forecast.ForecastWhatIf.Outcome whatIf;

    /**
     * The view of one run.
     *
     * @param history the node's input rows
     * @param forecast its output (series columns, time, p10, p50, p90)
     * @param summary what the run said (the models and the backtests in words)
     */
    public ForecastView(Table history, Table forecast, String time, String target, List<String> seriesColumns,
                        String summary) {
        this(history, forecast, time, target, seriesColumns, summary, null);
    }

    /**
     * The view of one run, with a what-if when {@code options} (the node's) name known-ahead columns.
     */
    public ForecastView(Table history, Table forecast, String time, String target, List<String> seriesColumns,
                        String summary, io.tablewise.forecast.Forecaster.Options options) {
        this.options = options;
        this.history = history;
        this.forecast = forecast;
        this.time = time;
        this.target = target;
        this.seriesColumns = List.copyOf(seriesColumns);
        getStyleClass().add("forecast-view");
        setFitToWidth(true);
        Label title = new Label(Messages.get("forecast.title", target));
        title.getStyleClass().add("section-title");
        Label said = new Label(summary);
        said.setWrapText(true);
        said.getStyleClass().add("forecast-summary");
        series.getStyleClass().add("forecast-series");
        series.getItems().setAll(keysByVolume());
        series.valueProperty().addListener((o, a, b) -> {
            whatIf = null;
            whatIfSaid.setText("");
            draw();
        });
        Label seriesLabel = new Label(Messages.get("forecast.series"));
        seriesLabel.setVisible(!seriesColumns.isEmpty());
        seriesLabel.setManaged(!seriesColumns.isEmpty());
        series.setVisible(!seriesColumns.isEmpty());
        series.setManaged(!seriesColumns.isEmpty());
        wholeHistory.setText(Messages.get("forecast.wholeHistory"));
        wholeHistory.getStyleClass().add("forecast-whole-history");
        wholeHistory.selectedProperty().addListener((o, a, b) -> draw());
        HBox picker = new HBox(8, seriesLabel, series, wholeHistory);
        picker.setAlignment(Pos.CENTER_LEFT);
        VBox content = new VBox(10, title, said, picker, chart);
        if (options != null && !options.covariates().isEmpty()) {
            content.getChildren().add(whatIfBox());
        }
        content.getStyleClass().add("monitor-content");
        setContent(content);
        if (!series.getItems().isEmpty()) {
            series.setValue(series.getItems().get(0));
        } else {
            draw();
        }
    }

    /** The series, the largest total first. */
    private List<String> keysByVolume() {
        if (seriesColumns.isEmpty()) {
            return List.of();
        }
        Map<String, Double> volume = new LinkedHashMap<>();
        NumericColumn<?> y = (NumericColumn<?>) history.column(target);
        for (int i = 0; i < history.rowCount(); i++) {
            if (!y.isMissing(i)) {
                volume.merge(key(history, i), y.getDouble(i), Double::sum);
            }
        }
        List<String> keys = new ArrayList<>(volume.keySet());
        keys.sort((a, b) -> Double.compare(volume.get(b), volume.get(a)));
        return keys;
    }

    private String key(Table t, int row) {
        List<String> parts = new ArrayList<>();
        for (String c : seriesColumns) {
            parts.add(t.column(c).getString(row));
        }
        return String.join(" / ", parts);
    }

    /** The chosen series' points: history, then the median and band. */
    XYSeriesCollection historyData() {
        XYSeries h = new XYSeries(Messages.get("forecast.history"), true, true);
        String wanted = series.getValue();
        NumericColumn<?> y = (NumericColumn<?>) history.column(target);
        LocalDate[] dates;
        try {
            dates = io.tablewise.forecast.Forecaster.periods(history.column(time));
        } catch (io.tablewise.node.NodeException e) {
            return new XYSeriesCollection(h);
        }
        for (int i = 0; i < history.rowCount(); i++) {
            if (dates[i] != null && !y.isMissing(i) && (wanted == null || key(history, i).equals(wanted))) {
                h.addOrUpdate(millis(dates[i]), y.getDouble(i));
            }
        }
        // the recent past, where the forecast can be read against it (four horizons, at least 120 periods)
        int horizon = Math.max(1, forecastData().getSeries(0).getItemCount());
        int keep = Math.max(4 * horizon, 120);
        if (!wholeHistory.isSelected() && h.getItemCount() > keep) {
            h.delete(0, h.getItemCount() - keep - 1);
        }
        return new XYSeriesCollection(h);
    }

    YIntervalSeriesCollection forecastData() {
        YIntervalSeries f = new YIntervalSeries(Messages.get("forecast.forecast"));
        String wanted = series.getValue();
        DateColumn when = forecast.dateColumn(time);
        for (int i = 0; i < forecast.rowCount(); i++) {
            if (wanted == null || key(forecast, i).equals(wanted)) {
                f.add(millis(when.get(i)), forecast.doubleColumn("p50").get(i), forecast.doubleColumn("p10").get(i),
                        forecast.doubleColumn("p90").get(i));
            }
        }
        YIntervalSeriesCollection c = new YIntervalSeriesCollection();
        c.addSeries(f);
        return c;
    }

    private void draw() {
        XYPlot plot = new XYPlot();
        DateAxis x = new DateAxis(time);
        XYSeriesCollection past = historyData();
        if (past.getSeries(0).getItemCount() > 1) { // years as ticks over a long history, months over a short one
            double span = past.getSeries(0).getMaxX() - past.getSeries(0).getMinX();
            boolean years = span > 3 * 365.25 * 86_400_000.0;
            boolean quarters = span > 365.25 * 86_400_000.0;
            java.text.SimpleDateFormat format = new java.text.SimpleDateFormat(years ? "yyyy" : "yyyy-MM");
            format.setTimeZone(java.util.TimeZone.getTimeZone("UTC"));
            x.setTickUnit(new org.jfree.chart.axis.DateTickUnit(years
                    ? org.jfree.chart.axis.DateTickUnitType.YEAR : org.jfree.chart.axis.DateTickUnitType.MONTH,
                    years ? 1 : quarters ? 3 : 1, format));
        }
        NumberAxis y = new NumberAxis(target);
        y.setAutoRangeIncludesZero(false);
        plot.setDomainAxis(x);
        plot.setRangeAxis(y);
        plot.setDataset(0, forecastData());
        DeviationRenderer fan = new DeviationRenderer(true, false);
        fan.setSeriesPaint(0, ChartStyle.BLUE);
        fan.setSeriesFillPaint(0, ChartStyle.FAINT_BLUE);
        fan.setAlpha(0.35f);
        plot.setRenderer(0, fan);
        plot.setDataset(1, past);
        XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, false);
        line.setSeriesPaint(0, ChartStyle.GREY);
        plot.setRenderer(1, line);
        if (whatIf != null) {
            plot.setDataset(2, whatIfData());
            XYLineAndShapeRenderer dashed = new XYLineAndShapeRenderer(true, false);
            dashed.setSeriesPaint(0, new java.awt.Color(0xD9, 0x77, 0x06));
            dashed.setSeriesStroke(0, new java.awt.BasicStroke(2f, java.awt.BasicStroke.CAP_ROUND,
                    java.awt.BasicStroke.JOIN_ROUND, 1f, new float[] {6f, 4f}, 0f));
            plot.setRenderer(2, dashed);
        }
        ChartStyle.plain(plot);
        JFreeChart c = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        c.setBackgroundPaint(java.awt.Color.WHITE);
        String name = series.getValue() == null ? target : series.getValue();
        chart.getChildren().setAll(new ChartBox(Messages.get("forecast.chartTitle", name), c, 900, 380));
    }

    /** Fields for the known-ahead columns, the button, and what it found. */
    private VBox whatIfBox() {
        Label head = new Label(Messages.get("forecast.whatIf.title"));
        head.getStyleClass().add("section-title");
        Label help = new Label(Messages.get("forecast.whatIf.help"));
        help.setWrapText(true);
        help.getStyleClass().add("muted");
        javafx.scene.layout.FlowPane fields = new javafx.scene.layout.FlowPane(12, 6);
        for (String c : options.covariates()) {
            javafx.scene.control.TextField f = new javafx.scene.control.TextField();
            f.setPromptText(Messages.get("forecast.whatIf.planned"));
            f.setPrefColumnCount(8);
            f.getStyleClass().add("what-if-value");
            f.setId("what-if-" + c);
            whatIfValues.put(c, f);
            HBox one = new HBox(6, new Label(c), f);
            one.setAlignment(Pos.CENTER_LEFT);
            fields.getChildren().add(one);
        }
        whatIfButton.setText(Messages.get("forecast.whatIf.run"));
        whatIfButton.getStyleClass().add("what-if-run");
        whatIfButton.setOnAction(e -> runWhatIf());
        fields.getChildren().add(whatIfButton);
        whatIfSaid.setWrapText(true);
        whatIfSaid.getStyleClass().add("what-if-said");
        VBox box = new VBox(6, head, help, fields, whatIfSaid);
        box.getStyleClass().add("what-if");
        return box;
    }

    /** Reads the fields, then forecasts the chosen series again off the UI thread. */
    private void runWhatIf() {
        Map<String, Double> values = new LinkedHashMap<>();
        for (Map.Entry<String, javafx.scene.control.TextField> f : whatIfValues.entrySet()) {
            String text = f.getValue().getText().strip();
            if (text.isEmpty()) {
                continue;
            }
            try {
                values.put(f.getKey(), Double.parseDouble(text.replace(",", "")));
            } catch (NumberFormatException e) {
                whatIfSaid.setText(Messages.get("forecast.whatIf.notNumber", f.getKey(), text));
                return;
            }
        }
        if (values.isEmpty()) {
            whatIfSaid.setText(Messages.get("forecast.whatIf.nothing"));
            return;
        }
        List<String> key = keyOf(series.getValue());
        whatIfButton.setDisable(true);
        whatIfSaid.setText(Messages.get(model == null ? "forecast.whatIf.preparing" : "forecast.whatIf.running"));
        worker.execute(() -> {
            String said;
            io.tablewise.forecast.ForecastWhatIf.Outcome outcome = null;
            try {
                if (model == null) { // the node's run kept no model: make it once from the same history and options
                    model = io.tablewise.forecast.Forecaster.forecast(history, options).model();
                }
                if (!model.usesGlobal(key)) {
                    said = Messages.get("forecast.whatIf.noEffect");
                } else {
                    outcome = io.tablewise.forecast.ForecastWhatIf.run(model, history, key, values);
                    double[] totals = outcome.totals();
                    double change = outcome.relativeChange();
                    said = Messages.get("forecast.whatIf.result", String.join(", ", values.entrySet().stream()
                            .map(v -> v.getKey() + " = " + number(v.getValue())).toList()), number(totals[1]),
                            outcome.dates().size(), Double.isFinite(change) ? String.format(java.util.Locale.ROOT,
                            "%+.1f%%", 100 * change) : "–", number(totals[0]));
                }
            } catch (io.tablewise.node.NodeException | RuntimeException e) {
                said = Messages.get("forecast.whatIf.failed", e.getMessage());
            }
            String text = said;
            io.tablewise.forecast.ForecastWhatIf.Outcome shown = outcome;
            javafx.application.Platform.runLater(() -> {
                whatIfButton.setDisable(false);
                whatIfSaid.setText(text);
                if (shown != null && key.equals(keyOf(series.getValue()))) {
                    whatIf = shown;
                    draw();
                }
            });
        });
    }

    /** The what-if's median forecasts of the chosen series, or an empty series. */
    XYSeriesCollection whatIfData() {
        XYSeries w = new XYSeries(Messages.get("forecast.whatIf.line"), true, true);
        if (whatIf != null) {
            for (int h = 0; h < whatIf.dates().size(); h++) {
                w.addOrUpdate(millis(whatIf.dates().get(h)), whatIf.changed()[h]);
            }
        }
        return new XYSeriesCollection(w);
    }

    private List<String> keyOf(String shown) {
        return shown == null ? List.of() : List.of(shown.split(" / ", -1));
    }

    private static String number(double v) {
        return Math.abs(v) >= 100 || v == Math.rint(v) ? String.format(java.util.Locale.ROOT, "%,.0f", v)
                : String.format(java.util.Locale.ROOT, "%.3g", v);
    }

    /** The what-if's text (for tests). */
    public Label whatIfSaid() {
        return whatIfSaid;
    }

    /** The chosen series (for tests). */
    public ComboBox<String> seriesPicker() {
        return series;
    }

    private static double millis(LocalDate d) {
        return d.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
    }
}
