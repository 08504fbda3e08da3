package io.tablewise.serve;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;

import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import io.tablewise.capture.CaptureRecord;
import io.tablewise.capture.CaptureWriter;
import io.tablewise.capture.FeedbackRecord;
import io.tablewise.ml.ProblemType;
import io.tablewise.model.TrainedModel;
import io.tablewise.node.NodeException;
import io.tablewise.registry.RegistryLocation;

/**
 * The endpoint's behaviour, apart from the HTTP server that carries it: each request (method, path, headers, body)
 * becomes a {@link Reply}. Every refusal is a JSON body naming the field and row; nothing a request holds can name a
 * file or a class (a variant change accepts registry references and the folders of the configuration only).
 */
public final class Endpoint implements AutoCloseable {
    private final EndpointConfig config;
    private final RegistryLocation registry;
    private final AtomicReference<VariantSet> current;
    private final EndpointMetrics metrics = new EndpointMetrics();
    private final CaptureWriter capture;
    private final CaptureWriter feedback;
    private final ExecutorService shadowPool;
    private final ExecutorService batchPool;
    private final VariantChanges changes;
    private final Object changeLock = new Object();
    private volatile byte[] token;

    private volatile io.tablewise.anomaly.AnomalyModel detector;
    private volatile String detectorName = "";

