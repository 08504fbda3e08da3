package io.tablewise.capture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Appends records as JSON Lines to one file per hour (UTC), {@code PREFIX-YYYYMMDD-HH.jsonl}. Records wait in memory
 * and are written together every {@value #FLUSH_MILLIS} ms, so a crash loses at most that much; each batch is whole
 * lines in one append, and a file that a power cut left with a partial last line is cut back to its last whole line
 * before anything is appended to it. Thread-safe; {@link #close()} writes what is left.
 */
public final class CaptureWriter implements AutoCloseable {
    /** How often waiting records reach the file. */
    public static final int FLUSH_MILLIS = 200;
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyyMMdd-HH").withZone(ZoneOffset.UTC);
    static final ObjectMapper JSON = new ObjectMapper();

    private final Path folder;
    private final String prefix;
    private final Map<String, StringBuilder> pending = new LinkedHashMap<>();
    private final ScheduledExecutorService flusher;
    private final AtomicLong written = new AtomicLong();
    private volatile IOException failure;

    /**
     * Opens a writer; the folder is created.
     *
     * @param prefix {@code capture} or {@code feedback}
     */
    public CaptureWriter(Path folder, String prefix) throws IOException {
        this.folder = folder;
        this.prefix = prefix;
        Files.createDirectories(folder);
        flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tablewise-" + prefix + "-writer");
            t.setDaemon(true);
            return t;
        });
        flusher.scheduleWithFixedDelay(this::flushQuietly, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The captured scored row as a line (written field by field: the endpoint adds one per scored row). */
    public void add(CaptureRecord r) {
        java.io.StringWriter line = new java.io.StringWriter(256);
        try (com.fasterxml.jackson.core.JsonGenerator g = JSON.getFactory().createGenerator(line)) {
            g.writeStartObject();
            g.writeStringField("requestId", r.requestId());
            g.writeNumberField("row", r.row());
            g.writeStringField("time", r.time());
            g.writeStringField("variant", r.variant());
            g.writeStringField("model", r.model());
            g.writeStringField("version", r.version());
            if (r.shadow()) {
                g.writeBooleanField("shadow", true);
            }
            g.writeNumberField("latencyMs", r.latencyMs());
            g.writeObjectFieldStart("input");
            for (Map.Entry<String, Object> e : r.input().entrySet()) {
                g.writeFieldName(e.getKey());
                value(g, e.getValue());
            }
            g.writeEndObject();
            g.writeStringField("prediction", r.prediction());
            if (!r.probabilities().isEmpty()) {
                g.writeObjectFieldStart("probabilities");
                for (Map.Entry<String, Double> e : r.probabilities().entrySet()) {
                    g.writeFieldName(e.getKey());
                    value(g, e.getValue());
                }
                g.writeEndObject();
            }
            g.writeEndObject();
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
        append(r.time(), line.toString());
    }

    private static void value(com.fasterxml.jackson.core.JsonGenerator g, Object v) throws java.io.IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof Double d) {
            if (Double.isFinite(d)) {
                g.writeNumber(d);
            } else {
                g.writeNull();
            }
        } else if (v instanceof Long l) {
            g.writeNumber(l);
        } else if (v instanceof Integer i) {
            g.writeNumber(i);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else {
            g.writeString(String.valueOf(v));
        }
    }

    /** The outcome as a line. */
    public void add(FeedbackRecord f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("requestId", f.requestId());
        m.put("row", f.row());
        m.put("actual", f.actual());
        m.put("time", f.time());
        try {
            append(f.time(), JSON.writeValueAsString(m));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The hour's file of an ISO-8601 UTC time ({@code 2026-12-03T21:07:00Z} is in {@code PREFIX-20261203-21}). */
    private String fileOf(String time) {
        if (time.length() >= 14 && time.charAt(4) == '-' && time.charAt(10) == 'T') { // Instant.toString's form
            return prefix + "-" + time.substring(0, 4) + time.substring(5, 7) + time.substring(8, 10) + "-"
                    + time.substring(11, 13) + ".jsonl";
        }
        return prefix + "-" + HOUR.format(Instant.parse(time)) + ".jsonl";
    }

    private void append(String time, String line) {
        String file = fileOf(time);
        synchronized (pending) {
            pending.computeIfAbsent(file, k -> new StringBuilder()).append(line).append('\n');
        }
    }

    /** Records written to disk so far. */
    public long written() {
        return written.get();
    }

    /** The last write failure (a full disk, a removed folder), or null: the endpoint reports it. */
    public IOException failure() {
        return failure;
    }

    /** Writes every waiting record now. */
    public void flush() throws IOException {
        Map<String, StringBuilder> batch;
        synchronized (pending) {
            if (pending.isEmpty()) {
                return;
            }
            batch = new LinkedHashMap<>(pending);
            pending.clear();
        }
        synchronized (this) { // one flush at a time keeps each file's lines in order
            for (Map.Entry<String, StringBuilder> e : batch.entrySet()) {
                byte[] bytes = e.getValue().toString().getBytes(StandardCharsets.UTF_8);
                Path file = folder.resolve(e.getKey());
                try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                        StandardOpenOption.WRITE)) {
                    long end = wholeLinesEnd(ch);
                    ch.truncate(end);
                    ByteBuffer buf = ByteBuffer.wrap(bytes);
                    long at = end;
                    while (buf.hasRemaining()) {
                        at += ch.write(buf, at);
                    }
                }
                written.addAndGet(count(bytes));
            }
        }
    }

    private void flushQuietly() {
        try {
            flush();
            failure = null;
        } catch (IOException | RuntimeException e) {
            failure = e instanceof IOException io ? io : new IOException(e.getMessage(), e);
        }
    }

    /** The length of the file up to and including its last newline (a partial last line is dropped). */
    static long wholeLinesEnd(FileChannel ch) throws IOException {
        long size = ch.size();
        if (size == 0) {
            return 0;
        }
        ByteBuffer one = ByteBuffer.allocate(4096);
        long pos = size;
        while (pos > 0) {
            int n = (int) Math.min(one.capacity(), pos);
            one.clear().limit(n);
            ch.read(one, pos - n);
            for (int i = n - 1; i >= 0; i--) {
                if (one.get(i) == '\n') {
                    return pos - n + i + 1;
                }
            }
            pos -= n;
        }
        return 0;
    }

    private static long count(byte[] bytes) {
        long n = 0;
        for (byte b : bytes) {
            n += b == '\n' ? 1 : 0;
        }
        return n;
    }

    /** The capture files of a folder with this prefix, oldest first. */
    public static List<Path> files(Path folder, String prefix) throws IOException {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return out;
        }
        try (var s = Files.list(folder)) {
            s.filter(p -> p.getFileName().toString().matches(java.util.regex.Pattern.quote(prefix)
                    + "-\\d{8}-\\d{2}\\.jsonl")).sorted().forEach(out::add);
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        flusher.shutdown();
        try {
            flusher.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush();
    }
}
