package io.tablewise.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import io.tablewise.serve.Endpoint;
import io.tablewise.serve.EndpointConfig;
import io.tablewise.serve.EndpointException;
import io.tablewise.serve.EndpointServer;
import io.tablewise.serve.EndpointToken;

/**
 * {@code tablewise serve CONFIG.json} or {@code tablewise serve --model REF}: a scoring endpoint until Ctrl+C (or a
 * TERM signal), which lets the requests in flight finish and writes out the capture.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve models as an HTTP scoring endpoint: POST /invocations with JSON rows or CSV; GET /ping, "
                + "/variants, /metrics, /openapi.json; PUT /variants; POST /feedback.")
final class ServeCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "CONFIG", description = "An endpoint configuration (JSON): "
            + "variants with weights, shadow, data capture, limits, host and port.")
    private Path config;

    @Option(names = "--model", paramLabel = "DIR|REF", description = "Serve one model: a model folder or a registry "
            + "reference (churn@champion, churn:3).")
    private String model;

    @Option(names = "--registry", paramLabel = "PATH|CONNECTION|JDBC_URL",
            description = "The registry of model references "
            + "(default: ~/Tablewise/registry).")
    private String registry;

    @Option(names = "--anomalies", paramLabel = "DIR", description = "Also answer POST /anomalies with this saved "
            + "anomaly detector (OUT/model of 'tablewise anomalies').")
    private java.nio.file.Path anomalies;

    @Option(names = "--port", paramLabel = "N", description = "The port (default: the configuration's, else 8080; "
            + "0 picks a free one).")
    private Integer port;

    @Option(names = "--host", paramLabel = "ADDRESS", description = "The address to listen on (default 127.0.0.1, "
            + "this machine only; another address needs the bearer token).")
    private String host;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if ((config == null) == (model == null)) {
            err.println("error: give an endpoint configuration file or --model REF (one of them)");
            return ExitCodes.INVALID;
        }
        EndpointConfig c;
        try {
            c = config != null ? EndpointConfig.read(config)
                    : EndpointConfig.single(io.tablewise.registry.ModelRef.looksLikeReference(model) ? model
                            : Path.of(model).toAbsolutePath().normalize().toString(), registry, "127.0.0.1",
                            EndpointConfig.DEFAULT_PORT);
        } catch (EndpointException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.INVALID;
        }
        if (config != null && registry != null) {
            c = new EndpointConfig(c.file(), c.host(), c.port(), registry, c.variants(), c.shadow(), c.capture(),
                    c.limits(), c.security());
        }
        if (port != null) {
            c = c.withPort(port);
        }
        if (host != null) {
            c = c.withHost(host);
        }
        EndpointToken token = null;
        Endpoint endpoint;
        EndpointServer server;
        try {
            if (!c.loopback()) {
                token = EndpointToken.obtain(c.security().tokenFile());
            }
            out.println("Loading " + c.variants().size() + (c.variants().size() == 1 ? " model" : " models")
                    + (c.shadow() == null ? "" : " and a shadow") + "...");
            out.flush();
            endpoint = Endpoint.open(c);
            if (anomalies != null) {
                try {
                    endpoint.serveAnomalies(io.tablewise.anomaly.AnomalyModel.load(anomalies), anomalies.toAbsolutePath()
                            .normalize().toString());
                } catch (java.io.IOException e) {
                    err.println("error: --anomalies: " + e.getMessage());
                    return ExitCodes.INVALID;
                }
            }
            server = EndpointServer.start(endpoint, token == null ? null : token.value());
        } catch (EndpointException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.NODE_FAILED;
        }
        printBanner(out, server, c, token);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            server.stop();
            stopped.countDown();
        }, "tablewise-endpoint-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        stopped.await();
        return ExitCodes.OK;
    }

    private static void printBanner(PrintWriter out, EndpointServer server, EndpointConfig c, EndpointToken token) {
        out.println("Serving on " + server.url());
        try {
            JsonNode v = new ObjectMapper().readTree(server.endpoint().variantsJson());
            java.util.List<String[]> t = new java.util.ArrayList<>();
            t.add(new String[] {"variant", "share", "model", "version", "predicts"});
            for (JsonNode n : v.get("variants")) {
                t.add(new String[] {n.get("name").asText(), String.format(Locale.ROOT, "%.0f%%", 100 * n.get("share").asDouble()),
                        n.get("model").asText(), n.get("version").asText(), n.get("target").asText() + " ("
                                + n.get("problemType").asText() + ")"});
            }
            if (v.has("shadow")) {
                JsonNode n = v.get("shadow");
                t.add(new String[] {n.get("name").asText(), "shadow", n.get("model").asText(),
                    n.get("version").asText(), n.get("target").asText() + " (" + n.get("problemType").asText() + ")"});
            }
            TextTable.print(out, t);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        if (c.capture() != null) {
            out.printf(Locale.ROOT, "Capturing %.0f%% of requests to %s%n", 100 * c.capture().share(),
                    c.capture().folder());
        }
        if (token != null) {
            if (token.created()) {
                out.println("Bearer token (shown once; kept in " + token.file() + ", readable by you only):");
                out.println("  " + token.value());
            } else {
                out.println("Requests need the bearer token kept in " + token.file());
            }
        }
        out.println("POST /invocations  GET /ping /variants /metrics /openapi.json  PUT /variants  POST /feedback");
        out.println("Ctrl+C stops (requests in flight finish first).");
        out.flush();
    }
}
