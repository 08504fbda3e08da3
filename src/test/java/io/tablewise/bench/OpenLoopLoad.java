package io.tablewise.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A load generator that does not hide slow answers: request {@code i} is due at {@code start + i / rate} whatever
 * happened before, and its latency is counted from that intended time, so a stalled server shows in the latencies
 * of every request that had to wait (wrk and hey send the next request only after an answer, which hides exactly
 * those). Keep-alive HTTP/1.1 connections, each a thread taking the next due request; with too few connections the
 * waiting shows as latency too, never as a lower rate.
 */
final class OpenLoopLoad {
    /** What a run measured. */
    record Result(int sent, int ok, int failed, double seconds, long[] latencyNanos) {
        double rate() {
            return ok / seconds;
        }

        double percentileMillis(double p) {
            long[] sorted = latencyNanos.clone();
            Arrays.sort(sorted);
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int at = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
            return sorted[Math.max(at, 0)] / 1e6;
        }
    }

    private OpenLoopLoad() {
    }

    /** The bytes of a POST of a JSON body. */
    static byte[] post(String host, int port, String path, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nContent-Type: application/json"
                + "\r\nContent-Length: " + body.length + "\r\n\r\n";
        byte[] h = head.getBytes(StandardCharsets.US_ASCII);
        byte[] all = Arrays.copyOf(h, h.length + body.length);
        System.arraycopy(body, 0, all, h.length, body.length);
        return all;
    }

    /**
     * Sends {@code rate} requests a second for {@code seconds} (a rate of 0 sends each as soon as a connection is
     * free: the closed-loop maximum).
     */
    static Result run(String host, int port, byte[] request, int rate, double seconds, int connections)
            throws Exception {
        int total = rate > 0 ? (int) Math.round(rate * seconds) : Integer.MAX_VALUE;
        long period = rate > 0 ? Math.round(1e9 / rate) : 0;
        long[] latency = new long[rate > 0 ? total : 1 << 22];
        AtomicLong next = new AtomicLong();
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long start = System.nanoTime() + 20_000_000L;
        long deadline = start + (long) (seconds * 1e9);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            Thread t = new Thread(() -> {
                Socket socket = null;
                try {
                    socket = open(host, port);
                    OutputStream out = socket.getOutputStream();
                    InputStream in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
                    while (true) {
                        long i = next.getAndIncrement();
                        if (i >= total || i >= latency.length) {
                            break;
                        }
                        long due = rate > 0 ? start + i * period : System.nanoTime();
                        if (rate == 0 && due > deadline) {
                            break;
                        }
                        while (System.nanoTime() < due) {
                            long wait = due - System.nanoTime();
                            if (wait > 60_000) {
                                LockSupport.parkNanos(wait - 50_000);
                            } else {
                                Thread.onSpinWait();
                            }
                        }
                        out.write(request);
                        out.flush();
                        int status = readResponse(in);
                        latency[(int) i] = System.nanoTime() - due;
                        if (status == 200) {
                            ok.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                        }
                    }
                } catch (IOException e) {
                    failed.incrementAndGet();
                } finally {
                    if (socket != null) {
                        try {
                            socket.close();
                        } catch (IOException ignored) {
                            // closing after the run
                        }
                    }
                }
            }, "load-" + c);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        double took = (System.nanoTime() - start) / 1e9;
        int sent = (int) Math.min(next.get(), rate > 0 ? total : latency.length);
        int answered = (int) (ok.get() + failed.get());
        long[] measured = Arrays.copyOf(latency, Math.min(sent, latency.length));
        long[] nonZero = Arrays.stream(measured).filter(x -> x > 0).toArray();
        return new Result(Math.max(sent, answered), (int) ok.get(), (int) failed.get(),
                rate > 0 ? Math.max(took, seconds) : took, nonZero);
    }

    private static Socket open(String host, int port) throws IOException {
        Socket s = new Socket(host, port);
        s.setTcpNoDelay(true);
        return s;
    }

    /** Reads one HTTP/1.1 response (Content-Length framed, as the endpoint answers); returns its status. */
    static int readResponse(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int status = -1;
        long length = 0;
        boolean first = true;
        while (true) {
            line.setLength(0);
            int b;
            while ((b = in.read()) != '\n') {
                if (b < 0) {
                    throw new IOException("the server closed the connection");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            if (line.length() == 0) {
                break;
            }
            String l = line.toString();
            if (first) {
                status = Integer.parseInt(l.substring(9, 12));
                first = false;
            } else if (l.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                length = Long.parseLong(l.substring(15).trim());
            }
        }
        for (long left = length; left > 0;) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new IOException("the body ended early");
                }
                skipped = 1;
            }
            left -= skipped;
        }
        return status;
    }
}
