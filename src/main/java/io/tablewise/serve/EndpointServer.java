package io.tablewise.serve;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Carries an {@link Endpoint} over HTTP (or HTTPS from a keystore) with Jetty. Bodies larger than the limit are
 * refused with 413 before they are read whole; Jetty's own refusals (a malformed request line, headers too large) are
 * JSON too, without stacks. {@link #stop()} stops taking connections, lets the requests in flight finish (up to the
 * request timeout), then closes the endpoint, which writes the capture's last records.
 */
public final class EndpointServer implements AutoCloseable {
    private final Server server;
    private final ServerConnector connector;
    private final Endpoint endpoint;
    private final boolean tls;
    private final GracefulHandler graceful;

    private EndpointServer(Server server, ServerConnector connector, Endpoint endpoint, boolean tls,
                           GracefulHandler graceful) {
        this.graceful = graceful;
        this.server = server;
        this.connector = connector;
        this.endpoint = endpoint;
        this.tls = tls;
    }

    /**
     * Starts serving.
     *
     * @param token the bearer token every request must carry, or null (refused when the address is not loopback)
     * @throws EndpointException when the address is taken, the keystore does not open, or a token is missing
     */
    public static EndpointServer start(Endpoint endpoint, String token) throws EndpointException {
        EndpointConfig config = endpoint.config();
        if (!config.loopback() && token == null) {
            throw new EndpointException("listening on " + config.host() + " (beyond this machine) needs a bearer "
                    + "token");
        }
        endpoint.requireToken(token);
        QueuedThreadPool threads = new QueuedThreadPool(Math.max(16, 4 * Runtime.getRuntime().availableProcessors()),
                4);
        threads.setName("tablewise-endpoint");
        threads.setDaemon(true);
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setRequestHeaderSize(16 * 1024);
        ServerConnector connector;
        boolean tls = config.security().keystore() != null;
        if (tls) {
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            Path keystore = config.security().keystore();
            if (!Files.isReadable(keystore)) {
                throw new EndpointException("security.keystore: " + keystore + " cannot be read");
            }
            String password = System.getenv(config.security().keystorePasswordEnv());
            if (password == null) {
                password = System.getProperty("tablewise.keystorePassword"); // tests set it in-process
            }
            if (password == null) {
                throw new EndpointException("security.keystore: set the environment variable "
                        + config.security().keystorePasswordEnv() + " to the keystore's password");
            }
            ssl.setKeyStorePath(keystore.toString());
            ssl.setKeyStorePassword(password);
            http.addCustomizer(new SecureRequestCustomizer(false)); // no SNI check: clients may use the address
            connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"),
                    new HttpConnectionFactory(http));
        } else {
            connector = new ServerConnector(server, new HttpConnectionFactory(http));
        }
        connector.setHost(config.host());
        connector.setPort(config.port());
        // a silent connection is closed after the request timeout (and a margin, so a slow batch gets its 503 first)
        connector.setIdleTimeout(config.limits().timeoutMillis() + 5_000);
        server.addConnector(connector);
        GracefulHandler graceful = new GracefulHandler(new Adapter(endpoint, config.limits().maxBodyBytes()));
        server.setHandler(graceful);
        server.setErrorHandler(new JsonErrors());
        server.setStopTimeout(config.limits().timeoutMillis());
        server.setStopAtShutdown(false);
        try {
            server.start();
        } catch (Exception e) {
            try {
                server.stop();
            } catch (Exception ignored) {
                // it did not start: nothing runs
            }
            String why = e instanceof IOException && e.getMessage() != null && e.getMessage().contains("bind")
                    ? "the address " + config.host() + ":" + config.port() + " is in use or not this machine's; "
                            + "choose another port" : String.valueOf(e.getMessage());
            if (e.getCause() != null && tls) {
                why += " (" + e.getCause().getMessage() + ")";
            }
            throw new EndpointException("the endpoint did not start: " + why, e);
        }
        return new EndpointServer(server, connector, endpoint, tls, graceful);
    }

    /** Requests being answered now. */
    public long inFlight() {
        return graceful.getCurrentRequestCount();
    }

    /** The port it listens on (the one chosen when the configuration said 0). */
    public int port() {
        return connector.getLocalPort();
    }

    /** The base URL, e.g. {@code http://127.0.0.1:8080}. */
    public String url() {
        String host = endpoint.config().host().contains(":") ? "[" + endpoint.config().host() + "]"
                : endpoint.config().host();
        return (tls ? "https" : "http") + "://" + host + ":" + port();
    }

    /** The endpoint it carries. */
    public Endpoint endpoint() {
        return endpoint;
    }

    /** Waits until the server stops. */
    public void join() throws InterruptedException {
        server.join();
    }

    /** Stops gracefully: requests in flight finish, then the capture is written out. */
    public void stop() {
        try {
            server.stop();
        } catch (Exception e) {
            java.util.logging.Logger.getLogger(EndpointServer.class.getName()).warning("stop: " + e.getMessage());
        } finally {
            endpoint.close();
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** Jetty's request to the endpoint's {@code handle} and back. */
    private static final class Adapter extends Handler.Abstract {
        /** Bytes past the limit still read (and dropped) so a client gets its 413. */
        private static final long DRAIN = 8L << 20;
        private final Endpoint endpoint;
        private final long maxBody;

        Adapter(Endpoint endpoint, long maxBody) {
            this.endpoint = endpoint;
            this.maxBody = maxBody;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            Reply reply;
            boolean whole = true; // the request's body was read to its end: the connection can serve another
            long declared = request.getLength();
            if (declared > maxBody) {
                whole = declared - maxBody <= DRAIN && drain(request);
                reply = tooLarge();
            } else {
                byte[] body = read(request);
                if (body == null) {
                    whole = drain(request);
                    reply = tooLarge();
                } else {
                    reply = endpoint.handle(request.getMethod(), Request.getPathInContext(request),
                            name -> request.getHeaders().get(name), body);
                }
            }
            response.setStatus(reply.status());
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, reply.contentType());
            for (Map.Entry<String, String> h : reply.headers().entrySet()) {
                response.getHeaders().put(h.getKey(), h.getValue());
            }
            if (!whole) {
                response.getHeaders().put(HttpHeader.CONNECTION, "close"); // the rest of the body is not read
            }
            response.write(true, ByteBuffer.wrap(reply.body()), callback);
            return true;
        }

        private Reply tooLarge() {
            return Reply.text(413, Reply.JSON, "{\"error\":\"the body is larger than this endpoint takes ("
                    + maxBody + " bytes); send fewer rows per request, or raise limits.maxBodyBytes\"}");
        }

        /** The body, or null when it is larger than the limit (what was read of it is dropped). */
        private byte[] read(Request request) {
            try {
                InputStream in = Content.Source.asInputStream(request);
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(
                        (int) Math.min(Math.max(request.getLength(), 256), maxBody));
                byte[] buffer = new byte[16 * 1024];
                long total = 0;
                for (int n; (n = in.read(buffer)) > 0;) {
                    total += n;
                    if (total > maxBody) {
                        return null;
                    }
                    out.write(buffer, 0, n);
                }
                return out.toByteArray();
            } catch (IOException e) {
                return new byte[0];
            }
        }

        /**
         * Reads and drops the rest of a body that is a little too large (up to {@value #DRAIN} bytes more), so the
         * client, still sending, receives its 413 instead of a broken connection; true when it reached the end.
         */
        private boolean drain(Request request) {
            try (InputStream in = Content.Source.asInputStream(request)) {
                byte[] buffer = new byte[64 * 1024];
                long dropped = 0;
                for (int n; (n = in.read(buffer)) > 0;) {
                    dropped += n;
                    if (dropped > DRAIN) {
                        return false;
                    }
                }
                return true;
            } catch (IOException e) {
                return false;
            }
        }
    }

    /** Jetty's own refusals as JSON, never with a stack. */
    private static final class JsonErrors extends ErrorHandler {
        JsonErrors() {
            setShowStacks(false);
        }

        @Override
        protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                        Callback callback) {
            String text = message == null ? "the request was refused (HTTP " + code + ")" : message;
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, Reply.JSON);
            String body = "{\"error\":\"" + text.replace("\\", "\\\\").replace("\"", "\\\"")
                    .replaceAll("\\p{Cntrl}", " ") + "\"}";
            response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
        }
    }
}
