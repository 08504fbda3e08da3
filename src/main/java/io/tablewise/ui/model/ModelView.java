package io.tablewise.ui.model;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import io.tablewise.ml.Evaluation;
import io.tablewise.model.TrainedModel;
import io.tablewise.ui.Messages;
import io.tablewise.ui.export.ChartBox;
import io.tablewise.ui.export.ChartStyle;
import io.tablewise.ui.export.TableBox;

/**
 * A first model view in the bottom panel: the test metrics, the confusion matrix (counts and row shares), and for
 * binary models the ROC curve with the operating point and a threshold slider (with the prices of false positives
 * and negatives) that moves the point and updates the matrix. Everything shown comes from the engine's evaluation.
 */
public final class ModelView extends ScrollPane {
    private final ConfusionGrid matrix = new ConfusionGrid();
    private final Label thresholdMetrics = new Label();
    /** The headline metrics; those counted at a threshold follow the slider. */
    private final MetricCards headline;
    private XYSeries operatingPoint;

    private final java.util.function.DoubleConsumer keepThreshold;
    private final Runnable rebuild;

    /** A view of {@code model} without a way to keep a moved threshold. */
    public ModelView(TrainedModel model) {
        this(model, null, null);
    }

    /**
     * A view of {@code model}.
     *
     * @param keepThreshold stores a threshold the analyst chose with the slider in the model node's parameters
     *     (null: the view cannot)
     * @param rebuild runs the model node again, so the kept threshold reaches the model (null: not offered)
     */
    public ModelView(TrainedModel model, java.util.function.DoubleConsumer keepThreshold, Runnable rebuild) {
        this.headline = new MetricCards(model.evaluation().metrics());
        this.keepThreshold = keepThreshold;
        this.rebuild = rebuild;
        getStyleClass().add("model-view");
        setFitToWidth(true);
        Evaluation e = model.evaluation();
        VBox content = new VBox(12);
        content.setPadding(new Insets(10));
        content.getChildren().addAll(summary(model), headline);
        if (model.info().get("warnings") instanceof List<?> cautions) { // leaks first: they void every figure below
            int at = 1;
            for (Object c : cautions) {
                Label l = new Label("⚠ " + c);
                l.setWrapText(true);
                l.getStyleClass().add("model-warning");
                content.getChildren().add(at++, l);
            }
        }
        if (e.confusion() != null) {
            matrix.show(e.confusion().classes(), e.confusion().counts());
        }
        if (!e.thresholds().isEmpty()) {
            ThresholdViewModel vm = new ThresholdViewModel(e);
            ChartBox roc = rocChart(e);
            thresholdMetrics.setWrapText(true);
            VBox side = new VBox(8, thresholdControls(vm, e.classes()), matrix, thresholdMetrics);
            side.setMaxWidth(440);
            side.setMinWidth(380);
            HBox row = new HBox(16, roc, side);
            HBox.setHgrow(roc, Priority.ALWAYS);
            content.getChildren().add(row);
            content.getChildren().addAll(new HBox(16, ModelCharts.precisionRecall(e), ModelCharts.calibration(e)),
                    ModelCharts.impact(impactOf(model), Messages.get("model.impact")));
        } else if (e.confusion() != null) {
            content.getChildren().add(new HBox(16, matrix,
                    ModelCharts.impact(impactOf(model), Messages.get("model.impact"))));
        } else if (!e.points().isEmpty()) {
            content.getChildren().addAll(new HBox(16, ModelCharts.predictedVsActual(e), ModelCharts.residuals(e)),
                    ModelCharts.impact(impactOf(model), Messages.get("model.impact")));
        }
        if (model.explanation() != null) {
            content.getChildren().add(explanation(model.explanation()));
            if (!model.explanation().bias().isEmpty()) {
                content.getChildren().add(new BiasSection(model.explanation().bias()));
            }
        }
        leaderboard(model).ifPresent(content.getChildren()::add);
        setContent(content);
    }

