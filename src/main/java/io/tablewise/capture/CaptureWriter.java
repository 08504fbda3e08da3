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

    /** The captured scored row as a line. */
    public void add(CaptureRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("requestId", r.requestId());
        m.put("row", r.row());
        m.put("time", r.time());
        m.put("variant", r.variant());
        m.put("model", r.model());
        m.put("version", r.version());
        if (r.shadow()) {
            m.put("shadow", true);
        }
        m.put("latencyMs", r.latencyMs());
        m.put("input", r.input());
        m.put("prediction", r.prediction());
        if (!r.probabilities().isEmpty()) {
            m.put("probabilities", r.probabilities());
        }
        append(r.time(), m);
    }

    /** The outcome as a line. */
    public void add(FeedbackRecord f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("requestId", f.requestId());
        m.put("row", f.row());
        m.put("actual", f.actual());
        m.put("time", f.time());
        append(f.time(), m);
    }

    private void append(String time, Map<String, Object> record) {
        String line;
        try {
            line = JSON.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        String file = prefix + "-" + HOUR.format(Instant.parse(time)) + ".jsonl";
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
