package io.tablewise.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tech.tablesaw.api.StringColumn;

/**
 * Every bias metric against values computed by hand from chosen counts, and against the independent Python reference
 * ({@code bias_reference.py}, committed with its input and output) on 2,000 generated rows of four groups.
 */
class BiasMetricsTest {
    @TempDir
    Path dir;

    private static double v(List<BiasMetrics.Value> values, BiasMetrics.Metric m) {
        return values.stream().filter(x -> x.metric() == m).findFirst().orElseThrow().value();
    }

    @Test
    void equalHandComputedValues() {
        // group d: 10 TP, 5 FP, 10 FN, 25 TN (50 rows); the rest a: 40 TP, 10 FP, 10 FN, 40 TN (100 rows)
        List<BiasMetrics.Value> m = BiasMetrics.measure(new BiasMetrics.Counts(10, 5, 10, 25),
                new BiasMetrics.Counts(40, 10, 10, 40), 1);
        assertEquals(1 / 3.0, v(m, BiasMetrics.Metric.CI), 1e-12);            // (100 - 50) / 150
        assertEquals(0.1, v(m, BiasMetrics.Metric.DPL), 1e-12);               // 0.5 - 0.4
        assertEquals(0.5 * Math.log(0.5 / 0.4) + 0.5 * Math.log(0.5 / 0.6), v(m, BiasMetrics.Metric.KL), 1e-12);
        assertEquals(0.0050594, v(m, BiasMetrics.Metric.JS), 1e-6);           // against M = (0.45, 0.55)
        assertEquals(Math.sqrt(2) * 0.1, v(m, BiasMetrics.Metric.LP), 1e-12);
        assertEquals(0.1, v(m, BiasMetrics.Metric.TVD), 1e-12);
        assertEquals(0.1, v(m, BiasMetrics.Metric.KS), 1e-12);
        assertEquals(0.2, v(m, BiasMetrics.Metric.DPPL), 1e-12);              // 50/100 - 15/50
        assertEquals(0.6, v(m, BiasMetrics.Metric.DI), 1e-12);                // 0.3 / 0.5
        assertEquals(1 - 20 / 15.0, v(m, BiasMetrics.Metric.DCA), 1e-12);     // 50/50 - 20/15
        assertEquals(0.3, v(m, BiasMetrics.Metric.RD), 1e-12);                // 40/50 - 10/20
        assertEquals(0.2 - 5 / 30.0, v(m, BiasMetrics.Metric.FPRD), 1e-12);   // 10/50 - 5/30
        assertEquals(0.3, v(m, BiasMetrics.Metric.EOD), 1e-12);
        assertEquals(0.1, v(m, BiasMetrics.Metric.AD), 1e-12);                // 80/100 - 35/50
        assertEquals(0.8 - 10 / 15.0, v(m, BiasMetrics.Metric.PD), 1e-12);    // 40/50 - 10/15
        assertEquals(1.0, v(m, BiasMetrics.Metric.TE), 1e-12);                // 10/5 - 10/10
        for (BiasMetrics.Value x : m) {
            assertTrue(x.low() <= x.value() + 1e-9 && x.value() <= x.high() + 1e-9 || Double.isNaN(x.low()),
                    x.metric() + " lies in its interval " + x);
        }
        BiasMetrics.Value di = m.stream().filter(x -> x.metric() == BiasMetrics.Metric.DI).findFirst().orElseThrow();
        assertTrue(di.high() - di.low() > 0.1 && di.high() - di.low() < 0.6, "a plausible interval for 50 rows: "
                + di);
    }

    @Test
    void equalTheIndependentPythonComputation() throws Exception {
        List<String> groups = new ArrayList<>();
        List<Boolean> labels = new ArrayList<>();
        List<Boolean> predicted = new ArrayList<>();
        String input;
        try (InputStream in = getClass().getResourceAsStream("bias_reference_input.csv")) {
            input = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (String line : input.split("\n")) {
            if (line.isBlank() || line.startsWith("group,")) {
                continue;
            }
            String[] p = line.split(",");
            groups.add(p[0]);
            labels.add(p[1].equals("1"));
            predicted.add(p[2].equals("1"));
        }
        FacetGroups facet = FacetGroups.of(StringColumn.create("education", groups), null, Double.NaN, 4);
        boolean[] pred = new boolean[predicted.size()];
        for (int i = 0; i < pred.length; i++) {
            pred[i] = predicted.get(i);
        }
        BiasReport report = facet.report("education", "hired", "yes", labels.toArray(new Boolean[0]), pred, null, 5);
        JsonNode expected;
        try (InputStream in = getClass().getResourceAsStream("bias_reference_expected.json")) {
            expected = new ObjectMapper().readTree(in);
        }
        assertEquals(expected.size(), report.groups().size());
        for (BiasReport.Group g : report.groups()) {
            JsonNode e = expected.get(g.name());
            assertEquals(e.get("group").get(0).asLong(), g.group().tp());
            assertEquals(e.get("rest").get(3).asLong(), g.rest().tn());
            for (BiasMetrics.Value x : g.values()) {
                JsonNode want = e.get("metrics").get(x.metric().name());
                if (want.isNull()) {
                    assertTrue(!Double.isFinite(x.value()), x.metric() + " is undefined for " + g.name());
                } else {
                    assertEquals(want.asDouble(), x.value(), 1e-12, g.name() + " " + x.metric());
                }
            }
        }
        rerunThePythonScriptWhenItIsHere(input, expected);
    }

    /** The committed output is the script's: run it again where Python 3 is installed. */
    private void rerunThePythonScriptWhenItIsHere(String input, JsonNode expected) throws Exception {
        Path script = dir.resolve("bias_reference.py");
        try (InputStream in = getClass().getResourceAsStream("bias_reference.py")) {
            Files.write(script, in.readAllBytes());
        }
        Path data = Files.writeString(dir.resolve("input.csv"), input);
        Process p;
        try {
            p = new ProcessBuilder("python3", script.toString(), data.toString()).redirectErrorStream(false).start();
        } catch (java.io.IOException e) {
            Assumptions.abort("python3 is not installed: the committed reference output was checked, not re-run");
            return;
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor());
        assertEquals(expected, new ObjectMapper().readTree(out), "the committed output is the script's");
    }
}
