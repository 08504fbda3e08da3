package io.tablewise.ui.predict;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import javafx.application.Platform;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;

import io.tablewise.ml.ProblemType;
import io.tablewise.model.InputProfile;
import io.tablewise.model.WhatIf;
import io.tablewise.node.ColumnKind;
import io.tablewise.ui.Messages;
import io.tablewise.ui.export.ChartBox;
import io.tablewise.ui.export.ChartStyle;
import io.tablewise.ui.export.ExportDialogs;

/**
 * Predictions from a built model: a what-if form generated from the model's inputs (choices for categories,
 * number fields with the training range) whose prediction, class probabilities and strongest contributions follow
 * every edit; and batch prediction of a file into a new CSV file with progress.
 */
public final class PredictView extends ScrollPane {
    private final PredictViewModel vm;
    private final Label prediction = new Label();
    private final Label predictionNote = new Label();
    private final VBox probabilities = new VBox(4);
    private final DefaultCategoryDataset contributions = new DefaultCategoryDataset();
    /** The contributions' plot: its axis names the class whose probability moved, and which way is up. */
    private CategoryPlot contributionPlot;
    private final VBox notes = new VBox(2);
    /** The waterfall's largest steps in words, and what the bars are. */
    private final VBox shapWords = new VBox(2);
    private final Label waterfallNote = new Label();
    private final Map<String, Label> problems = new java.util.HashMap<>();

    /** The view of {@code vm}. */
    public PredictView(PredictViewModel vm) {
        this.vm = vm;
        getStyleClass().add("predict-view");
        setFitToWidth(true);
        waterfallNote.setWrapText(true);
        waterfallNote.getStyleClass().add("hint");
        VBox result = new VBox(10, resultCard(), probabilities, contributionChart(), shapWords, waterfallNote, notes);
        result.setMinWidth(340);
        HBox.setHgrow(result, Priority.ALWAYS);
        HBox top = new HBox(20, form(), result);
        VBox content = new VBox(16, top, batch());
        content.setPadding(new Insets(10));
        setContent(content);
        vm.resultProperty().addListener((o, a, r) -> show(r));
        vm.errorProperty().addListener((o, a, e) -> showError(e));
        show(vm.resultProperty().get());
    }

    /** A view of a model, its results handed over on the JavaFX thread. */
    public PredictView(io.tablewise.model.TrainedModel model) {
        this(new PredictViewModel(model, Platform::runLater));
    }

    /** The view model. */
    public PredictViewModel viewModel() {
        return vm;
    }

    private Node form() {
        GridPane grid = fields(vm.inputs().stream().filter(i -> !vm.unusedInputs().contains(i.name())).toList());
        Button reset = new Button(Messages.get("predict.reset"));
        reset.getStyleClass().add("reset-typical");
        reset.setOnAction(e -> vm.resetToTypical());
        Label title = new Label(Messages.get("predict.whatIf"));
        title.getStyleClass().add("section-title");
        Label explain = new Label(Messages.get("predict.whatIfHint"));
        explain.getStyleClass().add("hint");
        explain.setWrapText(true);
        VBox box = new VBox(8, title, explain, grid);
        if (!vm.unusedInputs().isEmpty()) {
            // still part of the input (a file to score needs them), but nothing to play with
            javafx.scene.control.TitledPane unused = new javafx.scene.control.TitledPane(
                    Messages.get("predict.unused", vm.unusedInputs().size()), fields(vm.inputs().stream()
                    .filter(i -> vm.unusedInputs().contains(i.name())).toList()));
            unused.setExpanded(false);
            unused.getStyleClass().add("unused-inputs");
            box.getChildren().add(unused);
        }
        box.getChildren().add(reset);
        box.setMinWidth(400);
        box.setPrefWidth(500);
        box.setMaxWidth(560);
        return box;
    }

