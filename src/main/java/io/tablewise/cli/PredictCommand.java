package io.tablewise.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import tech.tablesaw.api.Table;

import io.tablewise.model.ModelFiles;
import io.tablewise.model.Predictor;
import io.tablewise.model.TrainedModel;
import io.tablewise.node.NodeException;

/** {@code tablewise predict --model DIR --input FILE --output FILE}: scores a raw file with a saved model. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Score a data file with a saved model: writes the input columns plus the prediction (and "
                + "per-class probabilities) as CSV.")
final class PredictCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "The model folder.")
    private Path model;

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "The data to score.")
    private Path input;

    @Option(names = "--output", required = true, paramLabel = "FILE", description = "The CSV file to write.")
    private Path output;

    @CommandLine.Mixin
    private ImportOptions importOptions = new ImportOptions();

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        TrainedModel m;
        try {
            m = ModelFiles.load(model);
        } catch (IOException e) {
            err.println("error: --model: " + e.getMessage());
            return ExitCodes.INVALID;
        }
        try {
            Table scored = Predictor.predict(m, DataArgument.read(input, importOptions, err), w -> err.println("warning: " + w));
            io.tablewise.data.CsvExportNode.writeCsv(scored, output);
            out.printf("scored %,d rows with the model of '%s'; wrote %s%n", scored.rowCount(), m.target(), output);
            out.flush();
            return ExitCodes.OK;
        } catch (DataArgument.Refused e) {
            return e.code();
        } catch (NodeException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.NODE_FAILED;
        }
    }
}
