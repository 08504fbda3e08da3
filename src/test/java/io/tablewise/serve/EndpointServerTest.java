package io.tablewise.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tech.tablesaw.api.Table;

import io.tablewise.capture.CaptureReader;
import io.tablewise.capture.CaptureRecord;
import io.tablewise.model.ModelFiles;
import io.tablewise.model.Predictor;
import io.tablewise.model.TrainedModel;

/** A real endpoint on a free loopback port, through every path, with two churn models built on generated rows. */
class EndpointServerTest {
    @TempDir
    static Path dir;
    static ServeFixtures f;

    @BeforeAll
    static void models() throws Exception {
        f = new ServeFixtures(dir);
    }

    private EndpointServer start(EndpointConfig c) throws Exception {
        return EndpointServer.start(Endpoint.open(c), null);
    }

    private String abConfig(String extra) {
        return "{\"formatVersion\": 1, \"port\": 0, \"variants\": [{\"name\": \"A\", \"model\": \"a/model\", "
                + "\"weight\": 0.7}, {\"name\": \"B\", \"model\": \"b/model\", \"weight\": 0.3}]" + extra + "}";
    }

    @Test
    void answersEveryPathWithTheModelsOwnPredictions() throws Exception {
        EndpointConfig c = f.config("ab.json", abConfig(", \"shadow\": {\"name\": \"S\", \"model\": \"b/model\"}, "
                + "\"capture\": {\"share\": 1.0, \"folder\": \"capture-every\"}"));
        try (EndpointServer s = start(c)) {
            String url = s.url();
            assertEquals(200, f.send("GET", url + "/ping", null).statusCode());

            // JSON rows, sent to A: the answers equal the model's predictions of the same rows read from the file
            List<Map<String, Object>> rows = f.jsonRows(f.rows, 0, 25, "churned");
            HttpResponse<String> r = f.send("POST", url + "/invocations", f.body(rows), "X-Target-Variant", "A");
            assertEquals(200, r.statusCode(), r.body());
            JsonNode answer = ServeFixtures.tree(r);
            assertEquals("A", answer.get("variant").asText());
            assertTrue(answer.get("version").asText().startsWith("a@"), answer.toString());
            assertEquals(r.headers().firstValue("X-Request-Id").orElseThrow(), answer.get("requestId").asText());
            Table expected = Predictor.predict(ModelFiles.load(f.modelA), f.rows.inRange(0, 25), w -> { });
            for (int i = 0; i < 25; i++) {
                JsonNode p = answer.get("predictions").get(i);
                assertEquals(expected.stringColumn("prediction").get(i), p.get("prediction").asText());
                assertEquals(expected.doubleColumn("probability_yes").get(i), p.get("probabilities").get("yes")
                        .asDouble(), 0);
            }

            // the same rows as CSV, sent to B
            String csv = String.join("\n", Files.readAllLines(f.csv).subList(0, 6));
            r = f.send("POST", url + "/invocations", csv.replaceAll(",(yes|no)(\n|$)", "$2")
                    .replace(",churned", ""), "Content-Type", "text/csv", "X-Target-Variant", "B");
            assertEquals(200, r.statusCode(), r.body());
            Table expectedB = Predictor.predict(ModelFiles.load(f.modelB), f.rows.inRange(0, 5), w -> { });
            JsonNode csvAnswer = ServeFixtures.tree(r);
            assertEquals(5, csvAnswer.get("predictions").size());
            for (int i = 0; i < 5; i++) {
                assertEquals(expectedB.doubleColumn("probability_yes").get(i), csvAnswer.get("predictions").get(i)
                        .get("probabilities").get("yes").asDouble(), 0);
            }

            JsonNode variants = ServeFixtures.tree(f.send("GET", url + "/variants", null));
            assertEquals(1, variants.get("variants").get(0).get("requests").asInt());
            assertEquals(1, variants.get("variants").get(1).get("requests").asInt());
            assertEquals(0.7, variants.get("variants").get(0).get("share").asDouble(), 1e-12);
            assertEquals("S", variants.get("shadow").get("name").asText());

            String metrics = f.send("GET", url + "/metrics", null).body();
            assertTrue(metrics.contains("tablewise_requests_total{variant=\"A\"} 1"), metrics);
            assertTrue(metrics.contains("tablewise_rows_total{variant=\"A\"} 25"), metrics);
            assertTrue(metrics.contains("tablewise_request_duration_seconds_count{variant=\"B\"} 1"), metrics);

            JsonNode api = ServeFixtures.tree(f.send("GET", url + "/openapi.json", null));
            assertEquals("3.0.3", api.get("openapi").asText());
            JsonNode props = api.at("/components/schemas/Row/properties");
            assertEquals("integer", props.get("age").get("type").asText());
            assertEquals("number", props.get("monthly_fee").get("type").asText());
            assertEquals("date", props.get("signup_date").get("format").asText());
            assertEquals("boolean", props.get("family_plan").get("type").asText());
            assertFalse(props.has("churned"));

            // outcomes, kept beside the capture
            String fb = "{\"feedback\": [{\"requestId\": \"" + answer.get("requestId").asText() + "\", \"row\": 0, "
                    + "\"actual\": \"yes\"}]}";
            assertEquals(200, f.send("POST", url + "/feedback", fb).statusCode());
        }
        // stopping wrote the capture out: every production row once, and the shadow's copy of both requests
        CaptureReader.Contents capture = CaptureReader.read(dir.resolve("capture-every"));
        assertEquals(0, capture.skippedLines());
        List<CaptureRecord> production = capture.records().stream().filter(x -> !x.shadow()).toList();
        List<CaptureRecord> shadow = capture.records().stream().filter(CaptureRecord::shadow).toList();
        assertEquals(30, production.size());
        assertEquals(30, shadow.size());
        assertTrue(shadow.stream().allMatch(x -> x.variant().equals("S")));
        assertEquals(production.stream().map(CaptureRecord::requestId).distinct().sorted().toList(),
                shadow.stream().map(CaptureRecord::requestId).distinct().sorted().toList());
        CaptureRecord first = production.stream().filter(x -> x.variant().equals("A") && x.row() == 0).findFirst()
                .orElseThrow();
        assertEquals(f.rows.stringColumn("customer_id").get(0), first.input().get("customer_id"));
        assertEquals(1, capture.feedback().size());
        assertEquals("yes", capture.feedback().get(0).actual());
    }