    /** A field, its hint and its problem line per input. */
    private GridPane fields(List<InputProfile.Input> inputs) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("what-if-form");
        grid.setHgap(10);
        grid.setVgap(2);
        int row = 0;
        for (InputProfile.Input input : inputs) {
            Label name = new Label(input.name());
            name.getStyleClass().add("field-name");
            name.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            name.setMaxWidth(200);
            name.setTooltip(new Tooltip(input.name()));
            Label hint = new Label(hint(input));
            hint.getStyleClass().add("hint");
            hint.setWrapText(true);
            Node editor = editor(input, vm.value(input.name()));
            editor.getStyleClass().add("what-if-field");
            editor.setUserData(input.name());
            Label problem = new Label();
            problem.getStyleClass().add("field-problem");
            problem.setManaged(false);
            problem.setVisible(false);
            problems.put(input.name(), problem);
            grid.add(name, 0, row);
            grid.add(editor, 1, row);
            grid.add(hint, 1, row + 1);
            grid.add(problem, 1, row + 2);
            row += 3;
        }
        return grid;
    }

    /** A picker for categories and true/false, a text field for numbers, dates and free text. */
    private static Node editor(InputProfile.Input input, StringProperty value) {
        if (input.kind() == ColumnKind.BOOLEAN || input.kind() == ColumnKind.TEXT && !input.values().isEmpty()) {
            ComboBox<String> box = new ComboBox<>();
            box.getItems().add("");
            box.getItems().addAll(input.kind() == ColumnKind.BOOLEAN ? List.of("true", "false") : input.values());
            box.setEditable(input.kind() == ColumnKind.TEXT);
            box.setMaxWidth(Double.MAX_VALUE);
            box.setValue(value.get());
            box.valueProperty().addListener((o, a, b) -> value.set(b == null ? "" : b));
            if (box.isEditable()) {
                box.getEditor().textProperty().addListener((o, a, b) -> {
                    if (box.isFocused() || box.getEditor().isFocused()) {
                        value.set(b);
                    }
                });
            }
            value.addListener((o, a, b) -> {
                if (!java.util.Objects.equals(box.getValue(), b)) {
                    box.setValue(b);
                }
            });
            return box;
        }
        TextField field = new TextField(value.get());
        field.setPromptText(Messages.get("predict.missing"));
        field.textProperty().bindBidirectional(value);
        return field;
    }

    private static String hint(InputProfile.Input input) {
        if (input.kind().isNumeric() && input.low() != null) {
            return Messages.get("predict.rangeHint", input.low(), input.high(), input.typical());
        }
        if ((input.kind() == ColumnKind.DATE || input.kind() == ColumnKind.DATETIME) && input.low() != null) {
            return Messages.get("predict.dateHint", input.low(), input.high());
        }
        if (!input.values().isEmpty()) {
            return Messages.get("predict.valuesHint", input.values().size()
                    + (input.values().size() >= 50 ? "+" : ""));
        }
        return Messages.getOr("type." + input.kind().id(), input.kind().id());
    }

    private Node resultCard() {
        prediction.getStyleClass().add("prediction-value");
        predictionNote.getStyleClass().add("hint");
        predictionNote.setWrapText(true);
        Label title = new Label(Messages.get("predict.prediction", vm.model().target()));
        title.getStyleClass().add("metric-name");
        VBox card = new VBox(2, title, prediction, predictionNote);
        card.getStyleClass().addAll("metric-card", "prediction-card");
        return card;
    }

    /**
     * The waterfall: from the average prediction, each column's SHAP step (largest first; blue raises, red lowers),
     * to this prediction.
     */
    private Node contributionChart() {
        JFreeChart chart = ChartFactory.createWaterfallChart(null, null, Messages.get(vm.model().problemType()
                == ProblemType.REGRESSION ? "predict.effectValue" : "predict.effectProbability"), contributions,
                PlotOrientation.HORIZONTAL, false, true, false);
        CategoryPlot plot = chart.getCategoryPlot();
        contributionPlot = plot;
        org.jfree.chart.renderer.category.WaterfallBarRenderer bars =
                new org.jfree.chart.renderer.category.WaterfallBarRenderer(ChartStyle.GREY, ChartStyle.BLUE,
                        ChartStyle.RED, ChartStyle.GREY);
        ChartStyle.flat(bars);
        bars.setMaximumBarWidth(0.08);
        plot.setRenderer(bars);
        ChartStyle.plain(plot);
        plot.setNoDataMessage(Messages.get("predict.noWaterfall"));
        return new ChartBox(Messages.get("predict.contributions"), chart, 460, 340);
    }

    /** A step's label: the column and the value typed for it (a derived column by its name alone). */
    private String stepLabel(io.tablewise.explain.Waterfall.Step step) {
        if (step.column() == null) {
            return Messages.get("predict.otherColumns", step.others());
        }
        boolean typed = vm.inputs().stream().anyMatch(i -> i.name().equals(step.column()));
        String v = typed ? vm.value(step.column()).get() : null;
        return typed ? step.column() + " = " + (v == null || v.isBlank() ? "∅" : v.strip()) : step.column();
    }

    /** The waterfall's bars and its three largest steps in words. */
    private void showWaterfall(WhatIf.Result r) {
        io.tablewise.explain.Waterfall w = r.waterfall();
        if (w == null) {
            waterfallNote.setText("");
            return;
        }
        double scale = w.probability() ? 100 : 1;
        contributions.addValue(scale * w.start(), "shap", Messages.get("predict.average"));
        for (io.tablewise.explain.Waterfall.Step step : w.steps()) {
            contributions.addValue(scale * step.change(), "shap", stepLabel(step));
        }
        contributions.addValue(scale * w.end(), "shap", Messages.get("predict.thisPrediction"));
        w.steps().stream().filter(step -> step.column() != null).limit(3).forEach(step -> {
            String amount = w.probability() ? String.format(Locale.ROOT, "%.0f", Math.abs(100 * step.change()))
                    : String.format(Locale.ROOT, "%.4g", Math.abs(step.change()));
            String key = (step.change() >= 0 ? "predict.shapRaised" : "predict.shapLowered")
                    + (w.probability() ? "" : "Value");
            Label line = new Label("• " + Messages.get(key, stepLabel(step), w.output(), amount));
            line.setWrapText(true);
            shapWords.getChildren().add(line);
        });
        String start = w.probability() ? String.format(Locale.ROOT, "%.1f%%", 100 * w.start())
                : String.format(Locale.ROOT, "%.4g", w.start());
        String end = w.probability() ? String.format(Locale.ROOT, "%.1f%%", 100 * w.end())
                : String.format(Locale.ROOT, "%.4g", w.end());
        waterfallNote.setText(Messages.get(w.probability() ? "predict.waterfallNote" : "predict.waterfallNoteValue",
                start, end, w.output()));
    }

    private void show(WhatIf.Result r) {
        problems.forEach((name, label) -> {
            String p = r == null ? null : r.problems().get(name);
            label.setText(p == null ? "" : p);
            label.setVisible(p != null);
            label.setManaged(p != null);
        });
        probabilities.getChildren().clear();
        contributions.clear();
        shapWords.getChildren().clear();
        notes.getChildren().clear();
        if (r == null) {
            prediction.setText("…");
            return;
        }
        if (!r.scored()) {
            prediction.setText("–");
            predictionNote.setText(Messages.get("predict.fixFields", r.problems().size()));
            return;
        }
        prediction.setText(r.prediction());
        if (vm.model().problemType() == ProblemType.REGRESSION) {
            predictionNote.setText(Messages.get("predict.regressionNote", String.format(Locale.ROOT, "%.4g",
                    vm.model().evaluation().metrics().getOrDefault("rmse", Double.NaN))));
        } else {
            double p = r.probabilities().getOrDefault(r.prediction(), Double.NaN);
            predictionNote.setText(vm.model().problemType() == ProblemType.BINARY
                    ? Messages.get("predict.binaryNote", String.format(Locale.ROOT, "%.1f%%", 100 * r.probabilities()
                    .get(vm.model().positiveClass())), vm.model().positiveClass(), String.format(Locale.ROOT, "%.2f",
                    vm.model().threshold()))
                    : Messages.get("predict.classNote", String.format(Locale.ROOT, "%.1f%%", 100 * p)));
            r.probabilities().forEach((c, value) -> {
                Label name = new Label(c);
                name.setMinWidth(90);
                ProgressBar bar = new ProgressBar(value);
                bar.setPrefWidth(220);
                bar.getStyleClass().add("probability-bar");
                Label share = new Label(String.format(Locale.ROOT, "%.1f%%", 100 * value));
                HBox line = new HBox(8, name, bar, share);
                line.setAlignment(Pos.CENTER_LEFT);
                line.getStyleClass().add("probability");
                probabilities.getChildren().add(line);
            });
        }
        if (contributionPlot != null && r.waterfall() != null) {
            contributionPlot.getRangeAxis().setLabel(r.waterfall().probability()
                    ? Messages.get("predict.effectProbabilityOf", r.waterfall().output())
                    : Messages.get("predict.effectValueOf", vm.model().target()));
        }
        showWaterfall(r);
        for (String n : r.notes()) {
            Label l = new Label("ℹ " + n);
            l.setWrapText(true);
            l.getStyleClass().add("hint");
            notes.getChildren().add(l);
        }
    }

    private void showError(String e) {
        if (e != null && !e.isEmpty()) {
            prediction.setText("–");
            predictionNote.setText(e);
        }
    }

    private Node batch() {
        Label title = new Label(Messages.get("predict.batch"));
        title.getStyleClass().add("section-title");
        Label explain = new Label(Messages.get("predict.batchHint", vm.model().inputs().size()));
        explain.setWrapText(true);
        explain.getStyleClass().add("hint");
        Button score = new Button(Messages.get("predict.scoreFile"));
        score.getStyleClass().add("score-file");
        score.setOnAction(e -> ExportDialogs.chooseData(this).ifPresent(in -> ExportDialogs.chooseOutput(this,
                PredictViewModel.defaultOutput(in), "csv").ifPresent(out -> vm.startBatch(in, out))));
        score.disableProperty().bind(vm.batchRunningProperty());
        ProgressBar progress = new ProgressBar();
        progress.progressProperty().bind(vm.batchProgressProperty());
        progress.visibleProperty().bind(vm.batchRunningProperty());
        progress.setPrefWidth(240);
        Button cancel = new Button(Messages.get("predict.cancel"));
        cancel.visibleProperty().bind(vm.batchRunningProperty());
        cancel.setOnAction(e -> vm.cancelBatch());
        Label message = new Label();
        message.textProperty().bind(vm.batchMessageProperty());
        message.getStyleClass().add("batch-message");
        message.setWrapText(true);
        HBox line = new HBox(10, score, progress, cancel);
        line.setAlignment(Pos.CENTER_LEFT);
        ListView<String> warnings = new ListView<>(vm.batchWarnings());
        warnings.setPrefHeight(80);
        warnings.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(vm.batchWarnings()));
        warnings.managedProperty().bind(warnings.visibleProperty());
        Tooltip.install(score, new Tooltip(Messages.get("predict.scoreFileTip")));
        return new VBox(6, title, explain, line, message, warnings);
    }
}
