package io.tablewise.track;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.tablewise.io.AtomicFiles;

/**
 * The run log of a project: {@code runs/runs.jsonl} in its results folder, one JSON record per line, appended by
 * rewriting the file atomically (so a crash never leaves half a record).
 */
public final class RunLog {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;

    /** The log under a results folder. */
    public RunLog(Path resultsRoot) {
        this.file = resultsRoot.resolve("runs").resolve("runs.jsonl");
    }

    /** The log file. */
    public Path file() {
        return file;
    }

    /** Appends records. */
    public void append(List<RunRecord> records) throws IOException {
        if (records.isEmpty()) {
            return;
        }
        Files.createDirectories(file.getParent());
        StringBuilder text = new StringBuilder(Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8)
                : "");
        for (RunRecord r : records) {
            text.append(JSON.writeValueAsString(r)).append('\n');
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    /** Every record, oldest first; a damaged line is reported through {@code problems} and skipped. */
    public List<RunRecord> read(List<String> problems) throws IOException {
        List<RunRecord> out = new ArrayList<>();
        if (!Files.exists(file)) {
            return out;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            try {
                out.add(JSON.readValue(lines.get(i), RunRecord.class));
            } catch (IOException e) {
                problems.add(file + " line " + (i + 1) + " is not a run record; skipped");
            }
        }
        return out;
    }
}
