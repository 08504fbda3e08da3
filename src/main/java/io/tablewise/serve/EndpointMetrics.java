package io.tablewise.serve;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters and latency histograms per variant, written in the Prometheus text format. Lock-free: a request adds to
 * counters without waiting for another.
 */
final class EndpointMetrics {
    /** Latencies kept for the live percentiles. */
    static final int RECENT = 2048;
    /** Histogram bucket upper bounds, in seconds. */
    static final double[] BUCKETS = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    /** One variant's figures. */
    static final class Stats {
        final LongAdder requests = new LongAdder();
        final LongAdder rows = new LongAdder();
        final LongAdder errors = new LongAdder();
        final LongAdder[] buckets = new LongAdder[BUCKETS.length];
        final LongAdder nanos = new LongAdder();
        /** The latest latencies (a ring), for live percentiles. */
        final java.util.concurrent.atomic.AtomicLongArray recent = new java.util.concurrent.atomic.AtomicLongArray(
                RECENT);
        final java.util.concurrent.atomic.AtomicLong written = new java.util.concurrent.atomic.AtomicLong();

        Stats() {
            for (int i = 0; i < buckets.length; i++) {
                buckets[i] = new LongAdder();
            }
        }

        void answered(int rowCount, long elapsedNanos) {
            recent.set((int) (written.getAndIncrement() % RECENT), elapsedNanos);
            requests.increment();
            rows.add(rowCount);
            nanos.add(elapsedNanos);
            double s = elapsedNanos / 1e9;
            for (int i = 0; i < BUCKETS.length; i++) {
                if (s <= BUCKETS[i]) {
                    buckets[i].increment();
                    break;
                }
            }
        }
    }

    private final Map<String, Stats> byVariant = new ConcurrentHashMap<>();
    private final LongAdder refused = new LongAdder();
    private final LongAdder shadowDropped = new LongAdder();
    private final LongAdder captured = new LongAdder();

    Stats of(String variant) {
        return byVariant.computeIfAbsent(variant, k -> new Stats());
    }

    /** A request refused before a variant was chosen (bad JSON, a wrong token, an unknown path). */
    void refused() {
        refused.increment();
    }

    long refusedCount() {
        return refused.sum();
    }

    void shadowDropped() {
        shadowDropped.increment();
    }

    void captured(int rows) {
        captured.add(rows);
    }

    /** A variant's figures now: counts, and percentiles of its latest {@value #RECENT} latencies (ms). */
    Endpoint.VariantStats snapshot(String variant) {
        Stats s = byVariant.get(variant);
        if (s == null) {
            return new Endpoint.VariantStats(variant, 0, 0, 0, Double.NaN, Double.NaN);
        }
        int n = (int) Math.min(RECENT, s.written.get());
        long[] l = new long[n];
        for (int i = 0; i < n; i++) {
            l[i] = s.recent.get(i);
        }
        java.util.Arrays.sort(l);
        return new Endpoint.VariantStats(variant, s.requests.sum(), s.errors.sum(), s.rows.sum(),
                n == 0 ? Double.NaN : l[(int) Math.ceil(0.5 * n) - 1] / 1e6,
                n == 0 ? Double.NaN : l[(int) Math.ceil(0.99 * n) - 1] / 1e6);
    }

    long requests(String variant) {
        Stats s = byVariant.get(variant);
        return s == null ? 0 : s.requests.sum();
    }

    long errors(String variant) {
        Stats s = byVariant.get(variant);
        return s == null ? 0 : s.errors.sum();
    }

    /** The Prometheus text exposition. */
    String prometheus() {
        StringBuilder b = new StringBuilder();
        counter(b, "tablewise_requests_total", "Scoring requests answered, by variant.", s -> s.requests.sum());
        counter(b, "tablewise_rows_total", "Rows scored, by variant.", s -> s.rows.sum());
        counter(b, "tablewise_errors_total", "Scoring requests refused or failed after the variant was chosen, by "
                + "variant.", s -> s.errors.sum());
        b.append("# HELP tablewise_request_duration_seconds Time to parse, score and answer a request, by variant.\n");
        b.append("# TYPE tablewise_request_duration_seconds histogram\n");
        for (Map.Entry<String, Stats> e : new java.util.TreeMap<>(byVariant).entrySet()) {
            String v = label(e.getKey());
            long cumulative = 0;
            for (int i = 0; i < BUCKETS.length; i++) {
                cumulative += e.getValue().buckets[i].sum();
                b.append(String.format(Locale.ROOT, "tablewise_request_duration_seconds_bucket{variant=\"%s\","
                        + "le=\"%s\"} %d%n", v, BUCKETS[i], cumulative));
            }
            long count = e.getValue().requests.sum();
            b.append(String.format(Locale.ROOT, "tablewise_request_duration_seconds_bucket{variant=\"%s\",le=\"+Inf\"}"
                    + " %d%n", v, count));
            b.append(String.format(Locale.ROOT, "tablewise_request_duration_seconds_sum{variant=\"%s\"} %.6f%n", v,
                    e.getValue().nanos.sum() / 1e9));
            b.append(String.format(Locale.ROOT, "tablewise_request_duration_seconds_count{variant=\"%s\"} %d%n", v,
                    count));
        }
        b.append("# HELP tablewise_refused_total Requests refused before a variant was chosen.\n");
        b.append("# TYPE tablewise_refused_total counter\n");
        b.append("tablewise_refused_total ").append(refused.sum()).append('\n');
        b.append("# HELP tablewise_captured_rows_total Rows written to the data capture.\n");
        b.append("# TYPE tablewise_captured_rows_total counter\n");
        b.append("tablewise_captured_rows_total ").append(captured.sum()).append('\n');
        b.append("# HELP tablewise_shadow_dropped_total Requests not copied to the shadow variant because it was "
                + "behind.\n");
        b.append("# TYPE tablewise_shadow_dropped_total counter\n");
        b.append("tablewise_shadow_dropped_total ").append(shadowDropped.sum()).append('\n');
        return b.toString();
    }

    private void counter(StringBuilder b, String name, String help, java.util.function.ToLongFunction<Stats> f) {
        b.append("# HELP ").append(name).append(' ').append(help).append('\n');
        b.append("# TYPE ").append(name).append(" counter\n");
        for (Map.Entry<String, Stats> e : new java.util.TreeMap<>(byVariant).entrySet()) {
            b.append(name).append("{variant=\"").append(label(e.getKey())).append("\"} ")
                    .append(f.applyAsLong(e.getValue())).append('\n');
        }
    }

    private static String label(String v) {
        return v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