    private Endpoint(EndpointConfig config, RegistryLocation registry, VariantSet initial) throws IOException {
        this.config = config;
        this.registry = registry;
        this.current = new AtomicReference<>(initial);
        this.capture = config.capture() == null ? null : new CaptureWriter(config.capture().folder(), "capture");
        this.feedback = config.capture() == null ? null : new CaptureWriter(config.capture().folder(), "feedback");
        this.shadowPool = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1024),
                daemon("tablewise-shadow"), (r, pool) -> metrics.shadowDropped());
        this.batchPool = java.util.concurrent.Executors.newCachedThreadPool(daemon("tablewise-batch"));
        this.changes = new VariantChanges(config, registry);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * Loads every variant's model and opens the capture.
     *
     * @throws EndpointException naming the variant whose model does not load
     */
    public static Endpoint open(EndpointConfig config) throws EndpointException {
        RegistryLocation registry;
        try {
            registry = RegistryLocation.of(config.registry(), null);
        } catch (io.tablewise.registry.RegistryException e) {
            throw new EndpointException("registry: " + e.getMessage(), e);
        }
        List<Variant> variants = new ArrayList<>();
        for (EndpointConfig.VariantSpec s : config.variants()) {
            variants.add(new Variant(s.name(), s.weight(), load(s.name(), s.model(), registry)));
        }
        Variant shadow = config.shadow() == null ? null
                : new Variant(config.shadow().name(), 0, load(config.shadow().name(), config.shadow().model(),
                        registry));
        try {
            return new Endpoint(config, registry, VariantSet.of(variants, shadow));
        } catch (IOException e) {
            throw new EndpointException("capture: the folder " + config.capture().folder() + " cannot be written ("
                    + e.getMessage() + ")", e);
        }
    }

    private static ServedModel load(String variant, String model, RegistryLocation registry) throws EndpointException {
        try {
            return ServedModel.load(model, registry);
        } catch (EndpointException e) {
            throw new EndpointException("variant '" + variant + "': " + e.getMessage(), e);
        }
    }

    /**
     * Answers {@code POST /anomalies} with this saved detector too: each row's anomaly score, flag and reason, judged
     * against the rows the detector was made from.
     */
    public void serveAnomalies(io.tablewise.anomaly.AnomalyModel detector, String name) {
        this.detector = detector;
        this.detectorName = name;
    }

    /** Every request must carry {@code Authorization: Bearer TOKEN} from now on. */
    public void requireToken(String bearer) {
        this.token = bearer == null ? null : bearer.getBytes(StandardCharsets.UTF_8);
    }

    /** The configuration it was opened with. */
    public EndpointConfig config() {
        return config;
    }

    /** The variants' names, weights and versions now, as {@code GET /variants} answers them. */
    public String variantsJson() {
        return new String(variantsBody(current.get()), StandardCharsets.UTF_8);
    }

    /**
     * A variant's live figures.
     *
     * @param variant the variant (a shadow too)
     * @param requests requests answered
     * @param errors requests refused after the variant was chosen
     * @param rows rows scored
     * @param p50Ms median latency of the latest requests, ms
     * @param p99Ms 99th percentile of the latest requests, ms
     */
    public record VariantStats(String variant, long requests, long errors, long rows, double p50Ms, double p99Ms) {
    }

    /** Each variant's figures now, production variants first, then the shadow. */
    public List<VariantStats> stats() {
        VariantSet set = current.get();
        List<VariantStats> out = new ArrayList<>();
        for (Variant v : set.variants()) {
            out.add(metrics.snapshot(v.name()));
        }
        if (set.shadow() != null) {
            out.add(metrics.snapshot(set.shadow().name()));
        }
        return out;
    }

    /** Requests refused before a variant was chosen (bad JSON, a wrong token). */
    public long refused() {
        return metrics.refusedCount();
    }

    /** The model a variant serves now, or null for no such variant. */
    public ServedModel model(String variant) {
        VariantSet set = current.get();
        Variant v = set.find(variant);
        return v != null ? v.model() : set.shadow() != null && set.shadow().name().equals(variant)
                ? set.shadow().model() : null;
    }

    /** The last failure of the capture writer (a full disk), or null. */
    public IOException captureFailure() {
        return capture == null ? null : capture.failure();
    }

    /**
     * Answers a request.
     *
     * @param headers looks a request header up by name (case-insensitive), null when absent
     */
    public Reply handle(String method, String path, UnaryOperator<String> headers, byte[] body) {
        long start = System.nanoTime();
        try {
            if (token != null && !authorised(headers.apply("Authorization"))) {
                metrics.refused();
                return error(new BadRequest(401, "this endpoint needs 'Authorization: Bearer TOKEN' (the token was "
                        + "shown when the endpoint was first started, and is kept in its token file)", "Authorization",
                        -1)).with("WWW-Authenticate", "Bearer");
            }
            String p = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
            switch (p) {
                case "/invocations":
                    allow(method, "POST");
                    return invocations(headers, body, start);
                case "/ping":
                    allow(method, "GET");
                    return Reply.text(200, Reply.JSON, "{\"status\":\"ok\"}");
                case "/variants":
                    if ("PUT".equals(method)) {
                        return change(body);
                    }
                    allow(method, "GET, PUT");
                    return Reply.json(200, variantsBody(current.get()));
                case "/metrics":
                    allow(method, "GET");
                    return Reply.text(200, "text/plain; version=0.0.4; charset=utf-8", metrics.prometheus());
                case "/openapi.json":
                    allow(method, "GET");
                    return Reply.json(200, current.get().openApi());
                case "/feedback":
                    allow(method, "POST");
                    return feedback(body);
                case "/anomalies":
                    allow(method, "POST");
                    return anomalies(headers, body);
                default:
                    metrics.refused();
                    return error(new BadRequest(404, "no such path: " + Bounded.text(p, 80) + " (the endpoint "
                            + "answers /invocations, /ping, /variants, /metrics, /feedback, /anomalies and /openapi.json)", null,
                            -1));
            }
        } catch (BadRequest e) {
            return error(e);
        } catch (RuntimeException | StackOverflowError e) {
            metrics.refused();
            java.util.logging.Logger.getLogger(Endpoint.class.getName()).log(java.util.logging.Level.WARNING,
                    "request failed", e);
            return error(new BadRequest(500, "the endpoint failed on this request (" + e.getClass().getSimpleName()
                    + "); it keeps serving; please report it", null, -1));
        }
    }

    private static void allow(String method, String allowed) throws BadRequest {
        if (!allowed.contains(method)) {
            throw BadRequest.methodNotAllowed(allowed, Bounded.text(method, 16));
        }
    }

    private boolean authorised(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return MessageDigest.isEqual(token, header.substring(7).strip().getBytes(StandardCharsets.UTF_8));
    }

    /** {@code POST /anomalies}: the rows scored by the saved detector. */
    private Reply anomalies(UnaryOperator<String> headers, byte[] body) throws BadRequest {
        io.tablewise.anomaly.AnomalyModel d = detector;
        if (d == null) {
            metrics.refused();
            throw new BadRequest(404, "this endpoint serves no anomaly detector (start it with --anomalies DIR, a "
                    + "folder 'tablewise anomalies' saved)", null, -1);
        }
        RequestRows.Rows rows;
        io.tablewise.anomaly.AnomalyReport r;
        try {
            rows = RequestRows.parse(body, headers.apply("Content-Type"), config.limits().maxRows());
            r = d.score(RowTable.typed(rows, d.inputs()));
        } catch (BadRequest e) {
            metrics.refused();
            throw e;
        } catch (NodeException e) {
            metrics.refused();
            throw new BadRequest(422, "the detector cannot score these rows: " + e.getMessage(), e.param(), -1);
        }
        String requestId = requestId();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (JsonGenerator g = RequestRows.JSON.getFactory().createGenerator(bytes)) {
            g.writeStartObject();
            g.writeStringField("requestId", requestId);
            g.writeStringField("detector", detectorName);
            g.writeNumberField("threshold", d.threshold());
            g.writeArrayFieldStart("rows");
            for (int i = 0; i < r.scores().length; i++) {
                g.writeStartObject();
                g.writeNumberField("anomaly_score", r.scores()[i]);
                g.writeBooleanField("anomaly", r.flagged()[i]);
                g.writeStringField("anomaly_reason", r.reasons()[i]);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException(e); // a byte array does not fail
        }
        return Reply.json(200, bytes.toByteArray()).with("X-Request-Id", requestId);
    }

    private Reply invocations(UnaryOperator<String> headers, byte[] body, long start) throws BadRequest {
        Instant arrived = Instant.now();
        VariantSet set = current.get();
        RequestRows.Rows rows;
        try {
            rows = RequestRows.parse(body, headers.apply("Content-Type"), config.limits().maxRows());
        } catch (BadRequest e) {
            metrics.refused();
            throw e;
        }
        Variant variant;
        String target = headers.apply("X-Target-Variant");
        if (target != null) {
            variant = set.find(target.strip());
            if (variant == null) {
                metrics.refused();
                throw BadRequest.at("X-Target-Variant", -1, "no variant is called '" + Bounded.text(target, 64)
                        + "'; the variants are " + String.join(", ", set.variants().stream().map(Variant::name)
                                .toList()));
            }
        } else {
            variant = set.variants().get(Router.choose(set.variants(), headers.apply("X-Routing-Key")));
        }
        EndpointMetrics.Stats stats = metrics.of(variant.name());
        Scored scored;
        try {
            scored = scoreWithinLimit(variant, rows, set);
        } catch (BadRequest e) {
            stats.errors.increment();
            throw e;
        }
        String requestId = requestId();
        long elapsed = System.nanoTime() - start;
        stats.answered(rows.size(), elapsed);
        if (capture != null && ThreadLocalRandom.current().nextDouble() < config.capture().share()) {
            capture(requestId, arrived, variant, false, elapsed / 1e6, rows, scored);
        }
        if (set.shadow() != null) {
            Variant shadow = set.shadow();
            shadowPool.execute(() -> shadow(shadow, rows, set, requestId, arrived));
        }
        return Reply.json(200, answer(requestId, variant, scored)).with("X-Request-Id", requestId);
    }

    /** A request's predictions and what the caller should know about its rows. */
    private record Scored(Table table, int first, TrainedModel model, List<String> warnings) {
    }

    private Scored scoreWithinLimit(Variant v, RequestRows.Rows rows, VariantSet set) throws BadRequest {
        if (rows.size() <= 1000) {
            return score(v, rows, set);
        }
        java.util.concurrent.Future<Scored> f = batchPool.submit(() -> score(v, rows, set));
        try {
            return f.get(config.limits().timeoutMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            f.cancel(true);
            throw new BadRequest(503, "scoring " + rows.size() + " rows took longer than the endpoint's timeout of "
                    + config.limits().timeoutMillis() + " ms; send fewer rows per request", "rows", -1);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof BadRequest b) {
                throw b;
            }
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BadRequest(503, "the endpoint is stopping", null, -1);
        }
    }

    private static Scored score(Variant v, RequestRows.Rows rows, VariantSet set) throws BadRequest {
        TrainedModel m = v.model().model();
        Table input = RowTable.of(rows, m, set.known());
        List<String> warnings = new ArrayList<>();
        Table out;
        try {
            out = v.model().scorer().predict(input, warnings::add);
        } catch (NodeException e) {
            throw new BadRequest(422, "the model cannot score these rows: " + e.getMessage(), e.param(), -1);
        }
        if (out.rowCount() != rows.size()) {
            throw new BadRequest(422, "the model's transforms keep " + out.rowCount() + " of " + rows.size()
                    + " rows (a filter); an endpoint answers every row, so serve a model without a row filter", null,
                    -1);
        }
        int first = out.columnCount() - (m.problemType() == ProblemType.REGRESSION ? 1 : 1 + m.classes().size());
        return new Scored(out, first, m, warnings);
    }

    private byte[] answer(String requestId, Variant variant, Scored s) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (JsonGenerator g = RequestRows.JSON.getFactory().createGenerator(bytes)) {
            g.writeStartObject();
            g.writeStringField("requestId", requestId);
            g.writeStringField("variant", variant.name());
            g.writeStringField("model", variant.model().reference());
            g.writeStringField("version", variant.model().version());
            g.writeArrayFieldStart("predictions");
            Column<?> prediction = s.table().column(s.first());
            boolean regression = s.model().problemType() == ProblemType.REGRESSION;
            List<String> classes = regression ? List.of() : s.model().classes();
            for (int r = 0; r < s.table().rowCount(); r++) {
                g.writeStartObject();
                if (regression) {
                    writeNumber(g, "prediction", ((tech.tablesaw.api.DoubleColumn) prediction).getDouble(r));
                } else {
                    g.writeStringField("prediction", prediction.getString(r));
                    g.writeObjectFieldStart("probabilities");
                    for (int c = 0; c < classes.size(); c++) {
                        writeNumber(g, classes.get(c), ((tech.tablesaw.api.DoubleColumn) s.table()
                                .column(s.first() + 1 + c)).getDouble(r));
                    }
                    g.writeEndObject();
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            if (!s.warnings().isEmpty()) {
                g.writeArrayFieldStart("warnings");
                for (String w : s.warnings()) {
                    g.writeString(w);
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    private static void writeNumber(JsonGenerator g, String field, double v) throws IOException {
        if (Double.isFinite(v)) {
            g.writeNumberField(field, v);
        } else {
            g.writeNullField(field);
        }
    }

    private void capture(String requestId, Instant arrived, Variant v, boolean shadow, double latencyMs,
                         RequestRows.Rows rows, Scored s) {
        String time = arrived.toString();
        Column<?> prediction = s.table().column(s.first());
        boolean regression = s.model().problemType() == ProblemType.REGRESSION;
        List<String> classes = regression ? List.of() : s.model().classes();
        for (int r = 0; r < rows.size(); r++) {
            Map<String, Double> p = new LinkedHashMap<>();
            for (int c = 0; c < classes.size(); c++) {
                p.put(classes.get(c), ((tech.tablesaw.api.DoubleColumn) s.table().column(s.first() + 1 + c))
                        .getDouble(r));
            }
            String predicted = regression ? String.valueOf(((tech.tablesaw.api.DoubleColumn) prediction).getDouble(r))
                    : prediction.getString(r);
            capture.add(new CaptureRecord(requestId, r, time, v.name(), v.model().reference(), v.model().version(),
                    shadow, latencyMs, rows.asMap(r), predicted, p));
        }
        metrics.captured(rows.size());
    }

    private void shadow(Variant shadow, RequestRows.Rows rows, VariantSet set, String requestId,
                        Instant arrived) {
        EndpointMetrics.Stats stats = metrics.of(shadow.name());
        long start = System.nanoTime();
        try {
            Scored s = score(shadow, rows, set);
            long elapsed = System.nanoTime() - start;
            stats.answered(rows.size(), elapsed);
            if (capture != null) {
                capture(requestId, arrived, shadow, true, elapsed / 1e6, rows, s);
            }
        } catch (BadRequest | RuntimeException e) {
            stats.errors.increment();
        }
    }

    private static String requestId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return String.format(Locale.ROOT, "%016x%016x", r.nextLong(), r.nextLong());
    }

    private byte[] variantsBody(VariantSet set) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        double total = set.totalWeight();
        try (JsonGenerator g = RequestRows.JSON.getFactory().createGenerator(bytes).useDefaultPrettyPrinter()) {
            g.writeStartObject();
            g.writeArrayFieldStart("variants");
            for (Variant v : set.variants()) {
                variantJson(g, v, total);
            }
            g.writeEndArray();
            if (set.shadow() != null) {
                g.writeFieldName("shadow");
                variantJson(g, set.shadow(), -1);
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    private void variantJson(JsonGenerator g, Variant v, double total) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", v.name());
        if (total >= 0) {
            g.writeNumberField("weight", v.weight());
            g.writeNumberField("share", total > 0 ? v.weight() / total : 0);
        }
        g.writeStringField("model", v.model().reference());
        g.writeStringField("version", v.model().version());
        g.writeStringField("target", v.model().model().target());
        g.writeStringField("problemType", v.model().model().problemType().name().toLowerCase(Locale.ROOT));
        g.writeNumberField("requests", metrics.requests(v.name()));
        g.writeNumberField("errors", metrics.errors(v.name()));
        g.writeEndObject();
    }

    /** {@code PUT /variants}: the change worked out by {@link VariantChanges}, swapped in whole. */
    private Reply change(byte[] body) throws BadRequest {
        JsonNode root = RequestRows.tree(RequestRows.utf8(body));
        synchronized (changeLock) {
            VariantSet changed = changes.apply(root, current.get());
            current.set(changed);
            return Reply.json(200, variantsBody(changed));
        }
    }

    /** {@code POST /feedback}: the outcomes, kept beside the capture. */
    private Reply feedback(byte[] body) throws BadRequest {
        if (feedback == null) {
            throw new BadRequest(409, "data capture is off on this endpoint, and outcomes are kept beside the "
                    + "capture: add \"capture\": {\"folder\": \"capture\"} to its configuration", null, -1);
        }
        List<FeedbackRecord> records = Feedback.parse(RequestRows.tree(RequestRows.utf8(body)),
                config.limits().maxRows());
        records.forEach(feedback::add);
        return Reply.text(200, Reply.JSON, "{\"stored\":" + records.size() + "}");
    }

    private Reply error(BadRequest e) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        try (JsonGenerator g = RequestRows.JSON.getFactory().createGenerator(bytes)) {
            g.writeStartObject();
            g.writeStringField("error", e.getMessage());
            if (e.field() != null) {
                g.writeStringField("field", Bounded.text(e.field(), 80));
            }
            if (e.row() >= 0) {
                g.writeNumberField("row", e.row());
            }
            g.writeEndObject();
        } catch (IOException x) {
            throw new IllegalStateException(x);
        }
        Reply r = Reply.json(e.status(), bytes.toByteArray());
        return e.allow() != null ? r.with("Allow", e.allow()) : r;
    }

    /**
     * Stops: the shadow finishes what it holds, and the capture writes what waits.
     */
    @Override
    public void close() {
        shadowPool.shutdown();
        batchPool.shutdownNow();
        try {
            shadowPool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (CaptureWriter w : new CaptureWriter[] {capture, feedback}) {
            if (w != null) {
                try {
                    w.close();
                } catch (IOException e) {
                    java.util.logging.Logger.getLogger(Endpoint.class.getName()).warning("capture: " + e.getMessage());
                }
            }
        }
    }

    /** Cuts texts from a request before they go into a message. */
    static final class Bounded {
        private Bounded() {
        }

        static String text(String s, int max) {
            if (s == null) {
                return "";
            }
            String clean = s.replaceAll("\\p{Cntrl}", "?");
            return clean.length() > max ? clean.substring(0, max) + "…" : clean;
        }
    }
}
