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

        // the detector it saved scores another month's rows by the same yardstick
        assertTrue(Files.isRegularFile(dir.resolve("found/model/anomaly-model.json")));
        Path next = dir.resolve("next.csv");
        assertEquals(0, run(new StringWriter(), new StringWriter(), "generate", "transactions", "--out",
                next.toString(), "--rows", "3000", "--seed", "12"));
        StringWriter scored = new StringWriter();
        StringWriter scoredErr = new StringWriter();
        assertEquals(0, run(scored, scoredErr, "anomalies", next.toString(), "--model", dir.resolve("found/model")
                .toString(), "--out", dir.resolve("next").toString()), scoredErr.toString());
        List<String> nextLines = Files.readAllLines(dir.resolve("next/anomalies.csv"));
        assertEquals(3001, nextLines.size());
        long flagged = nextLines.stream().skip(1).filter(l -> l.contains(",true,")).count();
        assertTrue(flagged > 5 && flagged < 90, flagged + " of 3,000 new rows flagged");
        // 'predict' takes the detector as it takes any saved model
        StringWriter predicted = new StringWriter();
        assertEquals(0, run(predicted, new StringWriter(), "predict", "--model", dir.resolve("found/model").toString(),
                "--input", next.toString(), "--output", dir.resolve("predicted.csv").toString()));
        assertTrue(predicted.toString().startsWith("scored 3,000 rows with the anomaly detector: " + flagged
                + " flagged"), predicted.toString());
        assertEquals(nextLines, Files.readAllLines(dir.resolve("predicted.csv")));
        StringWriter noModel = new StringWriter();
        assertEquals(2, run(new StringWriter(), noModel, "anomalies", next.toString(), "--model", dir.toString(),
                "--out", dir.resolve("y").toString()));
        assertTrue(noModel.toString().contains("holds no anomaly detector"), noModel.toString());

        StringWriter bad = new StringWriter();
        assertEquals(2, run(new StringWriter(), bad, "anomalies", data.toString(), "--share", "0.9", "--out",
                dir.resolve("x").toString()));
        assertTrue(bad.toString().contains("between 0 and 0.5"), bad.toString());
    }

    @Test
    void aFlowSavesItsDetectorAndAnotherFlowScoresANewMonthWithIt() throws Exception {
        assertEquals(0, run(new StringWriter(), new StringWriter(), "generate", "transactions", "--out",
                dir.resolve("jan.csv").toString(), "--rows", "4000", "--seed", "21"));
        assertEquals(0, run(new StringWriter(), new StringWriter(), "generate", "transactions", "--out",
                dir.resolve("feb.csv").toString(), "--rows", "2000", "--seed", "22"));
        String flow = """
                {"format": "tablewise.flow", "formatVersion": 1, "name": "%s",
                 "nodes": [
                  {"id": "rows", "type": "data.import.csv", "typeVersion": 1, "params": {"path": "%s"}},
                  {"id": "find", "type": "insights.anomalies", "typeVersion": 1,
                   "params": {"exclude": ["kind"], %s}},
                  {"id": "save", "type": "data.export.csv", "typeVersion": 1, "params": {"path": "%s"}}],
                 "edges": [
                  {"from": {"node": "rows", "port": "table"}, "to": {"node": "find", "port": "table"}},
                  {"from": {"node": "find", "port": "table"}, "to": {"node": "save", "port": "table"}}]}
                """;
        Files.writeString(dir.resolve("make.flow"), String.format(flow, "make", "jan.csv",
                "\"save\": \"detector\"", "jan-scored.csv"));
        Files.writeString(dir.resolve("use.flow"), String.format(flow, "use", "feb.csv",
                "\"detector\": \"detector\"", "feb-scored.csv"));
        StringWriter err = new StringWriter();
        assertEquals(0, run(new StringWriter(), err, "run", dir.resolve("make.flow").toString(), "--plain"),
                err.toString());
        assertTrue(Files.isRegularFile(dir.resolve("detector/anomaly-model.json")));
        StringWriter out = new StringWriter();
        assertEquals(0, run(out, err, "run", dir.resolve("use.flow").toString(), "--plain"), err.toString());
        List<String> feb = Files.readAllLines(dir.resolve("feb-scored.csv"));
        assertEquals(2001, feb.size());
        long flagged = feb.stream().skip(1).filter(l -> l.contains(",true,")).count();
        assertTrue(flagged > 2 && flagged < 80, flagged + " of 2,000 February rows flagged");
    }

    @Test
    void theNodeFindsBurstsInTimeWhenGivenATimeColumn() throws Exception {
        assertEquals(0, run(new StringWriter(), new StringWriter(), "generate", "transactions", "--out",
                dir.resolve("tx.csv").toString(), "--rows", "12000", "--seed", "5"));
        Files.writeString(dir.resolve("bursts.flow"), """
                {"format": "tablewise.flow", "formatVersion": 1, "name": "bursts",
                 "nodes": [
                  {"id": "rows", "type": "data.import.csv", "typeVersion": 1, "params": {"path": "tx.csv"}},
                  {"id": "find", "type": "insights.anomalies", "typeVersion": 1,
                   "params": {"time": "time", "label": "kind", "positive": "burst"}},
                  {"id": "save", "type": "data.export.csv", "typeVersion": 1, "params": {"path": "found.csv"}}],
                 "edges": [
                  {"from": {"node": "rows", "port": "table"}, "to": {"node": "find", "port": "table"}},
                  {"from": {"node": "find", "port": "table"}, "to": {"node": "save", "port": "table"}}]}
                """);
        StringWriter err = new StringWriter();
        assertEquals(0, run(new StringWriter(), err, "run", dir.resolve("bursts.flow").toString(), "--plain"),
                err.toString());
        List<String> lines = Files.readAllLines(dir.resolve("found.csv"));
        long bursts = lines.stream().filter(l -> l.contains(",burst,")).count();
        long found = lines.stream().filter(l -> l.contains(",burst,") && l.contains(",true,")).count();
        assertTrue(bursts >= 30 && found >= 0.95 * bursts, found + " of " + bursts + " burst rows flagged");
    }
}