    @Test
    void aRoutingKeyAlwaysReachesTheSameVariantAndKeysShareByWeight() throws Exception {
        try (EndpointServer s = start(f.config("sticky.json", abConfig("")))) {
            String body = f.body(f.jsonRows(f.rows, 0, 1, "churned"));
            Map<String, String> first = new ConcurrentHashMap<>();
            AtomicInteger moved = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int part = t;
                work.add(pool.submit(() -> {
                    for (int i = part; i < 10_000; i += 8) {
                        String key = "customer-" + (i % 5_000); // every key twice
                        HttpResponse<String> r = f.send("POST", s.url() + "/invocations", body, "X-Routing-Key", key);
                        assertEquals(200, r.statusCode(), r.body());
                        String v = ServeFixtures.tree(r).get("variant").asText();
                        String before = first.putIfAbsent(key, v);
                        if (before != null && !before.equals(v)) {
                            moved.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> w : work) {
                w.get();
            }
            pool.shutdown();
            assertEquals(0, moved.get(), "a key reached two variants");
            long toA = first.values().stream().filter("A"::equals).count();
            assertEquals(0.7, toA / 5_000.0, 0.02);
        }
    }

    @Test
    void aWeightChangeOnlyMovesTheKeysItMust() {
        ServedModel m = new ServedModel("x", "x", null);
        List<Variant> before = List.of(new Variant("A", 0.7, m), new Variant("B", 0.3, m));
        List<Variant> after = List.of(new Variant("A", 0.6, m), new Variant("B", 0.4, m));
        int aToB = 0;
        int bToA = 0;
        for (int i = 0; i < 20_000; i++) {
            String key = "k" + i;
            int was = Router.choose(before, key);
            int is = Router.choose(after, key);
            aToB += was == 0 && is == 1 ? 1 : 0;
            bToA += was == 1 && is == 0 ? 1 : 0;
        }
        assertEquals(0, bToA, "a key moved against the change");
        assertEquals(0.1, aToB / 20_000.0, 0.01); // the 10 points of traffic that changed hands, no more
    }

    @Test
    void weightsAndVersionsChangeUnderLoadWithoutAFailedRequest() throws Exception {
        try (EndpointServer s = start(f.config("change.json", abConfig("")))) {
            String body = f.body(f.jsonRows(f.rows, 0, 3, "churned"));
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger failed = new AtomicInteger();
            AtomicInteger answered = new AtomicInteger();
            Map<String, Integer> versions = new ConcurrentHashMap<>();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<?>> load = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                load.add(pool.submit(() -> {
                    while (!stop.get()) {
                        HttpResponse<String> r = f.send("POST", s.url() + "/invocations", body);
                        if (r.statusCode() != 200) {
                            failed.incrementAndGet();
                        } else {
                            answered.incrementAndGet();
                            versions.merge(ServeFixtures.tree(r).get("version").asText(), 1, Integer::sum);
                        }
                    }
                    return null;
                }));
            }
            for (int i = 0; i < 20; i++) {
                String change = i % 2 == 0
                        ? "{\"variants\": [{\"name\": \"A\", \"weight\": 0.1, \"model\": \"b/model\"}]}"
                        : "{\"variants\": [{\"name\": \"A\", \"weight\": 0.9, \"model\": \"a/model\"}]}";
                HttpResponse<String> r = f.send("PUT", s.url() + "/variants", change);
                assertEquals(200, r.statusCode(), r.body());
                Thread.sleep(50);
            }
            JsonNode now = ServeFixtures.tree(f.send("GET", s.url() + "/variants", null));
            stop.set(true);
            for (Future<?> w : load) {
                w.get();
            }
            pool.shutdown();
            assertEquals(0, failed.get());
            assertTrue(answered.get() > 100, "too little load to mean anything: " + answered.get());
            assertEquals(0.9, now.get("variants").get(0).get("weight").asDouble(), 0);
            assertTrue(now.get("variants").get(0).get("version").asText().startsWith("a@"));
            assertTrue(versions.size() >= 2, versions.toString());
        }
    }

    @Test
    void everyBadRequestIsAClearRefusalAndTheServerGoesOn() throws Exception {
        EndpointConfig c = f.config("strict.json", abConfig(", \"limits\": {\"maxRows\": 10, \"maxBodyBytes\": "
                + "20000}"));
        try (EndpointServer s = start(c)) {
            String url = s.url() + "/invocations";
            Map<String, Object> good = f.jsonRows(f.rows, 0, 1, "churned").get(0);
            refused(f.send("POST", url, "{\"rows\": [{\"age\": 3"), 400, null, "not valid JSON");
            Map<String, Object> missing = new HashMap<>(good);
            missing.remove("tenure_months");
            refused(f.send("POST", url, f.body(List.of(good, missing))), 400, "tenure_months", "row 1 has no");
            Map<String, Object> unknown = new HashMap<>(good);
            unknown.put("favourite_colour", "blue");
            refused(f.send("POST", url, f.body(List.of(unknown))), 400, "favourite_colour",
                    "not a column the model knows");
            Map<String, Object> wrong = new HashMap<>(good);
            wrong.put("age", "서른");
            refused(f.send("POST", url, f.body(List.of(good, good, wrong))), 400, "age", "'서른' is not a number");
            refused(f.send("POST", url, f.body(f.jsonRows(f.rows, 0, 11, "churned"))), 400, "rows", "at most 10");
            Map<String, Object> badDate = new HashMap<>(good);
            badDate.put("signup_date", "2025-02-31");
            refused(f.send("POST", url, f.body(List.of(badDate))), 400, "signup_date", "'2025-02-31' is not a date");
            refused(f.send("POST", url, f.body(List.of(good)), "X-Target-Variant", "Z"), 400, "X-Target-Variant",
                    "no variant is called 'Z'");
            refused(f.send("POST", url, "x".repeat(30_000)), 413, null, "larger than");
            refused(f.send("POST", url, "{\"rows\": []}"), 400, "rows", "empty");
            refused(f.send("POST", url, "[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]"), 400, "rows",
                    "needs a \"rows\" array");
            refused(f.send("POST", url, "{\"rows\": [{\"age\": [[[[[[[[[[[[1]]]]]]]]]]]]}]}"), 400, "age",
                    "not a list or an object");
            refused(f.send("POST", url, "{\"rows\": [{\"age\": 1, \"age\": 2}]}"), 400, null, "Duplicate field");
            HttpResponse<String> get = f.send("GET", url, null);
            refused(get, 405, null, "answers POST");
            assertEquals("POST", get.headers().firstValue("Allow").orElseThrow());
            refused(f.send("GET", s.url() + "/etc/passwd", null), 404, null, "no such path");
            refused(f.send("PUT", s.url() + "/variants", "{\"variants\": [{\"name\": \"A\", \"model\": "
                    + "\"/etc\"}]}"), 400, "variants[0].model", "cannot name other files");
            refused(f.send("PUT", s.url() + "/variants", "{\"variants\": [{\"name\": \"A\", \"model\": "
                    + "\"nosuch:3\"}]}"), 422, "variants[0].model", "nothing changed");
            refused(f.send("PUT", s.url() + "/variants", "{\"variants\": [{\"name\": \"A\", \"weight\": 0}, "
                    + "{\"name\": \"B\", \"weight\": 0}]}"), 400, "variants", "add up to 0");
            refused(f.send("POST", s.url() + "/feedback", "{\"feedback\": [{\"requestId\": \"x\"}]}"), 409, null,
                    "capture is off");
            // after all that, it still answers, with the settings it had
            HttpResponse<String> ok = f.send("POST", url, f.body(List.of(good)));
            assertEquals(200, ok.statusCode(), ok.body());
            JsonNode v = ServeFixtures.tree(f.send("GET", s.url() + "/variants", null));
            assertEquals(0.7, v.get("variants").get(0).get("weight").asDouble(), 0);
            assertTrue(v.get("variants").get(0).get("version").asText().startsWith("a@"));
        }
    }

    private static void refused(HttpResponse<String> r, int status, String field, String words) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        JsonNode body = ServeFixtures.tree(r);
        assertTrue(body.get("error").asText().contains(words), body.toString());
        if (field != null) {
            assertEquals(field, body.get("field").asText(), body.toString());
        }
        assertFalse(r.body().contains("Exception") || r.body().contains("\tat "), r.body());
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedAsSuch() throws Exception {
        try (Endpoint e = Endpoint.open(f.config("bytes.json", abConfig("")))) {
            byte[] latin1 = "{\"rows\": [{\"region\": \"São Paulo\"}]}".getBytes(java.nio.charset.StandardCharsets
                    .ISO_8859_1);
            Reply r = e.handle("POST", "/invocations", h -> null, latin1);
            assertEquals(400, r.status());
            assertTrue(r.bodyText().contains("UTF-8"), r.bodyText());
            Reply csv = e.handle("POST", "/invocations", h -> h.equals("Content-Type") ? "text/csv" : null, latin1);
            assertEquals(400, csv.status());
            assertTrue(csv.bodyText().contains("not UTF-8"), csv.bodyText());
        }
    }

    @Test
    void aModelThatFailsToLoadIsNamedAtStart() throws Exception {
        EndpointConfig c = f.config("broken.json", "{\"formatVersion\": 1, \"variants\": [{\"name\": \"A\", "
                + "\"model\": \"nowhere/model\"}]}");
        EndpointException e = org.junit.jupiter.api.Assertions.assertThrows(EndpointException.class,
                () -> Endpoint.open(c));
        assertTrue(e.getMessage().startsWith("variant 'A': "), e.getMessage());
        assertTrue(e.getMessage().contains("nowhere"), e.getMessage());
    }

    @Test
    void configurationMistakesNameTheFileAndField() throws Exception {
        String[][] cases = {
            {"{\"variants\": []}", "formatVersion is required"},
            {"{\"formatVersion\": 9, \"variants\": []}", "from a newer Tablewise"},
            {"{\"formatVersion\": 1, \"variants\": []}", "variants needs at least one"},
            {"{\"formatVersion\": 1, \"variants\": [{\"name\": \"A\", \"model\": \"m\", \"weight\": -1}]}",
                "variants[0].weight is -1"},
            {"{\"formatVersion\": 1, \"variants\": [{\"name\": \"A\", \"model\": \"m\"}, {\"name\": \"A\", "
                + "\"model\": \"m\"}]}", "variants[1].name 'A' is used twice"},
            {"{\"formatVersion\": 1, \"variants\": [{\"name\": \"A\", \"model\": \"m\"}], \"capture\": "
                + "{\"share\": 2}}", "capture.share is 2"},
            {"{\"formatVersion\": 1, \"variants\": [{\"name\": \"A\", \"model\": \"m\"}], \"colour\": 1}",
                "colour is not a setting"},
            {"{\"formatVersion\": 1, ", "not valid JSON at line 1"},
        };
        for (String[] c : cases) {
            EndpointException e = org.junit.jupiter.api.Assertions.assertThrows(EndpointException.class,
                    () -> f.config("bad.json", c[0]));
            assertTrue(e.getMessage().contains("bad.json: ") && e.getMessage().contains(c[1]), e.getMessage());
        }
        assertNotNull(f.config("fine.json", abConfig("")));
    }

    @Test
    void theSampleConfigurationServesTheModelsTheChurnFlowBuilds() throws Exception {
        Path project = Path.of("projects-sample/customer-churn").toAbsolutePath();
        EndpointConfig c = EndpointConfig.read(project.resolve("endpoint.json"));
        JsonNode flow = ServeFixtures.JSON.readTree(project.resolve("customer-churn.flow").toFile());
        String model = flow.at("/parameters/model").asText();
        assertEquals(project.resolve(model).resolve("model").normalize().toString(), c.variants().get(0).model());
        assertEquals(project.resolve(model + "-b").resolve("model").normalize().toString(),
                c.variants().get(1).model());
        assertEquals(0.9, c.variants().get(0).weight(), 0);
        assertEquals(project.resolve("output/capture").normalize(), c.capture().folder());
        assertTrue(c.loopback());
    }

    @Test
    void theAbReportJoinsCapturedAnswersWithFeedbackOrALabelsFile() throws Exception {
        EndpointConfig c = f.config("abreport.json", abConfig(", \"capture\": {\"folder\": \"capture-ab\"}"));
        int n = 400;
        try (EndpointServer s = start(c)) {
            StringBuilder feedback = new StringBuilder("{\"feedback\": [");
            for (int r = 0; r < n; r++) {
                List<Map<String, Object>> row = f.jsonRows(f.rows, r, r + 1, "churned");
                HttpResponse<String> answer = f.send("POST", s.url() + "/invocations", f.body(row), "X-Routing-Key",
                        String.valueOf(row.get(0).get("customer_id")));
                assertEquals(200, answer.statusCode(), answer.body());
                feedback.append(r == 0 ? "" : ",").append("{\"requestId\": \"")
                        .append(ServeFixtures.tree(answer).get("requestId").asText()).append("\", \"actual\": \"")
                        .append(f.rows.stringColumn("churned").get(r)).append("\"}");
            }
            assertEquals(200, f.send("POST", s.url() + "/feedback", feedback.append("]}").toString()).statusCode());
        }
        Path capture = dir.resolve("capture-ab");
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        int code = io.tablewise.cli.TablewiseCommand.execute(new String[] {"ab-report", capture.toString()},
                new java.io.PrintWriter(out), new java.io.PrintWriter(err));
        assertEquals(0, code, err.toString());
        JsonNode report = ServeFixtures.JSON.readTree(capture.resolve("ab-report.json").toFile());
        assertEquals(n, report.get("labelled").asInt());
        assertEquals(n, report.get("variants").get(0).get("rows").asInt() + report.get("variants").get(1).get("rows")
                .asInt());
        assertEquals("A", report.get("variants").get(0).get("name").asText());
        assertTrue(report.get("comparisons").size() >= 2, report.toString());
        assertTrue(out.toString().contains(" than A on AUC") || out.toString().contains("do not differ significantly "
                + "on AUC"), out.toString());
        assertTrue(Files.readString(capture.resolve("ab-report.html")).contains("Findings"));

        // the same outcomes from a file, joined by customer id
        Path labels = dir.resolve("outcomes.csv");
        StringBuilder csv = new StringBuilder("customer_id,churned\n");
        for (int r = 0; r < n; r++) {
            csv.append(f.rows.stringColumn("customer_id").get(r)).append(',').append(f.rows.stringColumn("churned")
                    .get(r)).append('\n');
        }
        Files.writeString(labels, csv);
        code = io.tablewise.cli.TablewiseCommand.execute(new String[] {"ab-report", capture.toString(), "--labels",
            labels.toString(), "--key", "customer_id", "--json", dir.resolve("by-key.json").toString()},
                new java.io.PrintWriter(out), new java.io.PrintWriter(err));
        assertEquals(0, code, err.toString());
        JsonNode byKey = ServeFixtures.JSON.readTree(dir.resolve("by-key.json").toFile());
        assertEquals(report.get("comparisons"), byKey.get("comparisons"));
    }

    /** The generated rows again and again, up to {@code n}. */
    private static String manyRows(int n) throws Exception {
        List<Map<String, Object>> base = f.jsonRows(f.rows, 0, f.rows.rowCount(), "churned");
        List<Map<String, Object>> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            rows.add(base.get(i % base.size()));
        }
        return f.body(rows);
    }

    @Test
    void stoppingFinishesTheRequestInFlightAndASlowBatchGetsItsTimeout() throws Exception {
        String big = manyRows(40_000);
        EndpointServer s = start(f.config("graceful.json", abConfig("")));
        java.util.concurrent.CompletableFuture<HttpResponse<String>> inFlight = java.util.concurrent.CompletableFuture
                .supplyAsync(() -> {
                    try {
                        return f.send("POST", s.url() + "/invocations", big);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
        long until = System.nanoTime() + 10_000_000_000L;
        while (s.inFlight() == 0 && System.nanoTime() < until) {
            Thread.sleep(1);
        }
        assertEquals(1, s.inFlight(), "the request reached the server");
        s.stop(); // returns once the request in flight is answered
        HttpResponse<String> r = inFlight.get();
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(40_000, ServeFixtures.tree(r).get("predictions").size());

        try (EndpointServer slow = start(f.config("slow.json", abConfig(", \"limits\": {\"timeoutMillis\": 100}")))) {
            refused(f.send("POST", slow.url() + "/invocations", big), 503, "rows", "took longer than the endpoint's "
                    + "timeout of 100 ms");
            assertEquals(200, f.send("GET", slow.url() + "/ping", null).statusCode());
        }
    }
}
