package io.tablewise.ui.deploy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tablewise.abtest.AbAnalysis;
import io.tablewise.abtest.AbReport;
import io.tablewise.abtest.AbReportFiles;
import io.tablewise.abtest.Outcomes;
import io.tablewise.capture.CaptureReader;
import io.tablewise.model.InputProfile;
import io.tablewise.registry.ModelRef;
import io.tablewise.registry.ModelVersion;
import io.tablewise.registry.Registry;
import io.tablewise.registry.RegistryLocation;
import io.tablewise.serve.Endpoint;
import io.tablewise.serve.EndpointConfig;
import io.tablewise.serve.EndpointServer;
import io.tablewise.serve.ServedModel;
import io.tablewise.ui.Messages;

/**
 * The Deploy view's state: the variants to serve (a model reference or folder and a weight each), the local endpoint
 * started and stopped on a background thread, its live figures polled once a second, a test request sent over HTTP
 * like any client's, and the A/B report of its capture. Failures become the message, never an exception.
 */
public final class DeployViewModel {
    /** A variant as the user sets it up. */
    public static final class VariantRow {
        private final StringProperty name = new SimpleStringProperty();
        private final StringProperty model = new SimpleStringProperty();
        private final DoubleProperty weight = new SimpleDoubleProperty();

        /** A row. */
        public VariantRow(String name, String model, double weight) {
            this.name.set(name);
            this.model.set(model);
            this.weight.set(weight);
        }

        /** The variant's name. */
        public StringProperty nameProperty() {
            return name;
        }

        /** A registry reference or a model folder. */
        public StringProperty modelProperty() {
            return model;
        }

        /** Its share of the traffic, relative to the others. */
        public DoubleProperty weightProperty() {
            return weight;
        }
    }

    /**
     * A variant's live figures.
     *
     * @param variant its name
     * @param version the model version that answers
     * @param requests requests answered
     * @param perSecond requests a second over the last poll
     * @param errors requests refused after the variant was chosen
     * @param p50 median latency of the latest requests, ms
     * @param p99 99th percentile, ms
     */
    public record Live(String variant, String version, long requests, double perSecond, long errors, double p50,
                       double p99) {
    }

