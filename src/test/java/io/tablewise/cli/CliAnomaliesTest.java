package io.tablewise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tablewise anomalies} on generated transactions: the files written and the known anomalies ranked. */
class CliAnomaliesTest {
    @TempDir
    Path dir;

    private static int run(StringWriter out, StringWriter err, String... args) {
        return TablewiseCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void theRowsAreScoredFlaggedExplainedAndCheckedAgainstKnownAnswers() throws Exception {
        Path data = dir.resolve("거래.csv");
        assertEquals(0, run(new StringWriter(), new StringWriter(), "generate", "transactions", "--out",
                data.toString(), "--rows", "5000", "--seed", "11"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = run(out, err, "anomalies", data.toString(), "--share", "0.01", "--label", "kind", "--positive",
                "extreme", "--out", dir.resolve("found").toString());
        assertEquals(0, code, err.toString());
        assertTrue(out.toString().startsWith("flagged 50 of 5,000 rows"), out.toString());
        assertTrue(out.toString().matches("(?s).*against kind = extreme: ROC AUC 0\\.9\\d\\d.*"), out.toString());
        List<String> lines = Files.readAllLines(dir.resolve("found/anomalies.csv"));
        assertEquals(5001, lines.size());
        assertTrue(lines.get(0).endsWith(",kind,anomaly_score,anomaly,anomaly_reason"), lines.get(0));
        assertEquals(50, lines.stream().skip(1).filter(l -> l.contains(",true,")).count());
        String summary = Files.readString(dir.resolve("found/summary.json"));
        assertTrue(summary.contains("\"flagged\" : 50") && summary.contains("\"rocAuc\""), summary);

        StringWriter bad = new StringWriter();
        assertEquals(2, run(new StringWriter(), bad, "anomalies", data.toString(), "--share", "0.9", "--out",
                dir.resolve("x").toString()));
        assertTrue(bad.toString().contains("between 0 and 0.5"), bad.toString());
    }
}
