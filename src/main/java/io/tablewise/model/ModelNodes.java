package io.tablewise.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tech.tablesaw.api.Table;

import io.tablewise.ml.ProblemType;
import io.tablewise.node.ConfigureContext;
import io.tablewise.node.NodeContext;
import io.tablewise.node.NodeDescriptor;
import io.tablewise.node.NodeException;
import io.tablewise.node.NodeParams;
import io.tablewise.node.NodeType;
import io.tablewise.node.ParamSpec;
import io.tablewise.node.ParamType;
import io.tablewise.node.PortSpec;
import io.tablewise.node.PortType;
import io.tablewise.node.ProgressMonitor;
import io.tablewise.node.TableSchema;
import io.tablewise.transform.TransformChain;

/** The model nodes: build a model, predict with it, and export it as a model folder with its metrics and report. */
public final class ModelNodes {
    /** The port type of a trained model. */
    public static final PortType MODEL = new PortType("model", "Model", BuiltModel.class);

    /** The problem types that learn a target from labelled rows. */
    private static final String[] SUPERVISED = {"auto", "binary", "multiclass", "regression"};

    private ModelNodes() {
    }

    /** The node types. */
    public static List<NodeType> all() {
        return List.of(new Build(), new Predict(), new Export(), new Bias(), new Monitor());
    }

    static final class Build implements NodeType {
        private static final NodeDescriptor D = new NodeDescriptor("model.build", 1, "Build model", "Model",
                "Trains a model to predict the target: a stratified, seeded train/test split; automatic "
                + "preprocessing fitted on the training rows only (numbers as they are, frequent categories "
                + "one-hot, date parts; identifiers and constant columns left out; standardised for linear models); "
                + "gradient-boosted trees, the chosen algorithm, or in auto mode the best of a search across "
                + "algorithm families; one "
                + "honest evaluation on the test rows (metrics, confusion matrix, ROC and precision-recall curves, "
                + "threshold analysis, column importance). Transforms right upstream are refitted on the training "
                + "rows only and saved with the model, so predictions on raw data replay them. Problem type forecast "
                + "makes a forecast model of one or many series (backtested per series and globally; Predict "
                + "forecasts again from newer history); anomaly makes an anomaly detector without a target (Predict "
                + "scores new rows against the rows it was made from).",
                List.of(PortSpec.of("table", PortType.TABLE, "The training data, target included")),
                List.of(PortSpec.of("model", MODEL, "The trained and evaluated model")),
                params());

        /**
         * The parameters: the supervised ones apply to auto, binary, multiclass and regression; a forecast's
         * (the Forecast node's own, so both read them alike) to forecast; an anomaly detector's (the Find anomalies
         * node's) to anomaly.
         */
        private static List<ParamSpec> params() {
            List<ParamSpec> out = new java.util.ArrayList<>();
            for (ParamSpec spec : supervisedParams()) {
                out.add(switch (spec.name()) {
                    case "problemType" -> spec;
                    case "target" -> spec.onlyWhen("problemType", "auto", "binary", "multiclass", "regression",
                            "forecast");
                    case "exclude", "seed" -> spec.onlyWhen("problemType", "auto", "binary", "multiclass",
                            "regression", "anomaly");
                    case "budget" -> spec.onlyWhen("problemType", "auto", "binary", "multiclass", "regression",
                            "forecast");
                    default -> spec.onlyWhen("problemType", SUPERVISED);
                });
            }
            List<String> forecast = List.of("time", "series", "horizon", "frequency", "holidays", "covariates",
                    "global");
            new io.tablewise.forecast.ForecastNode().descriptor().params().stream()
                    .filter(spec -> forecast.contains(spec.name()))
                    .forEach(spec -> out.add(spec.onlyWhen("problemType", "forecast")));
            List<String> anomaly = List.of("share", "label", "positive");
            new io.tablewise.anomaly.AnomalyNode().descriptor().params().stream()
                    .filter(spec -> anomaly.contains(spec.name()))
                    .forEach(spec -> out.add(spec.onlyWhen("problemType", "anomaly")));
            return out;
        }

