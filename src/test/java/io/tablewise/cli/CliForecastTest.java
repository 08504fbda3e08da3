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

/** {@code tablewise forecast} on monthly series with a known season and trend, per store. */
class CliForecastTest {
    @TempDir
    Path dir;

    @Test
    void everySeriesIsForecastWithItsQuantilesAndBacktests() throws Exception {
        Path data = dir.resolve("sales.csv");
        Files.writeString(data, io.tablewise.forecast.StoreSales.csv(2021, 60, 4));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = TablewiseCommand.execute(new String[] {"forecast", data.toString(), "--time", "month", "--target",
            "sales", "--series", "store", "--horizon", "6", "--out", dir.resolve("f").toString()},
                new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(0, code, err.toString());
        assertTrue(out.toString().startsWith("2 monthly series, 6 periods ahead: Backtest error "), out.toString());
        assertTrue(Files.readString(dir.resolve("f/report.html")).contains("<td class=\"text\">서울</td>"));
        assertTrue(Files.isRegularFile(dir.resolve("f/model/forecast-model.json")));
        // the model folder forecasts again, through 'forecast --model' and through 'predict'
        assertEquals(0, TablewiseCommand.execute(new String[] {"forecast", "--model", dir.resolve("f/model").toString(),
            "--history", data.toString(), "--out", dir.resolve("again").toString()}, new PrintWriter(new StringWriter(),
                true), new PrintWriter(new StringWriter(), true)));
        assertEquals(Files.readAllLines(dir.resolve("f/forecast.csv")), Files.readAllLines(dir.resolve(
                "again/forecast.csv")));
        StringWriter predicted = new StringWriter();
        assertEquals(0, TablewiseCommand.execute(new String[] {"predict", "--model", dir.resolve("f/model").toString(),
            "--input", data.toString(), "--output", dir.resolve("predicted.csv").toString()},
                new PrintWriter(predicted, true), new PrintWriter(new StringWriter(), true)));
        assertTrue(predicted.toString().startsWith("forecast 2 series 6 periods ahead"), predicted.toString());
        assertEquals(Files.readAllLines(dir.resolve("f/forecast.csv")), Files.readAllLines(dir.resolve(
                "predicted.csv")));
        List<String> lines = Files.readAllLines(dir.resolve("f/forecast.csv"));
        assertEquals("store,month,p10,p50,p90", lines.get(0));
        assertEquals(13, lines.size());
        assertTrue(lines.get(1).startsWith("서울,2026-01-01,"), lines.get(1));
        // January 2026 of 서울: 500 + 3 * 60 - 20 = 660, give or take the wiggle
        double p50 = Double.parseDouble(lines.get(1).split(",")[3]);
        assertEquals(660, p50, 15);
        String[] q = lines.get(1).split(",");
        assertTrue(Double.parseDouble(q[2]) <= p50 && p50 <= Double.parseDouble(q[4]), lines.get(1));
        String metrics = Files.readString(dir.resolve("f/metrics.json"));
        assertTrue(metrics.contains("\"leaderboard\"") && metrics.contains("\"seasonalNaiveMase\""), metrics);

        // the same through a flow's Forecast node
        Files.writeString(dir.resolve("forecast.flow"), """
                {"format": "tablewise.flow", "formatVersion": 1, "name": "forecast",
                 "nodes": [
                  {"id": "history", "type": "data.import.csv", "typeVersion": 1, "params": {"path": "sales.csv"}},
                  {"id": "forecast", "type": "model.forecast", "typeVersion": 1,
                   "params": {"time": "month", "target": "sales", "series": ["store"], "horizon": 6}},
                  {"id": "save", "type": "data.export.csv", "typeVersion": 1, "params": {"path": "flow-forecast.csv"}}],
                 "edges": [
                  {"from": {"node": "history", "port": "table"}, "to": {"node": "forecast", "port": "table"}},
                  {"from": {"node": "forecast", "port": "table"}, "to": {"node": "save", "port": "table"}}]}
                """);
        StringWriter flowOut = new StringWriter();
        assertEquals(0, TablewiseCommand.execute(new String[] {"run", dir.resolve("forecast.flow").toString(),
            "--plain"}, new PrintWriter(flowOut, true), new PrintWriter(new StringWriter(), true)), flowOut.toString());
        assertEquals(lines, Files.readAllLines(dir.resolve("flow-forecast.csv")), "the node and the command agree");

        StringWriter bad = new StringWriter();
        assertEquals(2, TablewiseCommand.execute(new String[] {"forecast", data.toString(), "--time", "month",
            "--target", "sales", "--horizon", "6", "--out", dir.resolve("g").toString()},
                new PrintWriter(new StringWriter(), true), new PrintWriter(bad, true)));
        assertTrue(bad.toString().contains("has two values for 2021-01-01"), bad.toString());
    }
}