    /**
     * An input of the test form.
     *
     * @param column the column
     * @param kind its type, in words
     * @param typical the value the form starts with
     */
    public record Field(String column, String kind, String typical) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Executor ui;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "deploy");
        t.setDaemon(true);
        return t;
    });
    private final RegistryLocation registry;
    private final ObservableList<VariantRow> variants = FXCollections.observableArrayList();
    private final ObservableList<String> choices = FXCollections.observableArrayList();
    private final ObservableList<Live> live = FXCollections.observableArrayList();
    private final ObservableList<Field> form = FXCollections.observableArrayList();
    private final StringProperty shadow = new SimpleStringProperty("");
    private final BooleanProperty capture = new SimpleBooleanProperty(true);
    private final StringProperty captureFolder = new SimpleStringProperty();
    private final IntegerProperty port = new SimpleIntegerProperty(EndpointConfig.DEFAULT_PORT);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper url = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper answer = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<AbReport> report = new ReadOnlyObjectWrapper<>();
    private final Map<String, Long> lastCounts = new HashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile EndpointServer server;
    private long lastPoll;

    /**
     * A view model reporting through {@code ui}.
     *
     * @param registry where model references are looked up
     * @param captureFolder the default capture folder
     */
    public DeployViewModel(RegistryLocation registry, Path captureFolder, Executor ui) {
        this.registry = registry;
        this.ui = ui;
        this.captureFolder.set(captureFolder.toString());
        variants.add(new VariantRow("A", "", 1.0));
    }

    /** The variants to serve. */
    public ObservableList<VariantRow> variants() {
        return variants;
    }

    /** Model references of the registry the variants can choose ({@code churn@champion}, {@code churn:3}). */
    public ObservableList<String> choices() {
        return choices;
    }

    /** Each variant's live figures, while the endpoint runs. */
    public ObservableList<Live> live() {
        return live;
    }

    /** The test form's inputs (those of the first variant's model), filled when the endpoint starts. */
    public ObservableList<Field> form() {
        return form;
    }

    /** The shadow's model, or blank for none. */
    public StringProperty shadowProperty() {
        return shadow;
    }

    /** Whether requests are captured. */
    public BooleanProperty captureProperty() {
        return capture;
    }

    /** Where the capture goes. */
    public StringProperty captureFolderProperty() {
        return captureFolder;
    }

    /** The port (0 picks a free one). */
    public IntegerProperty portProperty() {
        return port;
    }

    /** True while the endpoint serves. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** True while it starts, stops or changes. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The endpoint's address while it serves. */
    public ReadOnlyStringProperty urlProperty() {
        return url.getReadOnlyProperty();
    }

    /** What the last action did, or why it could not. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The test request's answer, in words. */
    public ReadOnlyStringProperty answerProperty() {
        return answer.getReadOnlyProperty();
    }

    /** The latest A/B report, or null. */
    public ReadOnlyObjectProperty<AbReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    /** Adds a variant named B, C, … */
    public void addVariant() {
        String name = String.valueOf((char) ('A' + variants.size() % 26));
        variants.add(new VariantRow(name, "", 1.0));
    }

    /** Reads the registry's references for the model choices. */
    public void loadChoices() {
        worker.execute(() -> {
            List<String> refs = new ArrayList<>();
            try (Registry r = Registry.open(registry)) {
                for (String g : r.groups()) {
                    List<ModelVersion> versions = r.versions(g);
                    for (ModelVersion v : versions) {
                        v.aliases().forEach(a -> refs.add(g + "@" + a));
                    }
                    versions.forEach(v -> refs.add(v.ref().toString()));
                }
            } catch (io.tablewise.registry.RegistryException | RuntimeException e) {
                // no registry yet: folders can still be served
            }
            ui.execute(() -> choices.setAll(refs));
        });
    }

    /** The configuration the rows describe. */
    EndpointConfig config() throws IllegalArgumentException {
        List<EndpointConfig.VariantSpec> specs = new ArrayList<>();
        java.util.Set<String> names = new java.util.HashSet<>();
        for (VariantRow r : variants) {
            String name = r.nameProperty().get() == null ? "" : r.nameProperty().get().strip();
            String model = r.modelProperty().get() == null ? "" : r.modelProperty().get().strip();
            if (!name.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}") || !names.add(name)) {
                throw new IllegalArgumentException(Messages.get("deploy.badName", name));
            }
            if (model.isEmpty()) {
                throw new IllegalArgumentException(Messages.get("deploy.noModel", name));
            }
            specs.add(new EndpointConfig.VariantSpec(name, resolve(model), Math.max(0, r.weightProperty().get())));
        }
        if (specs.isEmpty() || specs.stream().mapToDouble(EndpointConfig.VariantSpec::weight).sum() <= 0) {
            throw new IllegalArgumentException(Messages.get("deploy.noWeight"));
        }
        String s = shadow.get() == null ? "" : shadow.get().strip();
        EndpointConfig.VariantSpec shadowSpec = s.isEmpty() ? null
                : new EndpointConfig.VariantSpec("shadow", resolve(s), 0);
        EndpointConfig.Capture c = capture.get() ? new EndpointConfig.Capture(1.0, Path.of(captureFolder.get()))
                : null;
        return new EndpointConfig(null, "127.0.0.1", port.get(), registry.display(), specs, shadowSpec, c,
                EndpointConfig.Limits.defaults(), EndpointConfig.Security.defaults());
    }

    private static String resolve(String model) {
        return ModelRef.looksLikeReference(model) ? model : Path.of(model).toAbsolutePath().normalize().toString();
    }

    /** Starts the endpoint on this machine's loopback address. */
    public void start() {
        EndpointConfig c;
        try {
            c = config();
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
            return;
        }
        busy.set(true);
        message.set(Messages.get("deploy.starting"));
        worker.execute(() -> {
            try {
                Endpoint endpoint = Endpoint.open(c);
                EndpointServer s = EndpointServer.start(endpoint, null);
                ServedModel first = endpoint.model(c.variants().get(0).name());
                List<Field> fields = new ArrayList<>();
                for (InputProfile.Input i : InputProfile.of(first.model())) {
                    fields.add(new Field(i.name(), i.kind().id(), i.typical() == null ? "" : i.typical()));
                }
                server = s;
                ui.execute(() -> {
                    running.set(true);
                    busy.set(false);
                    url.set(s.url());
                    form.setAll(fields);
                    lastCounts.clear();
                    lastPoll = System.nanoTime();
                    message.set(Messages.get("deploy.started", s.url()));
                    poll();
                });
            } catch (io.tablewise.serve.EndpointException | RuntimeException e) {
                ui.execute(() -> {
                    busy.set(false);
                    message.set(Messages.get("deploy.failed", e.getMessage()));
                });
            }
        });
    }

    /** Stops the endpoint: requests in flight finish, the capture is written out. */
    public void stop() {
        EndpointServer s = server;
        if (s == null) {
            return;
        }
        busy.set(true);
        worker.execute(() -> {
            s.stop();
            server = null;
            ui.execute(() -> {
                running.set(false);
                busy.set(false);
                url.set("");
                message.set(Messages.get("deploy.stopped"));
            });
        });
    }

    /** Sends the rows' weights and models to the running endpoint (as {@code PUT /variants} does). */
    public void apply() {
        EndpointServer s = server;
        if (s == null) {
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        List<Map<String, Object>> list = new ArrayList<>();
        for (VariantRow r : variants) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("name", r.nameProperty().get());
            v.put("weight", r.weightProperty().get());
            String model = r.modelProperty().get() == null ? "" : r.modelProperty().get().strip();
            if (ModelRef.looksLikeReference(model)) {
                v.put("model", model);
            }
            list.add(v);
        }
        body.put("variants", list);
        busy.set(true);
        worker.execute(() -> {
            String text;
            try {
                io.tablewise.serve.Reply reply = s.endpoint().handle("PUT", "/variants", h -> null,
                        JSON.writeValueAsBytes(body));
                text = reply.status() == 200 ? Messages.get("deploy.applied")
                        : Messages.get("deploy.failed", JSON.readTree(reply.body()).path("error").asText());
            } catch (java.io.IOException e) {
                text = Messages.get("deploy.failed", e.getMessage());
            }
            String done = text;
            ui.execute(() -> {
                busy.set(false);
                message.set(done);
            });
        });
    }

    /** Reads the live figures (the view calls it once a second). */
    public void poll() {
        EndpointServer s = server;
        if (s == null) {
            return;
        }
        long now = System.nanoTime();
        double seconds = Math.max(1e-3, (now - lastPoll) / 1e9);
        lastPoll = now;
        List<Live> rows = new ArrayList<>();
        for (Endpoint.VariantStats v : s.endpoint().stats()) {
            long before = lastCounts.getOrDefault(v.variant(), v.requests());
            lastCounts.put(v.variant(), v.requests());
            ServedModel m = s.endpoint().model(v.variant());
            rows.add(new Live(v.variant(), m == null ? "" : m.version(), v.requests(), (v.requests() - before)
                    / seconds, v.errors(), v.p50Ms(), v.p99Ms()));
        }
        live.setAll(rows);
    }

    /** Sends one row from the form to the endpoint over HTTP, as any client would. */
    public void sendTest(Map<String, String> values, String routingKey) {
        String base = url.get();
        if (base.isEmpty()) {
            return;
        }
        Map<String, Object> row = new LinkedHashMap<>();
        values.forEach((k, v) -> row.put(k, v == null || v.isBlank() ? null : v.strip()));
        worker.execute(() -> {
            String text;
            try {
                HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/invocations"))
                        .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(Map.of("rows",
                                List.of(row)))));
                if (routingKey != null && !routingKey.isBlank()) {
                    b.header("X-Routing-Key", routingKey.strip());
                }
                HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
                JsonNode n = JSON.readTree(r.body());
                text = r.statusCode() == 200 ? describe(n) : Messages.get("deploy.refused", r.statusCode(),
                        n.path("error").asText());
            } catch (java.io.IOException e) {
                text = Messages.get("deploy.failed", e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                text = Messages.get("deploy.failed", "interrupted");
            }
            String done = text;
            ui.execute(() -> {
                answer.set(done);
                poll();
            });
        });
    }

    private static String describe(JsonNode n) {
        JsonNode p = n.path("predictions").path(0);
        StringBuilder b = new StringBuilder(Messages.get("deploy.answer", p.path("prediction").asText(),
                n.path("variant").asText(), n.path("version").asText()));
        if (p.has("probabilities")) {
            List<String> parts = new ArrayList<>();
            p.get("probabilities").fields().forEachRemaining(e -> parts.add(String.format(Locale.ROOT, "%s %.1f%%",
                    e.getKey(), 100 * e.getValue().asDouble())));
            b.append("  ·  ").append(String.join(", ", parts));
        }
        for (JsonNode w : n.path("warnings")) {
            b.append('\n').append(w.asText());
        }
        return b.toString();
    }

    /** Works the A/B report out of the capture folder (outcomes from its feedback) and writes its HTML there. */
    public void abReport() {
        Path folder = Path.of(captureFolder.get());
        busy.set(true);
        worker.execute(() -> {
            String text;
            AbReport r = null;
            try {
                CaptureReader.Contents c = CaptureReader.read(folder);
                if (c.records().isEmpty()) {
                    text = Messages.get("deploy.noCapture", folder);
                } else {
                    r = AbAnalysis.analyse(c.records(), Outcomes.fromFeedback(c.feedback()), 42);
                    Path html = folder.resolve("ab-report.html");
                    AbReportFiles.writeHtml(r, "A/B report: " + folder.getFileName(), html);
                    AbReportFiles.writeJson(r, folder.resolve("ab-report.json"));
                    text = Messages.get("deploy.reportWritten", html);
                }
            } catch (java.io.IOException | RuntimeException e) {
                text = Messages.get("deploy.failed", e.getMessage());
            }
            String done = text;
            AbReport made = r;
            ui.execute(() -> {
                busy.set(false);
                message.set(done);
                if (made != null) {
                    report.set(made);
                }
            });
        });
    }
}
