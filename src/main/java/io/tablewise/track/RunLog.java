package io.tablewise.track;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;


/**
 * The run log of a project: {@code runs/runs.jsonl} in its results folder, one JSON record per line. Records are
 * appended under an inter-process lock ({@code runs/.runs.lock}), so two runs of the same flow at once both keep
 * their records; each append is one write of whole lines, flushed to disk, and a line cut by a crash is skipped by
 * the reader (and closed by the next append, so it never swallows the next record).
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
        StringBuilder text = new StringBuilder();
        for (RunRecord r : records) {
            text.append(JSON.writeValueAsString(r)).append('\n');
        }
        Path lockFile = file.resolveSibling(".runs.lock");
        try (FileChannel lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = lockChannel.lock();
             FileChannel log = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                     StandardOpenOption.WRITE)) {
            if (!lock.isValid()) {
                throw new IOException("could not lock " + lockFile);
            }
            long size = log.size();
            if (size > 0) {
                ByteBuffer last = ByteBuffer.allocate(1);
                log.read(last, size - 1);
                if (last.get(0) != '\n') {
                    text.insert(0, '\n'); // a record cut by a crash: end its line
                }
            }
            ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
            long at = size;
            while (bytes.hasRemaining()) {
                at += log.write(bytes, at);
            }
            log.force(true);
        }
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
