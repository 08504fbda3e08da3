package io.tablewise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import tech.tablesaw.api.Table;

import io.tablewise.data.csv.CsvOptions;
import io.tablewise.data.csv.DelimitedReader;
import io.tablewise.node.ProgressMonitor;

/** The CLI as a user runs it: real flow files, real data, exit codes, printed output and written files. */
class CliEndToEndTest {
    static final Path SAMPLE = Path.of("projects-sample/customer-churn/customer-churn.flow");

    @TempDir
    Path dir;

    /** Exit code and captured output of one CLI call. */
    record Outcome(int code, String out, String err) {
    }

    static Outcome cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = TablewiseCommand.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Outcome(code, out.toString(), err.toString());
    }

    private static Table read(Path file) throws Exception {
        return new DelimitedReader().read(file, CsvOptions.defaults(), ProgressMonitor.NONE).table();
    }

    @Test
    void sampleProjectRunsAndExportsAFaithfulCopy() throws Exception {
        Outcome o = cli("run", SAMPLE.toString(), "--out", dir.toString(), "--plain");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().lines().anyMatch(l -> l.matches("import +done +6,000 .*")), o.out());
        assertTrue(o.out().lines().anyMatch(l -> l.matches("insights +done .*")), o.out());
        assertTrue(o.out().contains("6,000"), o.out());
        assertTrue(o.err().contains("import: running") && o.err().contains("export: done"), o.err());
        Table original = read(SAMPLE.resolveSibling("data/customers.csv"));
        Table copy = read(dir.resolve("output/customers-copy.csv"));
        assertEquals(original.columnNames(), copy.columnNames());
        assertEquals(original.rowCount(), copy.rowCount());
        for (int c = 0; c < original.columnCount(); c++) {
            assertEquals(original.column(c).asList(), copy.column(c).asList(), original.column(c).name());
        }
        assertTrue(original.stringColumn("region").countOccurrences("서울") > 0, "Korean text survives");
        String page = Files.readString(dir.resolve("output/customers-insights.html"));
        assertTrue(page.contains("Target: churned") && page.contains("Quick model"), "the insights page");

        Table features = read(dir.resolve("output/customers-features.csv"));
        assertEquals(6000, features.rowCount());
        assertEquals(0, features.column("satisfaction").countMissing(), "missing satisfaction filled");
        double median = original.numberColumn("satisfaction").median();
        long filled = original.column("satisfaction").countMissing();
        assertEquals(filled + original.numberColumn("satisfaction").isEqualTo(median).size(),
                features.numberColumn("satisfaction").isEqualTo(median).size(), "filled with the median");
        assertTrue(!features.columnNames().contains("customer_id") && features.columnNames().contains("region=서울")
                && features.columnNames().contains("signup_date_year"), features.columnNames().toString());
        assertEquals(original.stringColumn("region").isEqualTo("서울").size(),
                (int) features.numberColumn("region=서울").sum(), "one-hot of 서울");
        assertEquals(Set.of("new", "settled", "loyal"), new HashSet<>(features.stringColumn("tenure_band").unique()
                .asList()));

        JsonNode metrics = new ObjectMapper().readTree(dir.resolve("output/churn-model/metrics.json").toFile());
        assertTrue(metrics.get("test").get("auc").asDouble() > 0.75, metrics.get("test").toString());
        assertTrue(Files.isRegularFile(dir.resolve("output/churn-model/model/model.tribuo")));
        Table scored = read(dir.resolve("output/customers-scored.csv"));
        assertEquals(6000, scored.rowCount());
        long agree = 0;
        long no = 0;
        for (int i = 0; i < scored.rowCount(); i++) {
            agree += scored.stringColumn("prediction").get(i).equals(scored.stringColumn("churned").get(i)) ? 1 : 0;
            no += scored.stringColumn("churned").get(i).equals("no") ? 1 : 0;
        }
        // The threshold maximises F1, not accuracy; still the model must beat always answering the majority class.
        assertTrue(agree > no, "predictions beat the majority class: " + agree + " vs " + no);
    }

    @Test
    void anotherEngineNotOnTheClassPathIsExplainedNotGuessed() throws Exception {
        // the Spark engine is a separate artifact (src/spark): without its jar, say how to get it and run nothing
        Outcome spark = cli("run", SAMPLE.toString(), "--out", dir.toString(), "--engine", "spark");
        assertEquals(2, spark.code(), spark.err());
        assertTrue(spark.err().contains("the spark engine is not on this installation's class path")
                && spark.err().contains("spark-submit --class io.tablewise.Main"), spark.err());
        assertTrue(!Files.exists(dir.resolve("output")), "nothing ran");
        Outcome other = cli("run", SAMPLE.toString(), "--engine", "flink");
        assertEquals(2, other.code());
        assertTrue(other.err().contains("Engines: embedded, spark."), other.err());
        Outcome stray = cli("run", SAMPLE.toString(), "--out", dir.toString(), "--master", "local[2]");
        assertEquals(2, stray.code());
        assertTrue(stray.err().contains("--master and --conf are settings of --engine spark"), stray.err());
    }

    @Test
    void profileWritesTheReportsAndPrintsTheHeadlines() throws Exception {
        Path data = SAMPLE.resolveSibling("data/customers.csv");
        Path html = dir.resolve("p.html");
        Path json = dir.resolve("p.json");
        Outcome o = cli("profile", data.toString(), "--target", "churned", "--html", html.toString(), "--json",
                json.toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("6,000 rows") || o.out().contains("6,000"), o.out());
        assertTrue(o.out().contains("quick model") && o.out().contains("auc"), o.out());
        assertTrue(o.out().contains("'customer_id' looks like an identifier"), o.out());
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertEquals(6000, report.get("summary").get("rows").asInt());
        assertEquals("churned", report.get("target").get("column").asText());
        assertTrue(report.get("quickModel").get("metrics").get("auc").asDouble() > 0.7);
        assertTrue(Files.readString(html).contains("Data insights: customers"));
    }

    @Test
    void biasOfAModelOnGeneratedHiringDecisions() throws Exception {
        Path data = dir.resolve("hiring.csv");
        assertEquals(0, cli("generate", "hiring", "--rows", "4000", "-o", data.toString()).code());
        Path out = dir.resolve("hire");
        Outcome t = cli("train", data.toString(), "--target", "hired", "--exclude", "applicant_id", "--out",
                out.toString());
        assertEquals(0, t.code(), t.err());
        Path json = dir.resolve("bias.json");
        Path html = dir.resolve("bias.html");
        Outcome b = cli("bias", "--model", out.resolve("model").toString(), "--input", data.toString(), "--facet",
                "gender", "--json", json.toString(), "--html", html.toString());
        assertEquals(0, b.code(), b.err());
        assertTrue(b.out().contains("gender = F") && b.out().contains("below the four-fifths rule"), b.out());
        assertTrue(b.out().lines().anyMatch(l -> l.startsWith("F ")) && b.out().lines().anyMatch(l -> l.startsWith("M ")),
                b.out());
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertTrue(report.get("summary").get("disparateImpact").asDouble() < 0.8, report.toString());
        assertTrue(Files.readString(html).contains("Treatment equality"));
        Outcome ages = cli("bias", "--model", out.resolve("model").toString(), "--input", data.toString(), "--facet",
                "age", "--threshold", "40");
        assertEquals(0, ages.code(), ages.err());
        assertTrue(ages.out().contains("<= 40") && ages.out().contains("> 40"), ages.out());
        Outcome wrong = cli("bias", "--model", out.resolve("model").toString(), "--input", data.toString(), "--facet",
                "gender", "--facet-value", "X");
        assertEquals(1, wrong.code());
        assertTrue(wrong.err().contains("'gender' has no value 'X'"), wrong.err());
    }

    @Test
    void monitorExitsWithThreeOnViolationsAndZeroOnAFreshBatch() throws Exception {
        Path data = dir.resolve("hiring.csv");
        assertEquals(0, cli("generate", "hiring", "--rows", "4000", "-o", data.toString()).code());
        Path fresh = dir.resolve("fresh.csv");
        assertEquals(0, cli("generate", "hiring", "--rows", "2000", "--seed", "5", "-o", fresh.toString()).code());
        Path out = dir.resolve("hire");
        assertEquals(0, cli("train", data.toString(), "--target", "hired", "--exclude", "applicant_id", "--out",
                out.toString()).code());
        Outcome ok = cli("monitor", "--model", out.resolve("model").toString(), "--input", fresh.toString());
        assertEquals(0, ok.code(), ok.out() + ok.err());
        assertTrue(ok.out().contains("fresh.csv: 2,000 rows; 0 violations"), ok.out());
        // the same applicants ten years older, their scores written with a comma
        List<String> lines = Files.readAllLines(fresh);
        List<String> older = new java.util.ArrayList<>(List.of(lines.get(0)));
        for (String line : lines.subList(1, lines.size())) {
            String[] p = line.split(",");
            p[2] = Integer.toString(Integer.parseInt(p[2]) + 10);
            older.add(String.join(",", p));
        }
        Path changed = Files.write(dir.resolve("older.csv"), older);
        Path json = dir.resolve("monitor.json");
        Outcome bad = cli("monitor", "--model", out.resolve("model").toString(), "--input", changed.toString(),
                "--json", json.toString());
        assertEquals(3, bad.code(), bad.out() + bad.err());
        assertTrue(bad.out().contains("'age' moved from a median of"), bad.out());
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertEquals("tablewise.monitor", report.get("format").asText());
        assertTrue(report.get("drifted").toString().contains("age"), report.toString());
        Path base = dir.resolve("base");
        Outcome made = cli("monitor", "baseline", "--model", out.resolve("model").toString(), "--input",
                data.toString(), "--out", base.toString());
        assertEquals(0, made.code(), made.err());
        assertTrue(Files.readString(base.resolve("constraints.json")).contains("minCompleteness"));
        assertEquals(3, cli("monitor", "--model", out.resolve("model").toString(), "--input", changed.toString(),
                "--baseline", base.resolve("baseline.json").toString(), "--constraints",
                base.resolve("constraints.json").toString()).code());
        // a folder of batches in name order: a timeline of each column's drift, as JSON and as a heat map
        Path batches = Files.createDirectories(dir.resolve("batches"));
        Files.copy(fresh, batches.resolve("2026-01.csv"));
        Files.copy(changed, batches.resolve("2026-02.csv"));
        Path page = dir.resolve("monitor.html");
        Outcome both = cli("monitor", "--model", out.resolve("model").toString(), "--input", batches.toString(),
                "--json", json.toString(), "--html", page.toString());
        assertEquals(3, both.code(), both.err());
        JsonNode timeline = new ObjectMapper().readTree(json.toFile());
        assertEquals(2, timeline.get("batches").size());
        assertEquals("2026-01.csv", timeline.get("batches").get(0).get("batch").asText());
        JsonNode age = timeline.get("timeline").get("age");
        assertTrue(age.get(0).asDouble() < 0.1 && age.get(1).asDouble() >= 0.2, timeline.get("timeline").toString());
        assertTrue(Files.readString(page).contains("Drift over the batches"));
        // the endpoint's capture: an hour like training and an hour ten years older, feedback for the first
        Path capture = dir.resolve("capture");
        try (io.tablewise.capture.CaptureWriter w = new io.tablewise.capture.CaptureWriter(capture, "capture");
             io.tablewise.capture.CaptureWriter f = new io.tablewise.capture.CaptureWriter(capture, "feedback")) {
            for (String[] hour : new String[][] {{"2026-12-03T09:", fresh.toString()}, {"2026-12-03T10:",
                changed.toString()}}) {
                List<String> rows = Files.readAllLines(Path.of(hour[1]));
                for (int i = 1; i < rows.size(); i++) {
                    String[] p = rows.get(i).split(",");
                    java.util.Map<String, Object> input = new java.util.LinkedHashMap<>();
                    input.put("gender", p[1]);
                    input.put("age", Integer.parseInt(p[2]));
                    input.put("experience_years", Integer.parseInt(p[3]));
                    input.put("test_score", Double.parseDouble(p[4]));
                    input.put("education", p[5]);
                    input.put("region", p[6]);
                    String time = hour[0] + String.format(java.util.Locale.ROOT, "%02d:00Z", i % 60);
                    w.add(new io.tablewise.capture.CaptureRecord(hour[0] + i, 0, time, "A", "hire", "v1", false, 1,
                            input, "no", java.util.Map.of()));
                    if (hour[0].endsWith("09:")) {
                        f.add(new io.tablewise.capture.FeedbackRecord(hour[0] + i, 0, p[7], time));
                    }
                }
            }
        }
        Outcome watched = cli("monitor", "--model", out.resolve("model").toString(), "--capture", capture.toString(),
                "--json", json.toString());
        assertEquals(3, watched.code(), watched.out() + watched.err());
        JsonNode hours = new ObjectMapper().readTree(json.toFile()).get("batches");
        assertEquals(List.of("capture-20261203-09", "capture-20261203-10"), List.of(hours.get(0).get("batch")
                .asText(), hours.get(1).get("batch").asText()));
        assertEquals(0, hours.get(0).get("violations").asInt(), hours.get(0).toString());
        assertTrue(hours.get(0).get("findings").toString().contains("\"model_quality\""), hours.get(0).toString());
        assertTrue(hours.get(1).get("drifted").toString().contains("age"));
        assertTrue(watched.err().contains("capture-20261203-10: its quality is not measured"), watched.err());
        Files.writeString(dir.resolve("broken.json"), "{\"format\": \"tablewise.constraints\", \"formatVersion\": 1,");
        Outcome broken = cli("monitor", "--model", out.resolve("model").toString(), "--input", fresh.toString(),
                "--constraints", dir.resolve("broken.json").toString());
        assertEquals(2, broken.code());
        assertTrue(broken.err().contains("broken.json is not valid JSON"), broken.err());
    }

    @Test
    void trainThenPredictWithoutAFlow() throws Exception {
        Path data = SAMPLE.resolveSibling("data/customers.csv");
        Path out = dir.resolve("build");
        Outcome t = cli("train", data.toString(), "--target", "churned", "--exclude", "customer_id", "--out",
                out.toString());
        assertEquals(0, t.code(), t.err());
        assertTrue(t.out().contains("binary model of 'churned'") && t.out().contains("auc"), t.out());
        JsonNode metrics = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
        assertEquals("binary", metrics.get("problemType").asText());
        assertEquals("auc", metrics.get("objective").asText());
        double auc = metrics.get("test").get("auc").asDouble();
        assertTrue(auc > 0.75 && auc < 1, "churn is learnable but not trivial: " + auc);
        assertTrue(metrics.get("test").has("logLoss") && metrics.get("test").has("f1"));
        assertEquals(1, metrics.get("leaderboard").size());
        String report = Files.readString(out.resolve("report.html"));
        assertTrue(report.contains("Confusion matrix") && report.contains("Why the model predicts what it does")
                && report.contains("Partial dependence") && report.contains("Bias on the test rows"));
        assertTrue(Files.isRegularFile(out.resolve("model/manifest.json")));

        Path scored = dir.resolve("scored.csv");
        Outcome p = cli("predict", "--model", out.resolve("model").toString(), "--input", data.toString(),
                "--output", scored.toString());
        assertEquals(0, p.code(), p.err());
        Table result = read(scored);
        assertEquals(6000, result.rowCount());
        assertTrue(result.columnNames().containsAll(List.of("prediction", "probability_no", "probability_yes")));

        Path explained = dir.resolve("explained.csv");
        Outcome e = cli("predict", "--model", out.resolve("model").toString(), "--input", data.toString(),
                "--output", explained.toString(), "--explain");
        assertEquals(0, e.code(), e.err());
        assertTrue(e.out().contains("TreeSHAP") && e.out().contains("log-odds of 'yes'"), e.out());
        Table shap = read(explained);
        List<String> parts = shap.columnNames().stream().filter(n -> n.startsWith("shap_") && !n.equals("shap_base"))
                .toList();
        assertTrue(parts.contains("shap_monthly_fee") && parts.contains("shap_plan"), parts.toString());
        for (int r = 0; r < shap.rowCount(); r += 97) {
            double margin = shap.numberColumn("shap_base").getDouble(r);
            for (String c : parts) {
                margin += shap.numberColumn(c).getDouble(r);
            }
            double p1 = shap.numberColumn("probability_yes").getDouble(r);
            assertEquals(p1, 1 / (1 + Math.exp(-margin)), 1e-6, "base plus the values is the model's log-odds");
        }

        Path broken = dir.resolve("broken.csv");
        Files.writeString(broken, "region,plan\n서울,Basic\n");
        Outcome bad = cli("predict", "--model", out.resolve("model").toString(), "--input", broken.toString(),
                "--output", dir.resolve("x.csv").toString());
        assertEquals(1, bad.code());
        assertTrue(bad.err().contains("which the model needs"), bad.err());
        assertEquals(2, cli("predict", "--model", dir.resolve("none").toString(), "--input", data.toString(),
                "--output", dir.resolve("y.csv").toString()).code());
        assertEquals(2, cli("train", data.toString(), "--target", "churn", "--out", out.toString()).code());
        Outcome regression = cli("train", data.toString(), "--target", "monthly_fee", "--problem-type", "regression",
                "--out", dir.resolve("fee").toString());
        assertEquals(0, regression.code(), regression.err());
        assertTrue(regression.out().contains("regression model of 'monthly_fee'") && regression.out().contains("r2"),
                regression.out());
    }

    @Test
    void aTrainRunRecordRebuildsTheChosenModelToIdenticalPredictions() throws Exception {
        Path data = dir.resolve("customers.csv");
        Files.copy(SAMPLE.resolveSibling("data/customers.csv"), data);
        Path first = dir.resolve("first");
        Outcome t = cli("train", data.toString(), "--target", "churned", "--exclude", "customer_id", "--mode", "auto",
                "--budget", "8", "--max-candidates", "6", "--out", first.toString());
        assertEquals(0, t.code(), t.err());
        JsonNode record = new ObjectMapper().readTree(first.resolve("run.json").toFile());
        assertEquals("tablewise.train-run", record.get("format").asText());
        assertEquals(data.toAbsolutePath().toString(), record.get("data").get("file").asText());
        assertTrue(record.get("model").has("algorithm") && record.has("startedAt"), record.toString());

        Path again = dir.resolve("again");
        Outcome r = cli("train", "--rebuild", first.resolve("run.json").toString(), "--out", again.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode rebuilt = new ObjectMapper().readTree(again.resolve("run.json").toFile());
        assertEquals(record.get("model"), rebuilt.get("model"), "the same settings, rounds included");
        assertEquals(record.get("metrics"), rebuilt.get("metrics"), "the same test metrics");
        for (Path model : List.of(first, again)) {
            assertEquals(0, cli("predict", "--model", model.resolve("model").toString(), "--input", data.toString(),
                    "--output", model.resolve("scored.csv").toString()).code());
        }
        assertEquals(Files.readString(first.resolve("scored.csv")), Files.readString(again.resolve("scored.csv")),
                "identical predictions");

        Files.writeString(data, Files.readString(data).replace("서울", "부산"));
        Outcome changed = cli("train", "--rebuild", first.resolve("run.json").toString(), "--out",
                dir.resolve("third").toString());
        assertEquals(2, changed.code());
        assertTrue(changed.err().contains("has changed since the run"), changed.err());
        assertEquals(2, cli("train", "--out", dir.resolve("x").toString()).code(), "DATA and --target needed");
    }

    @Test
    void sweepsRecordEveryModelBuildAndRunsListsAndComparesThem() throws Exception {
        Outcome sweep = cli("run", SAMPLE.toString(), "--out", dir.toString(), "--plain", "--sweep", "seed=1,2",
                "--sweep", "testShare=0.2,0.3");
        assertEquals(0, sweep.code(), sweep.err());
        assertTrue(sweep.out().contains("sweep: 4 model builds"), sweep.out());
        List<String> lines = Files.readAllLines(dir.resolve("runs/runs.jsonl"));
        assertEquals(4, lines.size());
        JsonNode first = new ObjectMapper().readTree(lines.get(0));
        assertEquals("1", first.get("parameters").get("flow.seed").asText());
        assertEquals("0.2", first.get("parameters").get("model.testShare").asText());
        assertEquals("median", first.get("parameters").get("impute.strategy").asText(), "upstream parameters too");
        assertTrue(first.get("metrics").get("auc").asDouble() > 0.7);
        assertEquals(6000, first.get("data").get("rows").asInt());
        // the model built and the AutoML leaderboard it won (the sample's model node searches 8 candidates)
        JsonNode board = first.get("leaderboard");
        assertTrue(board.size() >= 8, first.toString());
        assertEquals(board.get(0).get("algorithm").asText(), first.get("model").get("algorithm").asText());
        assertEquals(board.get(0).get("family").asText(), first.get("model").get("settings").get("algorithm")
                .asText());
        JsonNode last = new ObjectMapper().readTree(lines.get(3));
        assertEquals("2", last.get("parameters").get("flow.seed").asText());
        assertEquals("0.3", last.get("parameters").get("flow.testShare").asText());

        Outcome list = cli("runs", SAMPLE.toString(), "--out", dir.toString());
        assertEquals(0, list.code(), list.err());
        assertTrue(list.out().contains("4 runs; showing the 4 parameters that differ"), list.out());
        String family = first.get("model").get("settings").get("algorithm").asText();
        assertTrue(list.out().lines().filter(l -> l.startsWith(first.get("runId").asText()))
                .allMatch(l -> l.contains(" " + family + " ")), list.out());
        Outcome compare = cli("runs", SAMPLE.toString(), "--out", dir.toString(), "--compare",
                first.get("runId").asText(), last.get("runId").asText());
        assertEquals(0, compare.code(), compare.err());
        assertTrue(compare.out().lines().anyMatch(l -> l.startsWith("* flow.seed")), compare.out());
        assertTrue(compare.out().lines().anyMatch(l -> l.startsWith("  flow.input")), compare.out());
        Path csv = dir.resolve("runs.csv");
        assertEquals(0, cli("runs", SAMPLE.toString(), "--out", dir.toString(), "--csv", csv.toString()).code());
        Table runs = read(csv);
        assertEquals(4, runs.rowCount());
        assertTrue(runs.columnNames().containsAll(List.of("flow.seed", "algorithm", "auc", "logLoss", "seconds")));
        assertEquals(family, runs.column("algorithm").getString(0));
        assertEquals(2, cli("runs", SAMPLE.toString(), "--out", dir.toString(), "--compare", "nope", "nada").code());
        assertEquals(2, cli("run", SAMPLE.toString(), "--sweep", "sed=1,2").code());
    }

    @Test
    void importOptionsOnTheCommandLine() throws Exception {
        Path file = dir.resolve("korean.txt");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            sb.append(i % 4 == 0 ? "모름" : String.valueOf(20 + i)).append('|').append(i % 2 == 0 ? "서울" : "부산")
                    .append('\n');
        }
        Files.write(file, sb.toString().getBytes(java.nio.charset.Charset.forName("CP949")));
        Outcome o = cli("profile", file.toString(), "--separator", "|", "--encoding", "CP949", "--missing", "모름",
                "--header", "false");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().lines().anyMatch(l -> l.startsWith("column_1") && l.contains("numeric")
                && l.contains(" 10 ")), o.out());
        assertTrue(o.out().contains("column_2"), o.out());
        Outcome bad = cli("profile", file.toString(), "--separator", "ab");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--separator must be one character"), bad.err());
        assertEquals(2, cli("profile", file.toString(), "--encoding", "klingon").code());
    }

    @Test
    void profileRefusesAnUnknownTargetOrAMissingFile() {
        Path data = SAMPLE.resolveSibling("data/customers.csv");
        Outcome o = cli("profile", data.toString(), "--target", "churn");
        assertEquals(2, o.code());
        assertTrue(o.err().contains("did you mean 'churned'"), o.err());
        // no name is close: the columns are listed, so the right one is picked without opening the file
        for (String command : new String[] {"profile", "train"}) {
            Outcome far = command.equals("profile") ? cli("profile", data.toString(), "--target", "income")
                    : cli("train", data.toString(), "--target", "income", "--out", "unused-out");
            assertEquals(2, far.code(), command);
            assertTrue(far.err().contains("no column 'income' (the columns are: customer_id, signup_date, region,")
                    && far.err().contains("churned"), far.err());
        }
        Outcome missing = cli("profile", "no/such/file.csv");
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("no/such/file.csv"), missing.err());
    }

    @Test
    void parameterOverrideRedirectsTheOutput() {
        Outcome o = cli("run", SAMPLE.toString(), "--out", dir.toString(), "--param", "output=renamed.csv");
        assertEquals(0, o.code(), o.err());
        assertTrue(Files.isRegularFile(dir.resolve("renamed.csv")));
    }

    @Test
    void validateAcceptsTheSample() {
        Outcome o = cli("validate", SAMPLE.toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("is valid: 14 nodes, 14 edges"), o.out());
    }

    @Test
    void invalidFlowExitsTwoNamingNodeAndParameter() throws Exception {
        Path flow = dir.resolve("bad.flow");
        Files.writeString(flow, "{\"format\":\"tablewise.flow\",\"formatVersion\":1,\"nodes\":["
                + "{\"id\":\"in\",\"type\":\"data.import.csv\",\"params\":{\"path\":\"missing.csv\"}},"
                + "{\"id\":\"x\",\"type\":\"data.import.cvs\"}],\"edges\":[]}");
        for (String command : new String[] {"validate", "run"}) {
            Outcome o = cli(command, flow.toString());
            assertEquals(2, o.code(), command);
            assertTrue(o.err().contains("node 'in' parameter 'path': data file 'missing.csv' not found"), o.err());
            assertTrue(o.err().contains("unknown node type 'data.import.cvs' (did you mean 'data.import.csv'?)"),
                    o.err());
        }
    }

    @Test
    void keepGoingRunsWhatCanRunAndExitsOne() throws Exception {
        Files.writeString(dir.resolve("points.csv"), "x,y\n3,a\n1,b\n2,c\n");
        Path flow = dir.resolve("half.flow");
        // 'out' exports the sorted rows; 'unset' is a freshly dropped export with no path
        Files.writeString(flow, "{\"format\":\"tablewise.flow\",\"formatVersion\":1,\"nodes\":["
                + "{\"id\":\"in\",\"type\":\"data.import.csv\",\"params\":{\"path\":\"points.csv\"}},"
                + "{\"id\":\"sorted\",\"type\":\"transform.rows.sort\",\"params\":{\"columns\":[\"x\"]}},"
                + "{\"id\":\"out\",\"type\":\"data.export.csv\",\"params\":{\"path\":\"sorted.csv\"}},"
                + "{\"id\":\"unset\",\"type\":\"data.export.csv\"}],\"edges\":["
                + edge("in", "sorted") + "," + edge("sorted", "out") + "," + edge("in", "unset") + "]}");
        Outcome strict = cli("run", flow.toString());
        assertEquals(2, strict.code(), strict.err());
        assertTrue(strict.err().contains("node 'unset' parameter 'path'") && strict.err().contains("--keep-going"),
                strict.err());
        assertTrue(Files.notExists(dir.resolve("sorted.csv")), "nothing ran");
        Outcome going = cli("run", flow.toString(), "--keep-going", "--plain");
        assertEquals(1, going.code(), going.out() + going.err());
        assertEquals(List.of("1", "2", "3"), read(dir.resolve("sorted.csv")).column("x").asList().stream()
                .map(String::valueOf).toList(), "the nodes that can run ran");
        assertTrue(going.out().matches("(?s).*unset\\s+failed.*") && going.out().contains("node 'unset' parameter 'path'"),
                going.out());
    }

    private static String edge(String from, String to) {
        return "{\"from\":{\"node\":\"" + from + "\",\"port\":\"table\"},\"to\":{\"node\":\"" + to
                + "\",\"port\":\"table\"}}";
    }

    @Test
    void brokenJsonExitsTwoWithTheLine() throws Exception {
        Path flow = dir.resolve("broken.flow");
        Files.writeString(flow, "{\n\"format\": \"tablewise.flow\",\n\"formatVersion\": 1,,\n}");
        Outcome o = cli("run", flow.toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains("broken.flow (line 3"), o.err());
    }

    @Test
    void failingNodeExitsOneAndSaysWhy() throws Exception {
        Files.writeString(dir.resolve("ragged.csv"), "a,b\n1,2\n3\n");
        Path flow = dir.resolve("strict.flow");
        Files.writeString(flow, "{\"format\":\"tablewise.flow\",\"formatVersion\":1,\"nodes\":["
                + "{\"id\":\"in\",\"type\":\"data.import.csv\",\"params\":{\"path\":\"ragged.csv\","
                + "\"onError\":\"fail\"}}],\"edges\":[]}");
        Outcome o = cli("run", flow.toString());
        assertEquals(1, o.code(), o.out() + o.err());
        assertTrue(o.out().contains("in    failed") || o.out().contains("failed"), o.out());
        assertTrue(o.out().contains("ragged.csv line 3: fewer fields than the header"), o.out());
    }

    @Test
    void wrongArgumentsExitTwo() {
        assertEquals(2, cli("run").code());
        assertEquals(2, cli("run", SAMPLE.toString(), "--param", "nonsense").code());
        assertEquals(2, cli("run", SAMPLE.toString(), "--param", "nope=1").code());
        assertEquals(2, cli("run", "no/such.flow").code());
        assertEquals(2, cli("frobnicate").code());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "run", "validate", "nodes", "generate", "profile", "train", "predict", "runs"})
    void everyCommandHasHelp(String command) {
        Outcome o = command.isEmpty() ? cli("--help") : cli(command, "--help");
        assertEquals(0, o.code());
        assertTrue(o.out().startsWith("Usage: tablewise"), o.out());
    }

    @Test
    void nodesJsonListsEveryDescriptor() throws Exception {
        Outcome o = cli("nodes", "--json");
        assertEquals(0, o.code());
        JsonNode all = new ObjectMapper().readTree(o.out());
        Set<String> ids = new HashSet<>();
        for (JsonNode d : all) {
            ids.add(d.get("id").asText());
            for (String field : new String[] {"id", "version", "name", "category", "help", "ports", "params"}) {
                assertTrue(d.has(field), field + " in " + d);
            }
        }
        assertTrue(ids.containsAll(Set.of("data.import.csv", "data.import.excel", "data.import.jsonl",
                "data.export.csv", "data.export.excel")), ids.toString());
        JsonNode encoding = all.get(0).get("params").get(1);
        assertEquals("encoding", encoding.get("name").asText());
        assertTrue(encoding.get("allowed").toString().contains("CP949"));
    }

    @Test
    void nodesTextListsParametersWithDefaults() {
        Outcome o = cli("nodes");
        assertTrue(o.out().contains("data.import.csv (v1)  Import CSV / text"), o.out());
        assertTrue(o.out().contains("onError [choice] default=set-missing"), o.out());
    }

    @Test
    void generatorWritesTheSameFileForTheSameSeed() throws Exception {
        cli("generate", "churn", "--rows", "300", "--seed", "5", "--out", dir.resolve("a.csv").toString());
        cli("generate", "churn", "--rows", "300", "--seed", "5", "--out", dir.resolve("b.csv").toString());
        assertEquals(Files.readString(dir.resolve("a.csv"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("b.csv"), StandardCharsets.UTF_8));
        assertEquals(2, cli("generate", "nonsense", "--out", dir.resolve("c.csv").toString()).code());
    }
}