        private static List<ParamSpec> supervisedParams() {
            return List.of(ParamSpec.builder("target", ParamType.COLUMN).label("Target").required().columnsFrom("table")
                                .help("The column to predict.").build(),
                        ParamSpec.builder("problemType", ParamType.CHOICE).label("Problem type").defaultValue("auto")
                                .allowed("auto", "binary", "multiclass", "regression", "forecast", "anomaly")
                                .help("Auto: text, true/false and small-integer targets are classes. Forecast: the "
                                        + "target's future per series from a time column. Anomaly: how unusual each "
                                        + "row is, no target needed.").build(),
                        ParamSpec.builder("exclude", ParamType.COLUMNS).label("Exclude columns")
                                .defaultValue(List.of()).columnsFrom("table")
                                .help("Columns not to use as inputs (e.g. ones recorded after the outcome).").build(),
                        ParamSpec.builder("objective", ParamType.CHOICE).label("Objective").defaultValue("auto")
                                .allowed("auto", "auc", "f1", "accuracy", "balanced_accuracy", "log_loss", "rmse",
                                        "mae", "r2")
                                .help("The metric to optimise (auto: AUC, balanced accuracy or RMSE); for binary "
                                        + "problems the threshold maximises it (F1 for AUC and log loss).").build(),
                        ParamSpec.builder("testShare", ParamType.DECIMAL).label("Test share").defaultValue(0.2)
                                .range(0.05, 0.5).help("The share of rows held out for the test.").build(),
                        ParamSpec.builder("seed", ParamType.INTEGER).label("Seed").defaultValue(42L)
                                .help("Seed of the split and the model.").build(),
                        ParamSpec.builder("mode", ParamType.CHOICE).label("Mode").defaultValue("quick")
                                .allowed("quick", "auto")
                                .help("quick: one strong default model in seconds; auto: search settings within "
                                        + "the time budget on the training rows (the test rows are never seen).")
                                .build(),
                        ParamSpec.builder("algorithm", ParamType.CHOICE).label("Algorithm").defaultValue("xgboost")
                                .allowed(io.tablewise.ml.Learner.IDS.toArray(String[]::new))
                                .help("Quick mode's algorithm, at its default settings: xgboost (gradient-boosted "
                                        + "trees), forest (random forest), liblinear or sgd-linear (logistic or "
                                        + "linear regression), cart (one decision tree), knn (nearest neighbours, "
                                        + "classes only). Auto mode tries them all.").build(),
                        ParamSpec.builder("budget", ParamType.DECIMAL).label("Time budget (s)").defaultValue(60.0)
                                .range(1.0, 86_400.0).help("How long the whole auto build may take: the search, "
                                        + "the final training, the threshold and the evaluation. A forecast: past 60% "
                                        + "of it the remaining series get a quick screen, past 90% last season's "
                                        + "values (said).").build(),
                        ParamSpec.builder("maxCandidates", ParamType.INTEGER).label("Most candidates")
                                .defaultValue(200L).range(2.0, 10_000.0)
                                .help("The most settings the auto search tries.").build(),
                        ParamSpec.builder("settings", ParamType.STRING).label("Pinned settings")
                                .defaultValue("")
                                .help("Empty (usual): the mode and algorithm above. A model's exact settings, as "
                                        + "a run records them (e.g. algorithm=xgboost, trees=100, depth=6, "
                                        + "eta=0.1, ...): every run trains exactly these, with no search, so the "
                                        + "same rows give the same model. The Runs view's Rebuild uses them.")
                                .build(),
                        ParamSpec.builder("threshold", ParamType.DECIMAL).label("Threshold").range(0.0, 1.0)
                                .help("Binary problems: rows with P(positive) at or above it are predicted "
                                        + "positive. Empty: the one that maximises the objective on validation "
                                        + "rows. The model view's threshold slider sets it.").build());
        }

        @Override
        public NodeDescriptor descriptor() {
            return D;
        }

        static BuildOptions options(NodeParams p) {
            String type = p.string("problemType", "auto");
            if (!List.of(SUPERVISED).contains(type)) {
                throw new IllegalStateException(type + " is not a supervised problem type");
            }
            String objective = p.string("objective", "auto");
            BuildOptions o = new BuildOptions(p.string("target", ""), type.equals("auto") ? null
                    : ProblemType.valueOf(type.toUpperCase(Locale.ROOT)), p.strings("exclude"),
                    objective.equals("auto") ? null : objective, p.decimal("testShare", 0.2), p.integer("seed", 42));
            BuildOptions built = p.string("mode", "quick").equals("auto") ? o.auto(p.decimal("budget", 60),
                    (int) p.integer("maxCandidates", 200)) : o;
            return built.withThreshold(p.decimal("threshold", Double.NaN))
                    .withAlgorithm(p.string("algorithm", "xgboost"));
        }

        @Override
        public Map<String, TableSchema> configure(ConfigureContext context) throws NodeException {
            pinned(context.params());
            return Map.of();
        }