    /**
     * Why the model predicts what it does, measured on its test rows: mean |SHAP| per column and the beeswarm, then
     * the partial dependence of the top columns.
     */
    private static Node explanation(io.tablewise.explain.ModelExplanation e) {
        Label title = new Label(Messages.get("model.shap.section"));
        title.getStyleClass().add("section-title");
        Label note = new Label(Messages.get("model.shap.note", e.rows(), unit(e.summary())) + " "
                + Messages.get("model.shap.method." + methodKey(e.summary().method())));
        note.setWrapText(true);
        note.getStyleClass().add("hint");
        VBox box = new VBox(8, title, note, new HBox(16, ExplanationCharts.meanImpact(e.summary()),
                ExplanationCharts.beeswarm(e.summary())));
        if (!e.dependence().isEmpty()) {
            Label pdp = new Label(Messages.get("model.pdp.note"));
            pdp.setWrapText(true);
            pdp.getStyleClass().add("hint");
            javafx.scene.layout.FlowPane curves = new javafx.scene.layout.FlowPane(16, 16);
            curves.getStyleClass().add("pdp-curves");
            e.dependence().forEach(p -> curves.getChildren().add(ExplanationCharts.dependence(p)));
            pdp.getStyleClass().add("pdp-note");
            box.getChildren().addAll(pdp, curves);
        }
        box.getStyleClass().add("explanation-section");
        return box;
    }

    /** The values' unit in the studio's language. */
    static String unit(io.tablewise.explain.ShapSummary s) {
        return s.output() == null ? Messages.get("model.shap.unit." + s.space().name() + ".all")
                : Messages.get("model.shap.unit." + s.space().name(), s.output());
    }

    /** The method's key: tree, linear or sampling (from the summary's own sentence). */
    private static String methodKey(String method) {
        return method.contains("TreeSHAP") ? "tree" : method.contains("linear") ? "linear" : "sampling";
    }

    /** Which algorithm predicts what, from how many rows (and out of how many AutoML candidates). */
    private static Label summary(TrainedModel model) {
        Label out = new Label(ModelSummary.describe(model));
        out.getStyleClass().add("model-summary");
        out.setWrapText(true);
        return out;
    }

    /** Permutation importance on the test rows when there is one, else the model's own split-gain shares. */
    private static List<io.tablewise.ml.QuickModelResult.Importance> impactOf(TrainedModel model) {
        return model.permutation().isEmpty() ? model.importances() : model.permutation();
    }

    /**
     * The AutoML leaderboard (auto mode only): rank, algorithm, validation score ± spread, the share of training
     * rows the candidate learned from, times, and its settings last (the widest column).
     */
    private static java.util.Optional<Node> leaderboard(TrainedModel model) {
        if (!(model.info().get("leaderboard") instanceof List<?> rows) || rows.isEmpty()) {
            return java.util.Optional.empty();
        }
        javafx.scene.control.TableView<Map<?, ?>> table = new javafx.scene.control.TableView<>();
        table.getStyleClass().add("leaderboard");
        Map<?, ?> first = (Map<?, ?>) rows.get(0);
        Object scoreKey = first.keySet().stream().<Object>map(k -> k)
                .filter(k -> String.valueOf(k).startsWith("validation")).findFirst().orElse("validation");
        List<javafx.scene.control.TableColumn<Map<?, ?>, String>> columns = List.of(
                TableBox.textColumn(Messages.get("model.lb.rank"), r -> String.valueOf(r.get("rank"))),
                TableBox.textColumn(Messages.get("model.lb.algorithm"), r -> r.get("family") == null
                        ? String.valueOf(r.get("algorithm")) : Messages.get("model.algorithm." + r.get("family"))),
                TableBox.textColumn(Messages.get("model.lb.validation",
                        Messages.get("metric." + model.objective())), r ->
                        score(r.get(scoreKey)) + (r.get("spread") == null ? "" : " ± " + score(r.get("spread")))),
                TableBox.textColumn(Messages.get("model.lb.trainedOn"), r -> (r.get("trainedShare") instanceof Number n
                        ? String.format(Locale.ROOT, "%.0f%%", 100 * n.doubleValue())
                        : String.valueOf(r.get("trainedOn")))
                        + (String.valueOf(r.get("validatedBy")).contains("cross-validation")
                        ? Messages.get("model.lb.crossValidated", String.valueOf(r.get("validatedBy")).split("-")[0])
                        : "")),
                TableBox.textColumn(Messages.get("model.lb.fit"), r -> seconds(r.get("fitSeconds"))),
                TableBox.textColumn(Messages.get("model.lb.predict"), r -> seconds(r.get("predictSeconds"))),
                TableBox.textColumn(Messages.get("model.lb.settings"), r -> settings(r.get("settings"))));
        double[] widths = {45, 240, 200, 130, 75, 100, 520};
        for (int i = 0; i < columns.size(); i++) {
            columns.get(i).setPrefWidth(widths[i]);
        }
        table.getColumns().addAll(columns);
        rows.forEach(r -> table.getItems().add((Map<?, ?>) r));
        table.setPrefHeight(Math.min(360, 30 + 28 * rows.size()));
        return java.util.Optional.of(new TableBox<>(Messages.get("model.leaderboard", rows.size()), table));
    }

