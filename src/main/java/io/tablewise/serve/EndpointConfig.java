package io.tablewise.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An endpoint's configuration, read from a versioned JSON file and checked field by field the way flow files are:
 * every message names the file and the field. Paths in it are relative to the file.
 *
 * @param file the file it was read from, or null when built from command-line options
 * @param host the address to listen on (127.0.0.1 unless said otherwise)
 * @param port the port (0 picks a free one)
 * @param registry the registry of model references, or null for the user's default
 * @param variants the production variants, which share the traffic by weight
 * @param shadow a variant that scores a copy of the traffic without answering, or null
 * @param capture what is captured and where, or null for no capture
 * @param limits request limits
 * @param security the token file and the TLS keystore
 */
public record EndpointConfig(Path file, String host, int port, String registry, List<VariantSpec> variants,
                             VariantSpec shadow, Capture capture, Limits limits, Security security) {
    /** The format this version writes and reads. */
    public static final int FORMAT_VERSION = 1;
    /** The default port. */
    public static final int DEFAULT_PORT = 8080;

    /** A variant: a name, a model reference or folder, and a share of the traffic. */
    public record VariantSpec(String name, String model, double weight) {
    }

    /** Data capture: the share of requests captured and the folder. */
    public record Capture(double share, Path folder) {
    }

    /**
     * Limits on a request.
     *
     * @param maxRows rows per request
     * @param maxBodyBytes bytes per request body
     * @param timeoutMillis the longest a request may take to arrive and be scored
     */
    public record Limits(int maxRows, long maxBodyBytes, long timeoutMillis) {
        /** The defaults: 100,000 rows, 64 MB, 30 s. */
        public static Limits defaults() {
            return new Limits(100_000, 64L << 20, 30_000);
        }
    }

    /**
     * Security settings.
     *
     * @param tokenFile where the bearer token is kept (read, or created with permissions 600), or null for the
     *     default {@code ~/Tablewise/endpoint.token}
     * @param keystore a PKCS12 or JKS keystore for TLS, or null for plain HTTP
     * @param keystorePasswordEnv the environment variable holding the keystore's password
     */
    public record Security(Path tokenFile, Path keystore, String keystorePasswordEnv) {
        /** No TLS, the default token file. */
        public static Security defaults() {
            return new Security(null, null, "TABLEWISE_KEYSTORE_PASSWORD");
        }
    }

    /** Copies the variants. */
    public EndpointConfig {
        variants = List.copyOf(variants);
    }

    /** A one-model endpoint, as {@code tablewise serve --model REF} starts. */
    public static EndpointConfig single(String model, String registry, String host, int port) {
        return new EndpointConfig(null, host, port, registry, List.of(new VariantSpec("main", model, 1.0)), null, null,
                Limits.defaults(), Security.defaults());
    }

    /** True when the server listens only on this machine. */
    public boolean loopback() {
        return host.equals("127.0.0.1") || host.equals("localhost") || host.equals("::1");
    }

    /** The same configuration on another port. */
    public EndpointConfig withPort(int newPort) {
        return new EndpointConfig(file, host, newPort, registry, variants, shadow, capture, limits, security);
    }

    /** The same configuration on another address. */
    public EndpointConfig withHost(String newHost) {
        return new EndpointConfig(file, newHost, port, registry, variants, shadow, capture, limits, security);
    }

    /** Reads and checks a configuration file. */
    public static EndpointConfig read(Path file) throws EndpointException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(file));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new EndpointException(file + ": not valid JSON at line " + e.getLocation().getLineNr() + ": "
                    + e.getOriginalMessage());
        } catch (java.nio.file.NoSuchFileException e) {
            throw new EndpointException(file + ": no such file");
        } catch (IOException e) {
            throw new EndpointException(file + ": cannot be read (" + e.getMessage() + ")");
        }
        return new Reader(file).config(root);
    }

    /** Reads the fields, naming the file and the field in every refusal. */
    private static final class Reader {
        private final Path file;
        private final Path base;
        /** The object being read, for messages: "" at the top, "capture." inside capture. */
        private String at = "";

        Reader(Path file) {
            this.file = file;
            Path parent = file.toAbsolutePath().getParent();
            this.base = parent == null ? Path.of(".") : parent;
        }

        EndpointConfig config(JsonNode root) throws EndpointException {
            ObjectNode o = object(root, "the file");
            only(o, "", "formatVersion", "host", "port", "registry", "variants", "shadow", "capture", "limits",
                    "security");
            JsonNode version = o.get("formatVersion");
            if (version == null || !version.canConvertToExactIntegral()) {
                throw fail("formatVersion", "is required: write \"formatVersion\": " + FORMAT_VERSION);
            }
            if (version.asInt() > FORMAT_VERSION) {
                throw fail("formatVersion", "is " + version.asInt() + ", from a newer Tablewise (this one reads "
                        + FORMAT_VERSION + "); update Tablewise");
            }
            String host = text(o, "host", "127.0.0.1");
            int port = (int) number(o, "port", DEFAULT_PORT, 0, 65535, true);
            String registry = o.has("registry") ? text(o, "registry", null) : null;
            if (registry != null && !registry.startsWith("jdbc:")) {
                registry = base.resolve(registry).normalize().toString();
            }
            JsonNode vs = o.get("variants");
            if (!(vs instanceof ArrayNode array) || array.isEmpty()) {
                throw fail("variants", "needs at least one variant: [{\"name\": \"A\", \"model\": \"churn@champion\", "
                        + "\"weight\": 1}]");
            }
            List<VariantSpec> variants = new ArrayList<>();
            Set<String> names = new HashSet<>();
            for (int i = 0; i < array.size(); i++) {
                VariantSpec v = variant(array.get(i), "variants[" + i + "]", true);
                if (!names.add(v.name())) {
                    throw fail("variants[" + i + "].name", "'" + v.name() + "' is used twice; names must differ");
                }
                variants.add(v);
            }
            if (variants.stream().mapToDouble(VariantSpec::weight).sum() <= 0) {
                throw fail("variants", "the weights add up to 0; give at least one variant a positive weight");
            }
            VariantSpec shadow = null;
            if (o.hasNonNull("shadow")) {
                shadow = variant(o.get("shadow"), "shadow", false);
                if (names.contains(shadow.name())) {
                    throw fail("shadow.name", "'" + shadow.name() + "' is also a production variant; names must "
                            + "differ");
                }
            }
            Capture capture = null;
            if (o.hasNonNull("capture")) {
                ObjectNode c = object(o.get("capture"), "capture");
                only(c, "capture.", "share", "folder");
                at = "capture.";
                double share = number(c, "share", 1.0, 0, 1, false);
                String folder = text(c, "folder", "capture");
                capture = new Capture(share, base.resolve(folder).normalize());
                at = "";
            }
            Limits limits = Limits.defaults();
            if (o.hasNonNull("limits")) {
                ObjectNode l = object(o.get("limits"), "limits");
                only(l, "limits.", "maxRows", "maxBodyBytes", "timeoutMillis");
                at = "limits.";
                limits = new Limits((int) number(l, "maxRows", limits.maxRows(), 1, 10_000_000, true),
                        (long) number(l, "maxBodyBytes", limits.maxBodyBytes(), 1024, 1L << 32, true),
                        (long) number(l, "timeoutMillis", limits.timeoutMillis(), 100, 3_600_000, true));
                at = "";
            }
            Security security = Security.defaults();
            if (o.hasNonNull("security")) {
                ObjectNode s = object(o.get("security"), "security");
                only(s, "security.", "tokenFile", "keystore", "keystorePasswordEnv");
                at = "security.";
                String token = text(s, "tokenFile", null);
                String keystore = text(s, "keystore", null);
                security = new Security(token == null ? null : base.resolve(token).normalize(),
                        keystore == null ? null : base.resolve(keystore).normalize(),
                        text(s, "keystorePasswordEnv", security.keystorePasswordEnv()));
                at = "";
            }
            return new EndpointConfig(file, host, port, registry, variants, shadow, capture, limits, security);
        }

        private VariantSpec variant(JsonNode node, String where, boolean weighted) throws EndpointException {
            ObjectNode v = object(node, where);
            if (weighted) {
                only(v, where + ".", "name", "model", "weight");
            } else {
                only(v, where + ".", "name", "model");
            }
            at = where + ".";
            String name = text(v, "name", null);
            if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")) {
                throw fail(where + ".name", "is required: letters, digits, '-', '_' or '.', up to 64 (e.g. \"A\")");
            }
            String model = text(v, "model", null);
            if (model == null || model.isBlank()) {
                throw fail(where + ".model", "is required: a registry reference (churn@champion, churn:3) or a "
                        + "model folder relative to this file");
            }
            if (!io.tablewise.registry.ModelRef.looksLikeReference(model)) {
                model = base.resolve(model).normalize().toString();
            }
            double weight = weighted ? number(v, "weight", 1.0, 0, 1e6, false) : 0;
            at = "";
            return new VariantSpec(name, model, weight);
        }

        private ObjectNode object(JsonNode n, String where) throws EndpointException {
            if (!(n instanceof ObjectNode o)) {
                throw fail(where, "must be a JSON object {...}");
            }
            return o;
        }

        private void only(ObjectNode o, String prefix, String... allowed) throws EndpointException {
            Set<String> ok = Set.of(allowed);
            for (Iterator<String> it = o.fieldNames(); it.hasNext();) {
                String f = it.next();
                if (!ok.contains(f)) {
                    throw fail(prefix + f, "is not a setting here (expected one of " + String.join(", ", allowed)
                            + ")");
                }
            }
        }

        private String text(ObjectNode o, String field, String fallback) throws EndpointException {
            JsonNode v = o.get(field);
            if (v == null || v.isNull()) {
                return fallback;
            }
            if (!v.isTextual()) {
                throw fail(at + field, "must be text in quotes");
            }
            return v.asText();
        }

        private double number(ObjectNode o, String field, double fallback, double min, double max, boolean integral)
                throws EndpointException {
            JsonNode v = o.get(field);
            if (v == null || v.isNull()) {
                return fallback;
            }
            if (!v.isNumber() || (integral && !v.canConvertToExactIntegral())) {
                throw fail(at + field, "must be " + (integral ? "a whole number" : "a number"));
            }
            double d = v.asDouble();
            if (!(d >= min && d <= max)) {
                throw fail(at + field, "is " + v.asText() + "; it must be between " + plain(min) + " and "
                        + plain(max));
            }
            return d;
        }

        private EndpointException fail(String field, String what) {
            return new EndpointException(file + ": " + field + " " + what);
        }
    }

    private static String plain(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
    }
}