        /** The pinned settings, or null when the node searches or uses a family's defaults. */
        static io.tablewise.ml.Learner pinned(NodeParams p) throws NodeException {
            String text = p.string("settings", "");
            if (text.isBlank()) {
                return null;
            }
            try {
                return io.tablewise.ml.Learner.parse(text);
            } catch (IllegalArgumentException e) {
                throw new NodeException("settings", e.getMessage() + ". Copy them from a run's record, or leave "
                        + "them empty");
            }
        }

        /**
         * The transforms right upstream (nearest last) and the table they started from: the model refits them on
         * its own training rows, so nothing they learn comes from the test rows.
         */
        static Map.Entry<Table, TransformChain> upstream(NodeContext context) {
            return TransformChain.upstreamOf(context.lineage("table"), context.input("table", Table.class));
        }

        @Override
        public Map<String, Object> execute(NodeContext context) throws NodeException {
            return switch (context.params().string("problemType", "auto")) {
                case "forecast" -> Map.of("model", forecast(context));
                case "anomaly" -> Map.of("model", anomaly(context));
                default -> Map.of("model", supervised(context));
            };
        }

        /** A forecast model: the Forecast node's work, kept with its history so Predict and Export can use it. */
        private static ForecastBuild forecast(NodeContext context) throws NodeException {
            Table history = context.input("table", Table.class);
            NodeParams p = context.params();
            io.tablewise.forecast.Forecaster.Options o = io.tablewise.forecast.ForecastNode.options(p,
                    context::resolveInput);
            o = new io.tablewise.forecast.Forecaster.Options(o.time(), o.target(), o.series(), o.horizon(),
                    o.frequency(), o.quantiles(), o.holidays(), o.covariates(), o.global(), p.decimal("budget", 60));
            io.tablewise.forecast.Forecaster.Result r = io.tablewise.forecast.Forecaster.forecast(history, o,
                    ProgressMonitor.of(context));
            io.tablewise.forecast.ForecastNode.describe(r, context);
            return new ForecastBuild(r, history);
        }

        /** An anomaly detector made from every row (there is no target, so nothing to hold out). */
        private static AnomalyBuild anomaly(NodeContext context) throws NodeException {
            Table table = context.input("table", Table.class);
            NodeParams p = context.params();
            String label = p.string("label", "");
            io.tablewise.anomaly.AnomalyModel detector = io.tablewise.anomaly.AnomalyNode.detector(table, p);
            io.tablewise.anomaly.AnomalyReport r = detector.trainingReport();
            io.tablewise.anomaly.AnomalyNode.describe(r, table, context);
            if (!label.isBlank()) {
                io.tablewise.anomaly.AnomalyNode.describe(r, table, label, p.string("positive", ""), context);
            }
            return new AnomalyBuild(detector, r.withColumns(table), io.tablewise.anomaly.AnomalyFiles.summary(table,
                    r, p.decimal("share", 0.01), label, p.string("positive", "")));
        }

        private static TrainedModel supervised(NodeContext context) throws NodeException {
            Map.Entry<Table, TransformChain> up = upstream(context);
            if (!up.getValue().steps().isEmpty()) {
                context.info("refitting " + up.getValue().steps().size() + " upstream transforms on the training "
                        + "rows only");
            }
            TrainedModel m = ModelBuilder.build(up.getKey(), up.getValue(), options(context.params()), null,
                    pinned(context.params()), context.service(FinalTrainer.class), ProgressMonitor.of(context));
            StringBuilder info = new StringBuilder("test");
            m.evaluation().metrics().forEach((k, v) -> info.append(String.format(Locale.ROOT, " %s %.4f", k, v)));
            context.info(info.toString());
            if (m.info().get("warnings") instanceof List<?> cautions) {
                cautions.forEach(c -> context.warn(String.valueOf(c)));
            }
            return m;
        }
    }

    static final class Predict implements NodeType {
        private static final NodeDescriptor D = new NodeDescriptor("model.predict", 1, "Predict", "Model",
                "Scores rows with a model: the input columns plus the prediction and, for classification, the "
                + "probability of each class. Missing input columns stop the node with their names; columns read "
                + "with another type are converted; categories never seen in training are counted in a warning. "
                + "A forecast model forecasts again from the rows as newer history (its chosen models refitted, "
                + "nothing chosen anew); an anomaly detector scores the rows against the rows it was made from.",
                List.of(PortSpec.of("model", MODEL, "The model"), PortSpec.of("table", PortType.TABLE,
                        "The rows to score")),
                List.of(PortSpec.of("table", PortType.TABLE, "The rows with their predictions")), List.of());

        @Override
        public NodeDescriptor descriptor() {
            return D;
        }

