package io.tablewise.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import tech.tablesaw.api.Table;

import io.tablewise.model.Predictor;
import io.tablewise.model.TrainedModel;
import io.tablewise.node.NodeException;

/**
 * {@code tablewise predict --model DIR|REF --input FILE --output FILE}: scores a raw file with a saved model or a
 * registered one.
 */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Score a data file with a saved model: writes the input columns plus the prediction (and "
                + "per-class probabilities) as CSV. A saved anomaly detector adds each row's anomaly score, flag and "
                + "reason; a saved forecast model forecasts again from the file as newer history.")
final class PredictCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "DIR|REF", description = "The model folder, or a "
            + "registered model: GROUP@ALIAS (churn@champion), GROUP:VERSION (churn:3) or GROUP@latest-approved.")
    private String model;

    @Option(names = "--registry", paramLabel = "PATH|CONNECTION|JDBC_URL",
            description = "The registry of a model reference "
            + "(default: ~/Tablewise/registry).")
    private String registry;

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "The data to score.")
    private String input;

    @Option(names = "--output", required = true, paramLabel = "FILE", description = "The CSV file to write.")
    private Path output;

    @Option(names = "--explain", description = "Add each row's SHAP values: shap_base and one shap_<column> per "
            + "input column (exact for tree and linear models, a stated estimate otherwise).")
    private boolean explain;

    @CommandLine.Mixin
    private ImportOptions importOptions = new ImportOptions();

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path folder = Path.of(model);
        boolean detector = java.nio.file.Files.isRegularFile(folder.resolve(io.tablewise.anomaly.AnomalyModel.FILE));
        boolean forecast = java.nio.file.Files.isRegularFile(folder.resolve(io.tablewise.forecast.ForecastModel.FILE));
        TrainedModel m = null;
        if (!detector && !forecast) {
            try {
                m = ModelArgument.load(model, registry, err);
            } catch (DataArgument.Refused e) {
                return e.code();
            }
        }
        try {
            Table raw = DataArgument.read(input, importOptions, err);
            if (detector) {
                score(io.tablewise.anomaly.AnomalyModel.load(folder), raw, out);
            } else if (forecast) {
                forecast(io.tablewise.forecast.ForecastModel.load(folder), raw, out, err);
            } else {
                predict(m, raw, out, err);
            }
            out.flush();
            return ExitCodes.OK;
        } catch (DataArgument.Refused e) {
            return e.code();
        } catch (NodeException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.NODE_FAILED;
        }
    }

    private void predict(TrainedModel m, Table raw, PrintWriter out, PrintWriter err) throws IOException,
            NodeException {
        Table scored = Predictor.predict(m, raw, w -> err.println("warning: " + w));
        if (explain) {
            io.tablewise.explain.ShapValues v = io.tablewise.model.Explanations.explain(m, raw, w -> { });
            scored = io.tablewise.model.Explanations.withShapColumns(m, scored, v);
            out.println(io.tablewise.model.Explanations.describe(v));
        }
        io.tablewise.data.CsvExportNode.writeCsv(scored, output);
        out.printf("scored %,d rows with the model of '%s'; wrote %s%n", scored.rowCount(), m.target(), output);
    }

    /** A saved anomaly detector scores the rows. */
    private void score(io.tablewise.anomaly.AnomalyModel detector, Table raw, PrintWriter out) throws IOException,
            NodeException {
        io.tablewise.anomaly.AnomalyReport r = detector.score(raw);
        io.tablewise.data.CsvExportNode.writeCsv(r.withColumns(raw), output);
        out.printf("scored %,d rows with the anomaly detector: %,d flagged; wrote %s%n", raw.rowCount(),
                r.flaggedCount(), output);
    }

    /** A saved forecast model forecasts again from the rows as newer history. */
    private void forecast(io.tablewise.forecast.ForecastModel saved, Table raw, PrintWriter out, PrintWriter err)
            throws IOException, NodeException {
        io.tablewise.forecast.Forecaster.Result r = saved.forecastFrom(raw);
        r.notes().forEach(n -> err.println("note: " + n));
        io.tablewise.data.CsvExportNode.writeCsv(r.forecast(), output);
        out.printf("forecast %d series %d periods ahead from the saved model; wrote %s%n", r.series().size(),
                r.model().options().horizon(), output);
    }
}