    /** A candidate's settings: "trees 100, depth 6, eta 0.1". */
    private static String settings(Object value) {
        if (!(value instanceof Map<?, ?> settings)) {
            return String.valueOf(value);
        }
        return settings.entrySet().stream().map(e -> e.getKey() + " " + compact(e.getValue()))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** A number as short as it is exact to four decimals (0.03, not 0.0300); anything else as text. */
    private static String compact(Object value) {
        if (value instanceof Double d) {
            return java.math.BigDecimal.valueOf(d).setScale(4, java.math.RoundingMode.HALF_UP).stripTrailingZeros()
                    .toPlainString();
        }
        return String.valueOf(value);
    }

    /** Scores with four decimals, so that a column of them lines up (0.8030, not 0.803). */
    private static String score(Object value) {
        return value instanceof Number n ? String.format(Locale.ROOT, "%.4f", n.doubleValue()) : "";
    }

    private static String seconds(Object value) {
        return value instanceof Number n ? String.format(Locale.ROOT, "%.2f", n.doubleValue()) : "";
    }

    private Node thresholdControls(ThresholdViewModel vm, List<String> classes) {
        Slider slider = new Slider(0, 1, vm.thresholdProperty().get());
        slider.setMajorTickUnit(0.1);
        slider.setShowTickMarks(true);
        slider.setPrefWidth(260);
        slider.valueProperty().bindBidirectional(vm.thresholdProperty());
        Label value = new Label();
        value.setWrapText(true);
        TextField costFp = costField(vm.costFalsePositiveProperty());
        TextField costFn = costField(vm.costFalseNegativeProperty());
        Label cheapest = new Label();
        Runnable refresh = () -> {
            Evaluation.ThresholdRow r = vm.currentProperty().get();
            value.setText(Messages.get("model.threshold", String.format(Locale.ROOT, "%.2f", r.threshold())));
            matrix.show(classes, new long[][] {{r.tn(), r.fp()}, {r.fn(), r.tp()}});
            thresholdMetrics.setText(Messages.get("model.atThreshold",
                    String.format(Locale.ROOT, "%.3f", r.precision()), String.format(Locale.ROOT, "%.3f", r.recall()),
                    String.format(Locale.ROOT, "%.3f", r.f1()), String.format(Locale.ROOT, "%.3f", r.accuracy()),
                    String.format(Locale.ROOT, "%.0f", vm.cost(r))));
            String at = Messages.get("model.cardAtThreshold", String.format(Locale.ROOT, "%.2f", r.threshold()));
            headline.show("accuracy", r.accuracy(), at);
            headline.show("precision", r.precision(), at);
            headline.show("recall", r.recall(), at);
            headline.show("f1", r.f1(), at);
            cheapest.setText(Messages.get("model.cheapest",
                    String.format(Locale.ROOT, "%.2f", vm.cheapestThreshold())));
            if (operatingPoint != null) {
                double fpr = r.fp() + r.tn() == 0 ? 0 : r.fp() / (double) (r.fp() + r.tn());
                operatingPoint.clear();
                operatingPoint.add(fpr, r.recall());
            }
        };
        vm.currentProperty().addListener((o, a, b) -> refresh.run());
        vm.costFalsePositiveProperty().addListener((o, a, b) -> refresh.run());
        vm.costFalseNegativeProperty().addListener((o, a, b) -> refresh.run());
        refresh.run();
        GridPane costs = new GridPane();
        costs.setHgap(6);
        costs.setVgap(4);
        costs.addRow(0, new Label(Messages.get("model.costFp")), costFp);
        costs.addRow(1, new Label(Messages.get("model.costFn")), costFn);
        VBox box = new VBox(4, value, slider, costs, cheapest);
        if (keepThreshold != null) {
            box.getChildren().add(keepRow(vm));
        }
        return box;
    }

    /** "Keep this threshold": writes the slider's threshold into the model node, to be stored at the next run. */
    private Node keepRow(ThresholdViewModel vm) {
        javafx.scene.control.Button keep = new javafx.scene.control.Button();
        keep.getStyleClass().add("keep-threshold");
        Label note = new Label();
        note.setWrapText(true);
        note.getStyleClass().add("hint");
        Runnable update = () -> {
            double t = vm.currentProperty().get().threshold();
            keep.setText(Messages.get("model.keepThreshold", String.format(Locale.ROOT, "%.2f", t)));
            keep.setDisable(Math.abs(t - vm.modelThreshold()) < 1e-9);
        };
        vm.currentProperty().addListener((o, a, b) -> update.run());
        update.run();
        javafx.scene.control.Button runNow = new javafx.scene.control.Button(Messages.get("model.rebuildNow"));
        runNow.getStyleClass().add("rebuild-now");
        runNow.setVisible(false);
        runNow.setManaged(false);
        runNow.setOnAction(e -> {
            runNow.setDisable(true);
            rebuild.run();
        });
        keep.setOnAction(e -> {
            double t = Math.round(vm.currentProperty().get().threshold() * 100) / 100.0;
            keepThreshold.accept(t);
            note.setText(Messages.get("model.thresholdKept", String.format(Locale.ROOT, "%.2f", t)));
            runNow.setVisible(rebuild != null);
            runNow.setManaged(rebuild != null);
        });
        return new VBox(4, keep, note, runNow);
    }

    private static TextField costField(javafx.beans.property.DoubleProperty cost) {
        TextField field = new TextField(String.format(Locale.ROOT, "%.0f", cost.get()));
        field.setPrefColumnCount(5);
        field.textProperty().addListener((o, a, text) -> {
            try {
                double v = Double.parseDouble(text.replace(',', '.'));
                if (v >= 0) {
                    cost.set(v);
                }
            } catch (NumberFormatException e) {
                // keep the last valid price while the user types
            }
        });
        return field;
    }

    private ChartBox rocChart(Evaluation e) {
        XYSeries curve = new XYSeries(Messages.get("model.roc", String.format(Locale.ROOT, "%.3f",
                e.metrics().getOrDefault("auc", Double.NaN))), false);
        e.roc().forEach(p -> curve.add(p.x(), p.y()));
        XYSeries chance = new XYSeries(Messages.get("model.chance"));
        chance.add(0, 0);
        chance.add(1, 1);
        operatingPoint = new XYSeries(Messages.get("model.operatingPoint"));
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(curve);
        data.addSeries(chance);
        data.addSeries(operatingPoint);
        JFreeChart chart = ChartFactory.createXYLineChart(null, Messages.get("model.fpr"), Messages.get("model.tpr"),
                data, PlotOrientation.VERTICAL, true, true, false);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
        renderer.setSeriesShapesVisible(0, false);
        renderer.setSeriesShapesVisible(1, false);
        renderer.setSeriesLinesVisible(2, false);
        renderer.setSeriesPaint(0, ChartStyle.BLUE);
        renderer.setSeriesPaint(1, java.awt.Color.GRAY);
        renderer.setSeriesPaint(2, ChartStyle.RED);
        renderer.setSeriesShape(2, new java.awt.geom.Ellipse2D.Double(-6, -6, 12, 12));
        plot.setRenderer(renderer);
        ChartStyle.plain(plot);
        return new ChartBox(Messages.get("model.title.roc"), chart, 420, 320);
    }
}