        @Override
        public Map<String, TableSchema> configure(ConfigureContext context) {
            return Map.of();
        }

        @Override
        public Map<String, Object> execute(NodeContext context) throws NodeException {
            Table rows = context.input("table", Table.class);
            Object model = context.input("model", Object.class);
            if (model instanceof ForecastBuild f) {
                io.tablewise.forecast.Forecaster.Result r = f.result().model().forecastFrom(rows);
                r.notes().forEach(context::warn);
                context.info(String.format(Locale.ROOT, "forecast %d series %d periods ahead from the %,d rows given",
                        r.series().size(), r.model().options().horizon(), rows.rowCount()));
                return Map.of("table", r.forecast());
            }
            if (model instanceof AnomalyBuild a) {
                io.tablewise.anomaly.AnomalyReport r = a.detector().score(rows);
                context.info(String.format(Locale.ROOT, "flagged %,d of %,d rows against the detector's threshold "
                        + "%.3f", r.flaggedCount(), rows.rowCount(), r.threshold()));
                return Map.of("table", r.withColumns(rows));
            }
            Table scored = Predictor.predict((TrainedModel) model, rows, context::warn);
            return Map.of("table", scored);
        }
    }

    static final class Export implements NodeType {
        private static final NodeDescriptor D = new NodeDescriptor("model.export", 1, "Export model", "Model",
                "Writes the model folder (manifest.json and the model), metrics.json and report.html (metrics, "
                + "confusion matrix, curves and importance as one self-contained page) into a folder. A forecast "
                + "model writes forecast.csv, metrics.json, report.html and model/; an anomaly detector "
                + "anomalies.csv, summary.json and model/ (which 'tablewise predict --model' reads too).",
                List.of(PortSpec.of("model", MODEL, "The model to write")), List.of(),
                List.of(ParamSpec.builder("path", ParamType.OUTPUT_FILE).label("Folder").required()
                        .help("The folder to write, relative to the flow.").build()));

        @Override
        public NodeDescriptor descriptor() {
            return D;
        }

        @Override
        public boolean hasSideEffects() {
            return true;
        }

        @Override
        public Map<String, TableSchema> configure(ConfigureContext context) {
            return Map.of();
        }

        @Override
        public Map<String, Object> execute(NodeContext context) throws NodeException {
            Object model = context.input("model", Object.class);
            String path = context.params().string("path", "");
            Path folder = context.resolveOutput(path);
            // each file is checked too: a link named 'model' inside an allowed folder must not lead elsewhere
            Path modelDir = context.resolveOutput(path + "/model");
            Path metrics = context.resolveOutput(path + "/metrics.json");
            Path report = context.resolveOutput(path + "/report.html");
            try {
                java.nio.file.Files.createDirectories(folder);
                if (model instanceof ForecastBuild f) {
                    context.resolveOutput(path + "/forecast.csv");
                    io.tablewise.forecast.ForecastFiles.write(f.result(), f.history(), folder);
                } else if (model instanceof AnomalyBuild a) {
                    context.resolveOutput(path + "/anomalies.csv");
                    context.resolveOutput(path + "/summary.json");
                    io.tablewise.anomaly.AnomalyFiles.write(a.scored(), a.summary(), a.detector(), folder);
                } else {
                    TrainedModel m = (TrainedModel) model;
                    ModelFiles.save(m, modelDir);
                    ModelJson.write(m, metrics);
                    ModelReportHtml.write(m, m.target(), report);
                }
            } catch (IOException e) {
                throw new NodeException("path", "could not write " + folder + ": " + e.getMessage()
                        + (e instanceof java.nio.file.AccessDeniedException
                        ? " (permission denied; check that the folder is writable)" : ""));
            }
            context.info("wrote " + folder);
            return Map.of();
        }
    }

