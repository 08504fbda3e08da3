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
    public static final PortType MODEL = new PortType("model", "Model", TrainedModel.class);

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
                + "rows only and saved with the model, so predictions on raw data replay them.",
                List.of(PortSpec.of("table", PortType.TABLE, "The training data, target included")),
                List.of(PortSpec.of("model", MODEL, "The trained and evaluated model")),
                List.of(ParamSpec.builder("target", ParamType.COLUMN).label("Target").required().columnsFrom("table")
                                .help("The column to predict.").build(),
                        ParamSpec.builder("problemType", ParamType.CHOICE).label("Problem type").defaultValue("auto")
                                .allowed("auto", "binary", "multiclass", "regression")
                                .help("Auto: text, true/false and small-integer targets are classes.").build(),
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
                                        + "the final training, the threshold and the evaluation.").build(),
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
                                        + "rows. The model view's threshold slider sets it.").build()));

        @Override
        public NodeDescriptor descriptor() {
            return D;
        }

        static BuildOptions options(NodeParams p) {
            String type = p.string("problemType", "auto");
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
            Map.Entry<Table, TransformChain> up = upstream(context);
            if (!up.getValue().steps().isEmpty()) {
                context.info("refitting " + up.getValue().steps().size() + " upstream transforms on the training "
                        + "rows only");
            }
            TrainedModel m = ModelBuilder.build(up.getKey(), up.getValue(), options(context.params()), null,
                    pinned(context.params()), ProgressMonitor.of(context));
            StringBuilder info = new StringBuilder("test");
            m.evaluation().metrics().forEach((k, v) -> info.append(String.format(Locale.ROOT, " %s %.4f", k, v)));
            context.info(info.toString());
            if (m.info().get("warnings") instanceof List<?> cautions) {
                cautions.forEach(c -> context.warn(String.valueOf(c)));
            }
            return Map.of("model", m);
        }
    }

    static final class Predict implements NodeType {
        private static final NodeDescriptor D = new NodeDescriptor("model.predict", 1, "Predict", "Model",
                "Scores rows with a model: the input columns plus the prediction and, for classification, the "
                + "probability of each class. Missing input columns stop the node with their names; columns read "
                + "with another type are converted; categories never seen in training are counted in a warning.",
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
            TrainedModel m = context.input("model", TrainedModel.class);
            Table scored = Predictor.predict(m, context.input("table", Table.class), context::warn);
            return Map.of("table", scored);
        }
    }

    static final class Export implements NodeType {
        private static final NodeDescriptor D = new NodeDescriptor("model.export", 1, "Export model", "Model",
                "Writes the model folder (manifest.json and the model), metrics.json and report.html (metrics, "
                + "confusion matrix, curves and importance as one self-contained page) into a folder.",
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
            TrainedModel m = context.input("model", TrainedModel.class);
            String path = context.params().string("path", "");
            Path folder = context.resolveOutput(path);
            // each file is checked too: a link named 'model' inside an allowed folder must not lead elsewhere
            Path modelDir = context.resolveOutput(path + "/model");
            Path metrics = context.resolveOutput(path + "/metrics.json");
            Path report = context.resolveOutput(path + "/report.html");
            try {
                java.nio.file.Files.createDirectories(folder);
                ModelFiles.save(m, modelDir);
                ModelJson.write(m, metrics);
                ModelReportHtml.write(m, m.target(), report);
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
            TrainedModel m = context.input("model", TrainedModel.class);
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
            TrainedModel m = context.input("model", TrainedModel.class);
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
