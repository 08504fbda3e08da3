package io.tablewise.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import tech.tablesaw.api.Table;

import io.tablewise.ml.ProblemType;
import io.tablewise.model.BuildOptions;
import io.tablewise.model.ModelBuilder;
import io.tablewise.model.ModelFiles;
import io.tablewise.model.ModelJson;
import io.tablewise.model.ModelReportHtml;
import io.tablewise.model.TrainedModel;
import io.tablewise.node.NodeException;
import io.tablewise.node.ProgressMonitor;

/** {@code tablewise train DATA --target COL --out DIR}: a model from a data file, without a flow. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Build a model from a data file "
                + "(CSV/TSV/text, .xlsx, .jsonl or .parquet, or a database with --table or --query): "
                + "writes DIR/model (the model "
                + "folder), DIR/metrics.json and DIR/report.html.")
final class TrainCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DATA", description = "The data file (with --rebuild: "
            + "the one the run record names, unless given).")
    private String data;

    @Option(names = {"-t", "--target"}, paramLabel = "COLUMN", description = "The column to predict (required "
            + "unless --rebuild).")
    private String target;

    @Option(names = "--rebuild", paramLabel = "RUN_RECORD", description = "Rebuild the model a run record "
            + "(DIR/run.json of an earlier train) describes: the same data, options, split, seed and the chosen "
            + "model's exact settings, giving the same predictions even after a time-budgeted search.")
    private Path rebuild;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write the results.")
    private Path out;

    @Option(names = "--mode", defaultValue = "quick", paramLabel = "MODE",
            description = "quick: one strong default model (default); auto: a search within the budget.")
    private String mode;

    @Option(names = "--algorithm", defaultValue = "xgboost", paramLabel = "NAME",
            description = "Quick mode's algorithm: xgboost (default), forest, liblinear, sgd-linear, cart or knn "
                    + "(classes only); auto mode tries them all.")
    private String algorithm;

    @Option(names = "--budget", defaultValue = "60", paramLabel = "SECONDS",
            description = "Time budget of the whole auto build: search, final training, threshold and evaluation "
                    + "(default: ${DEFAULT-VALUE}). On tables over 100,000 training rows the final steps may take "
                    + "longer; the build says so before they start.")
    private double budget;

    @Option(names = "--plain", description = "Plain progress lines even on a terminal.")
    private boolean plain;

    @Option(names = "--max-candidates", defaultValue = "200", paramLabel = "N",
            description = "The most settings the auto search tries (default: ${DEFAULT-VALUE}).")
    private int maxCandidates;

    @Option(names = "--problem-type", paramLabel = "TYPE",
            description = "binary, multiclass or regression (default: detected from the target).")
    private ProblemType problemType;

    @Option(names = "--metric", paramLabel = "METRIC", description = "The objective: auc, f1, accuracy, "
            + "balanced_accuracy, log_loss; rmse, mae, r2 (default: auc, balanced_accuracy or rmse).")
    private String metric;

    @Option(names = "--exclude", split = ",", paramLabel = "COLUMN", description = "Columns not to use (comma "
            + "separated or repeated).")
    private List<String> exclude = new ArrayList<>();

    @Option(names = "--test-share", defaultValue = "0.2", description = "Share of rows held out for the test "
            + "(default: ${DEFAULT-VALUE}).")
    private double testShare;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the split and the model (default: "
            + "${DEFAULT-VALUE}).")
    private long seed;

    @CommandLine.Mixin
    private ImportOptions importOptions = new ImportOptions();

    @Override
    public Integer call() throws IOException {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        TrainRecord.Rebuild from = null;
        if (rebuild != null) {
            try {
                from = TrainRecord.read(rebuild);
            } catch (IOException | IllegalArgumentException e) {
                err.println("error: --rebuild " + rebuild + ": " + e.getMessage());
                return ExitCodes.INVALID;
            }
            data = data != null ? data : from.data();
            target = from.options().target();
            importOptions = from.importOptions();
        } else if (data == null || target == null) {
            err.println("error: give the DATA file and --target COLUMN (or --rebuild RUN_RECORD)");
            return ExitCodes.INVALID;
        }
        if (!mode.equals("quick") && !mode.equals("auto")) {
            err.println("error: --mode must be quick or auto, not " + mode);
            return ExitCodes.INVALID;
        }
        if (budget < 1 || maxCandidates < 2) {
            err.println("error: --budget must be at least 1 second and --max-candidates at least 2");
            return ExitCodes.INVALID;
        }
        if (testShare <= 0 || testShare >= 0.9) {
            err.println("error: --test-share must be between 0 and 0.9");
            return ExitCodes.INVALID;
        }
        Table table;
        try {
            table = DataArgument.read(data, importOptions, err);
        } catch (DataArgument.Refused e) {
            return e.code();
        }
        TrainedModel model;
        BuildOptions options = new BuildOptions(target, problemType, exclude, metric, testShare, seed)
                .withAlgorithm(algorithm);
        options = mode.equals("auto") ? options.auto(budget, maxCandidates) : options;
        long started = System.currentTimeMillis();
        ProgressPrinter printer = new ProgressPrinter(err, !plain && System.console() != null);
        ProgressMonitor progress = printer.monitor("train");
        try {
            model = from != null ? ModelBuilder.rebuild(table, from.options(), from.learner(), progress)
                    : ModelBuilder.build(table, options, progress);
        } catch (NodeException e) {
            printer.done();
            return ExitCodes.refused(err, e);
        }
        printer.done();
        Files.createDirectories(out);
        ModelFiles.save(model, out.resolve("model"));
        ModelJson.write(model, out.resolve("metrics.json"));
        ModelReportHtml.write(model, DataArgument.name(data, importOptions), out.resolve("report.html"));
        TrainRecord.write(out.resolve("run.json"), data, importOptions.asMap(), from != null ? from.options()
                : options, model, started, rebuild);
        o.printf(Locale.ROOT, "%s model of '%s' on %s training rows, tested on %s rows%n",
                model.problemType().name().toLowerCase(Locale.ROOT), target, model.info().get("trainRows"),
                model.info().get("testRows"));
        model.evaluation().metrics().forEach((k, v) -> o.printf(Locale.ROOT, "  %-18s %.4f%n", k, v));
        if (!Double.isNaN(model.threshold())) {
            o.printf(Locale.ROOT, "  threshold          %.2f on P(%s)%n", model.threshold(), model.positiveClass());
            o.printf(Locale.ROOT, "  (accuracy, precision, recall and F1 count a row as '%s' when P >= %.2f, the "
                    + "threshold chosen for %s on validation rows; 'tablewise profile' reports its quick model at 0.5,"
                    + " so its accuracy differs)%n", model.positiveClass(), model.threshold(), model.objective());
        }
        if (model.info().get("candidates") != null) {
            o.println("auto search: the best of " + model.info().get("candidates") + " candidates");
        }
        o.println("model: " + model.info().get("algorithm") + " " + model.settings());
        if (model.info().get("warnings") instanceof java.util.List<?> cautions) {
            cautions.forEach(c -> o.println("WARNING " + c));
        }
        if (!model.importances().isEmpty()) {
            o.println("most important: " + String.join(", ", model.importances().stream().limit(5)
                    .map(i -> String.format(Locale.ROOT, "%s %.0f%%", i.column(), 100 * i.share())).toList()));
        } else if (!model.permutation().isEmpty()) {
            o.println("most important (drop of " + model.objective() + " when shuffled): " + String.join(", ",
                    model.permutation().stream().limit(5).map(i -> String.format(Locale.ROOT, "%s %.4f", i.column(),
                            i.share())).toList()));
        }
        o.println("wrote " + out.resolve("model") + ", " + out.resolve("metrics.json") + ", "
                + out.resolve("report.html"));
        o.flush();
        return ExitCodes.OK;
    }
}
