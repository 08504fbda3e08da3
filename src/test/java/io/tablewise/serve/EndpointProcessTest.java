package io.tablewise.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tablewise.capture.CaptureReader;

/**
 * The endpoint as users run it: {@code tablewise serve} in its own JVM killed with SIGKILL (the capture keeps every
 * answered request up to the last second, with no torn line), and an endpoint beyond loopback, which needs the
 * bearer token and serves HTTPS from a keystore.
 */
class EndpointProcessTest {
    @TempDir
    static Path dir;
    static ServeFixtures f;

    @BeforeAll
    static void models() throws Exception {
        f = new ServeFixtures(dir);
    }

    @Test
    void aKilledServerLeavesWholeCaptureLinesUpToTheLastSecond() throws Exception {
        Path config = dir.resolve("kill.json");
        Files.writeString(config, "{\"formatVersion\": 1, \"port\": 0, \"variants\": [{\"name\": \"A\", \"model\": "
                + "\"a/model\"}], \"capture\": {\"share\": 1.0, \"folder\": \"killed\"}}");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "io.tablewise.Main", "serve", config.toString());
        pb.environment().put("OMP_WAIT_POLICY", "PASSIVE");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String url = null;
            StringBuilder seen = new StringBuilder();
            for (String line; (line = out.readLine()) != null;) {
                seen.append(line).append('\n');
                if (line.startsWith("Serving on ")) {
                    url = line.substring("Serving on ".length()).strip();
                    break;
                }
            }
            assertTrue(url != null, seen.toString());
            String body = f.body(f.jsonRows(f.rows, 0, 3, "churned"));
            int answered = 0;
            for (int i = 0; i < 200; i++) {
                HttpResponse<String> r = f.send("POST", url + "/invocations", body);
                assertEquals(200, r.statusCode(), r.body());
                answered++;
            }
            Thread.sleep(1_000); // the capture reaches the disk within a second
            p.destroyForcibly(); // SIGKILL: no shutdown hook, no last flush
            assertTrue(p.waitFor(10, TimeUnit.SECONDS));
            CaptureReader.Contents c = CaptureReader.read(dir.resolve("killed"));
            assertEquals(0, c.skippedLines(), c.firstSkipped());
            assertEquals(answered * 3, c.records().size());
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void beyondLoopbackEveryRequestNeedsTheTokenAndTlsServesFromAKeystore() throws Exception {
        Path keystore = dir.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "endpoint", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12", "-keystore",
                keystore.toString(), "-storepass", "changeit", "-keypass", "changeit").redirectErrorStream(true)
                .start();
        assertEquals(0, keytool.waitFor(), new String(keytool.getInputStream().readAllBytes()));
        Path tokenFile = dir.resolve("secrets/endpoint.token");
        EndpointConfig c = f.config("tls.json", "{\"formatVersion\": 1, \"host\": \"0.0.0.0\", \"port\": 0, "
                + "\"variants\": [{\"name\": \"A\", \"model\": \"a/model\"}], \"security\": {\"tokenFile\": "
                + "\"secrets/endpoint.token\", \"keystore\": \"server.p12\", \"keystorePasswordEnv\": "
                + "\"TABLEWISE_TEST_NO_SUCH_VARIABLE\"}}");
        assertThrows(EndpointException.class, () -> EndpointServer.start(Endpoint.open(c), null),
                "a server beyond loopback without a token must not start");
        EndpointToken token = EndpointToken.obtain(c.security().tokenFile());
        assertTrue(token.created());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile)));
        assertEquals(token.value(), EndpointToken.obtain(tokenFile).value()); // kept, not made again
        EndpointException noPassword = assertThrows(EndpointException.class,
                () -> EndpointServer.start(Endpoint.open(c), token.value()));
        assertTrue(noPassword.getMessage().contains("TABLEWISE_TEST_NO_SUCH_VARIABLE"), noPassword.getMessage());

        System.setProperty("tablewise.keystorePassword", "changeit");
        try (EndpointServer s = EndpointServer.start(Endpoint.open(c), token.value())) {
            assertTrue(s.url().startsWith("https://"));
            KeyStore trust = KeyStore.getInstance("PKCS12");
            try (var in = Files.newInputStream(keystore)) {
                trust.load(in, "changeit".toCharArray());
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, tmf.getTrustManagers(), null);
            HttpClient client = HttpClient.newBuilder().sslContext(ssl).build();
            String base = "https://127.0.0.1:" + s.port();
            String body = f.body(f.jsonRows(f.rows, 0, 1, "churned"));
            for (String path : List.of("/ping", "/variants", "/metrics", "/openapi.json")) {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(401, r.statusCode(), path);
                assertTrue(r.body().contains("Bearer"), r.body());
            }
            HttpResponse<String> wrong = client.send(HttpRequest.newBuilder(URI.create(base + "/invocations"))
                    .header("Authorization", "Bearer " + "0".repeat(64)).POST(HttpRequest.BodyPublishers
                            .ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(401, wrong.statusCode());
            HttpResponse<String> ok = client.send(HttpRequest.newBuilder(URI.create(base + "/invocations"))
                    .header("Authorization", "Bearer " + token.value()).POST(HttpRequest.BodyPublishers
                            .ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, ok.statusCode(), ok.body());
            assertTrue(ok.body().contains("\"predictions\""));
        } finally {
            System.clearProperty("tablewise.keystorePassword");
        }
    }
}
