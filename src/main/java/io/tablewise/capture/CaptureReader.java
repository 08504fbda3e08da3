package io.tablewise.capture;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads a capture folder: the scored rows and the outcomes, oldest file first. A line that is not a record (a file
 * edited by hand, a disk that failed) is skipped and counted, with the first one's file and line kept for the
 * message.
 */
public final class CaptureReader {
    /** What a folder holds. */
    public record Contents(List<CaptureRecord> records, List<FeedbackRecord> feedback, int skippedLines,
                           String firstSkipped) {
    }

    private CaptureReader() {
    }

    /** Reads every capture and feedback file of the folder. */
    public static Contents read(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException("the capture folder " + folder + " does not exist");
        }
        List<CaptureRecord> records = new ArrayList<>();
        List<FeedbackRecord> feedback = new ArrayList<>();
        int[] skipped = {0};
        String[] first = {null};
        for (Path f : CaptureWriter.files(folder, "capture")) {
            readLines(f, skipped, first, n -> records.add(record(n)));
        }
        for (Path f : CaptureWriter.files(folder, "feedback")) {
            readLines(f, skipped, first, n -> feedback.add(new FeedbackRecord(text(n, "requestId"),
                    n.path("row").asInt(), text(n, "actual"), text(n, "time"))));
        }
        return new Contents(records, feedback, skipped[0], first[0]);
    }

    /** The records of one capture file (the monitor's batch). */
    public static List<CaptureRecord> readFile(Path file) throws IOException {
        return readFile(file, new int[1]);
    }

    /** The same, counting in {@code skipped[0]} the lines that could not be read (a torn last line). */
    public static List<CaptureRecord> readFile(Path file, int[] skipped) throws IOException {
        List<CaptureRecord> records = new ArrayList<>();
        readLines(file, skipped, new String[1], n -> records.add(record(n)));
        return records;
    }

    private interface LineSink {
        void accept(JsonNode n);
    }

    private static void readLines(Path f, int[] skipped, String[] first, LineSink sink) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = r.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    JsonNode n = CaptureWriter.JSON.readTree(line);
                    if (!n.isObject() || !n.hasNonNull("requestId")) {
                        throw new IOException("not a record");
                    }
                    sink.accept(n);
                } catch (IOException | RuntimeException e) {
                    skipped[0]++;
                    if (first[0] == null) {
                        first[0] = f.getFileName() + " line " + number;
                    }
                }
            }
        }
    }

    private static CaptureRecord record(JsonNode n) {
        Map<String, Object> input = new LinkedHashMap<>();
        n.path("input").fields().forEachRemaining(e -> input.put(e.getKey(), value(e.getValue())));
        Map<String, Double> p = new LinkedHashMap<>();
        n.path("probabilities").fields().forEachRemaining(e -> p.put(e.getKey(), e.getValue().asDouble()));
        return new CaptureRecord(text(n, "requestId"), n.path("row").asInt(), text(n, "time"), text(n, "variant"),
                text(n, "model"), text(n, "version"), n.path("shadow").asBoolean(false),
                n.path("latencyMs").asDouble(), input, text(n, "prediction"), p);
    }

    private static Object value(JsonNode v) {
        if (v.isNull()) {
            return null;
        }
        if (v.isNumber()) {
            return v.numberValue();
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        return v.asText();
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
