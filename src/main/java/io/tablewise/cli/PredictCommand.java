package io.tablewise.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import tech.tablesaw.api.Table;

import io.tablewise.data.DataFiles;
import io.tablewise.data.ImportResult;
import io.tablewise.model.ModelFiles;
import io.tablewise.model.Predictor;
import io.tablewise.model.TrainedModel;
import io.tablewise.node.NodeException;
import io.tablewise.node.ProgressMonitor;

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
        if (!Files.isRegularFile(input)) {
            err.println("error: " + input + " does not exist or is not a file");
            return ExitCodes.INVALID;
        }
        try {
            ImportResult imported = DataFiles.read(input, ProgressMonitor.NONE);
            imported.warnings().forEach(w -> err.println("import warning: " + w));
            Table scored = Predictor.predict(m, imported.table(), w -> err.println("warning: " + w));
            io.tablewise.data.CsvExportNode.writeCsv(scored, output);
            out.printf("scored %,d rows with the model of '%s'; wrote %s%n", scored.rowCount(), m.target(), output);
            out.flush();
            return ExitCodes.OK;
        } catch (NodeException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.NODE_FAILED;
        }
    }
}
