package io.tablewise.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import io.tablewise.sample.ChurnGenerator;
import io.tablewise.sample.WideTableGenerator;

/** {@code tablewise generate churn|houses|loans|hiring|transactions|retail|wide}: writes the seeded sample and benchmark tables. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write a seeded, generated table: 'churn' (the sample project's customers), 'houses', "
                + "'loans', 'hiring' (past hiring decisions with a known bias against gender F: a log-odds penalty of "
                + "1.2 at equal merit), 'transactions' (card purchases with injected anomalies of known kinds, marked "
                + "in the column kind), 'retail' (daily sales of store x item series with weekly and yearly seasons, "
                + "promotions and Korean holidays, the true mean in the column expected) or 'wide' (the 20-column "
                + "benchmark table).")
final class GenerateCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "KIND", description = "churn, houses, loans, hiring, transactions, retail or wide")
    private String kind;

    @Option(names = "--rows",
            description = "Rows to write (default: 6000 for churn, 4000 for houses, 5000 for loans and hiring, 1000000 for wide).")
    private Integer rows;

    @Option(names = "--series", paramLabel = "N", description = "retail only: store x item series (default 500).")
    private Integer series;

    @Option(names = "--days", paramLabel = "N", description = "retail only: days of each series from 2024-01-01 "
            + "(default 1095, three years).")
    private Integer days;

    @Option(names = "--future", paramLabel = "N", defaultValue = "0", description = "retail only: the last N days as "
            + "the future to forecast (promotions and prices given, sales blank).")
    private int future;

    @Option(names = "--later", description = "churn only: the same customers half a year later, after a price rise "
            + "(higher fees, more month-to-month contracts and mobile payments, more support calls): drifted data for "
            + "the monitor.")
    private boolean later;

    @Option(names = "--seed", defaultValue = "20261122", description = "Random seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE", description = "The CSV file to write.")
    private Path out;

    @Override
    public Integer call() throws IOException {
        switch (kind) {
            case "churn" -> {
                if (later) {
                    ChurnGenerator.writeLater(out, rows == null ? 6000 : rows, seed);
                } else {
                    ChurnGenerator.write(out, rows == null ? 6000 : rows, seed);
                }
            }
            case "houses" -> io.tablewise.sample.HousePricesGenerator.write(out, rows == null ? 4000 : rows, seed);
            case "loans" -> io.tablewise.sample.LoanGradeGenerator.write(out, rows == null ? 5000 : rows, seed);
            case "wide" -> WideTableGenerator.write(out, rows == null ? 1_000_000 : rows, seed);
            case "transactions" -> io.tablewise.sample.TransactionsGenerator.write(out, rows == null ? 20_000 : rows,
                    seed);
            case "retail" -> io.tablewise.sample.RetailGenerator.write(out, series == null ? 500 : series,
                    days == null ? 1095 : days, future, seed);
            case "hiring" -> io.tablewise.sample.HiringGenerator.write(out, rows == null ? 5000 : rows, seed);
            default -> {
                spec.commandLine().getErr().println("error: KIND must be churn, houses, loans, hiring, "
                        + "transactions, retail or wide, not '" + kind + "'");
                return ExitCodes.INVALID;
            }
        }
        spec.commandLine().getOut().println("wrote " + out);
        return ExitCodes.OK;
    }
}