    static final class Bias implements NodeType {
        private static final NodeDescriptor D = new NodeDescriptor("model.bias", 1, "Bias report", "Model",
                "Measures bias for a sensitive column (facet) on labelled rows, as SageMaker Clarify does: "
                + "pre-training metrics of the labels (class imbalance, difference in label proportions, KL and JS "
                + "divergence, ...) and post-training metrics of the model's predictions (difference in positive "
                + "prediction rates, disparate impact, recall and false positive rate differences, accuracy "
                + "difference, treatment equality), each group against the rest, with 95% bootstrap intervals. "
                + "The model passes on with the report in its metrics, so a condition can gate on it: "
                + "NODE.bias.disparateImpact >= 0.8.",
                List.of(PortSpec.of("model", MODEL, "The model to check"),
                        PortSpec.of("table", PortType.TABLE, "Labelled rows (held-out rows, not the training rows)")),
                List.of(PortSpec.of("model", MODEL, "The same model, its metrics holding the report"),
                        PortSpec.of("table", PortType.TABLE, "Every metric of every group, with its interval and "
                                + "definition")),
                List.of(ParamSpec.builder("facet", ParamType.COLUMN).label("Sensitive column").required()
                                .columnsFrom("table").help("The column whose groups are compared (used by the model "
                                        + "or not).").build(),
                        ParamSpec.builder("facetValue", ParamType.TEXT).label("Group").defaultValue("")
                                .help("One value to compare with every other row; empty: each value (or each bin) "
                                        + "against the rest.").build(),
                        ParamSpec.builder("threshold", ParamType.TEXT).label("Number threshold").defaultValue("")
                                .help("For a number column: split into <= and > this value; empty: quantile "
                                        + "bins.").build(),
                        ParamSpec.builder("bins", ParamType.INTEGER).label("Bins").defaultValue(4L)
                                .range(2.0, 20.0).help("Quantile bins of a number column without a threshold.")
                                .build(),
                        ParamSpec.builder("positive", ParamType.TEXT).label("Favourable class").defaultValue("")
                                .help("The class counted as the favourable outcome; empty: a two-class model's "
                                        + "positive class.").build()));

        @Override
        public NodeDescriptor descriptor() {
            return D;
        }

        @Override
        public Map<String, TableSchema> configure(ConfigureContext context) {
            return Map.of();
        }

        @Override
        public Map<String, Object> execute(NodeContext context) throws NodeException {
            TrainedModel m = BuiltModel.supervised(context.input("model", Object.class), "The bias report");
            NodeParams p = context.params();
            String threshold = p.string("threshold", "").strip();
            double t;
            try {
                t = threshold.isEmpty() ? Double.NaN : Double.parseDouble(threshold);
            } catch (NumberFormatException e) {
                throw new NodeException("threshold", "'" + threshold + "' is not a number");
            }
            io.tablewise.explain.BiasReport report = BiasCheck.check(m, context.input("table", Table.class),
                    new BiasCheck.Facet(p.string("facet", ""), p.string("facetValue", ""), t,
                            (int) p.integer("bins", 4)), p.string("positive", ""), context::warn);
            context.info(report.headline());
            return Map.of("model", BiasCheck.withReport(m, report), "table", BiasCheck.asTable(report));
        }
    }

    static final class Monitor implements NodeType {
        private static final NodeDescriptor D = new NodeDescriptor("model.monitor", 1, "Monitor drift", "Model",
                "Checks new rows against the model's training baseline: data quality (missing or retyped columns, "
                + "completeness, unseen categories, values outside the training range) and drift of each column and "
                + "of the predictions (PSI of at least 0.2 with a test's p-value under 0.001). The model passes on "
                + "with the findings in its metrics, so a condition can act on them: NODE.monitor.violations > 0 "
                + "(retrain and register a challenger), NODE.monitor.drifted, NODE.monitor.psi.COLUMN.",
                List.of(PortSpec.of("model", MODEL, "The model whose baseline the rows are checked against"),
                        PortSpec.of("table", PortType.TABLE, "The new rows")),
                List.of(PortSpec.of("model", MODEL, "The same model, its metrics holding the findings"),
                        PortSpec.of("table", PortType.TABLE, "The findings: severity, kind, column, what happened "
                                + "and what to do")),
                List.of());

        @Override
        public NodeDescriptor descriptor() {
            return D;
        }

        @Override
        public Map<String, TableSchema> configure(ConfigureContext context) {
            return Map.of();
        }

        @Override
        public Map<String, Object> execute(NodeContext context) throws NodeException {
            TrainedModel m = BuiltModel.supervised(context.input("model", Object.class), "The drift monitor");
            if (m.baseline() == null) {
                throw new NodeException("model", "this model was saved before models kept a baseline; rebuild it, "
                        + "or make a baseline with 'tablewise monitor baseline'");
            }
            io.tablewise.monitor.MonitorReport r = Monitoring.check(m, m.baseline(), null,
                    context.input("table", Table.class), "rows", context::warn);
            context.info(String.format(Locale.ROOT, "%d violation%s; drift in %s", r.violations(),
                    r.violations() == 1 ? "" : "s", r.drifted().isEmpty() ? "no column"
                    : String.join(", ", r.drifted())));
            return Map.of("model", Monitoring.withReport(m, r), "table", Monitoring.asTable(r));
        }
    }
}
