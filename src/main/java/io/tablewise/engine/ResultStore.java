package io.tablewise.engine;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import tech.tablesaw.api.Table;

import io.tablewise.data.TableCodec;
import io.tablewise.insights.InsightsReport;
import io.tablewise.model.ModelFiles;
import io.tablewise.model.TrainedModel;

/**
 * Node results kept on disk beside a flow, in a hidden folder the flow file does not name ({@value #FOLDER}), one
 * folder per fingerprint: reopening a flow shows its last results at once and re-runs only what changed (KNIME keeps
 * node results with the workflow in the same way). A fingerprint covers the node type, its parameters, its inputs'
 * fingerprints and the content of the files it reads, so an entry is valid wherever it is found. Entries are written
 * whole or not at all (a temporary folder renamed), the folder is capped in size (least recently used go first), and
 * deleting it only costs a re-run.
 */
public final class ResultStore {
    /** The folder's name inside the flow's folder. */
    public static final String FOLDER = ".tablewise-results";
    /** The default cap on the folder's size. */
    public static final long DEFAULT_CAP_BYTES = 2L * 1024 * 1024 * 1024;

    private static final Logger LOG = Logger.getLogger(ResultStore.class.getName());
    private static final String INDEX = "outputs.json";
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Path root;
    private final long capBytes;

    /** The store of the flows in {@code flowDir}, capped at {@code capBytes}. */
    public ResultStore(Path flowDir, long capBytes) {
        this.root = flowDir.resolve(FOLDER);
        this.capBytes = capBytes;
    }

    /** The store of the flows in {@code flowDir}, with the default cap. */
    public static ResultStore in(Path flowDir) {
        return new ResultStore(flowDir, DEFAULT_CAP_BYTES);
    }

    /** The folder holding the entries. */
    public Path root() {
        return root;
    }

    /**
     * Keeps a node's outputs under its fingerprint. Outputs of a kind the store cannot write (none today) leave the
     * node out. Failures (a read-only folder, a full disk) are logged and cost only a later re-run.
     */
    public synchronized void save(String fingerprint, Map<String, Object> outputs,
                                  List<io.tablewise.node.NodeMessage> messages) {
        if (!valid(fingerprint) || Files.isDirectory(root.resolve(fingerprint))) {
            return;
        }
        boolean kept = publish(root, fingerprint, temp -> {
            ObjectNode entry = JSON.createObjectNode();
            ObjectNode index = entry.putObject("outputs");
            var notes = entry.putArray("messages");
            for (io.tablewise.node.NodeMessage m : messages) {
                notes.addObject().put("severity", m.severity().name()).put("param", m.param()).put("text", m.text());
            }
            int i = 0;
            for (Map.Entry<String, Object> e : outputs.entrySet()) {
                String file = "out" + i++;
                String kind = writeOutput(e.getValue(), temp.resolve(file));
                if (kind == null) {
                    return false; // an output the store cannot write: the node is left out
                }
                index.putObject(e.getKey()).put("kind", kind).put("file", file);
            }
            JSON.writeValue(temp.resolve(INDEX).toFile(), entry);
            return true;
        });
        if (kept) {
            try {
                evict();
            } catch (IOException e) {
                LOG.log(Level.FINE, "could not trim " + root, e);
            }
        }
    }

    /** Fills a folder. */
    @FunctionalInterface
    private interface Filler {
        /** Writes the entry into {@code folder}; false to drop it. */
        boolean fill(Path folder) throws IOException;
    }

    /**
     * Writes an entry whole or not at all: {@code filler} fills a temporary folder in {@code into}, which is then
     * renamed to {@code name} at once; on any failure the temporary folder goes and nothing is published. Failures
     * (a read-only folder, a full disk) are logged: they cost only a later re-run.
     */
    private static boolean publish(Path into, String name, Filler filler) {
        Path temp = null;
        try {
            Files.createDirectories(into);
            temp = Files.createTempDirectory(into, ".tmp-");
            if (!filler.fill(temp)) {
                return false;
            }
            Files.move(temp, into.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            temp = null;
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "could not keep a node result in " + into, e);
            return false;
        } finally {
            if (temp != null) {
                deleteTree(temp);
            }
        }
    }

    /** A kept result: the node's outputs and the warnings and notes it gave. */
    public record Stored(Map<String, Object> outputs, List<io.tablewise.node.NodeMessage> messages) {
    }

    /** A node's result by fingerprint, if kept and readable (a damaged entry is deleted). */
    public synchronized Optional<Stored> load(String fingerprint, String nodeId) {
        if (!valid(fingerprint)) {
            return Optional.empty();
        }
        Path entry = root.resolve(fingerprint);
        Path index = entry.resolve(INDEX);
        if (!Files.isRegularFile(index)) {
            return Optional.empty();
        }
        try {
            Map<String, Object> outputs = new LinkedHashMap<>();
            var tree = JSON.readTree(index.toFile());
            List<io.tablewise.node.NodeMessage> messages = new ArrayList<>();
            for (var m : tree.path("messages")) {
                messages.add(new io.tablewise.node.NodeMessage(io.tablewise.node.NodeMessage.Severity.valueOf(
                        m.path("severity").asText()), nodeId, m.path("param").isNull() ? null
                        : m.path("param").asText(null), m.path("text").asText()));
            }
            var fields = tree.path("outputs").fields();
            while (fields.hasNext()) {
                var f = fields.next();
                Path file = entry.resolve(f.getValue().path("file").asText());
                if (!file.normalize().startsWith(entry)) {
                    throw new IOException("an entry points outside itself");
                }
                outputs.put(f.getKey(), readOutput(f.getValue().path("kind").asText(), file));
            }
            Files.setLastModifiedTime(entry, FileTime.fromMillis(System.currentTimeMillis()));
            return Optional.of(new Stored(outputs, messages));
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "dropping a damaged stored result " + entry, e);
            deleteTree(entry);
            return Optional.empty();
        }
    }

    /**
     * Copies the entries of {@code fingerprints} into {@code other} (Save As into another folder carries the results
     * along): hard links where the file system allows, else copies.
     */
    public synchronized void copyTo(ResultStore other, java.util.Collection<String> fingerprints) {
        for (String fp : fingerprints) {
            Path from = root.resolve(fp);
            Path to = other.root.resolve(fp);
            if (!valid(fp) || !Files.isDirectory(from) || Files.exists(to)) {
                continue;
            }
            publish(other.root, fp, temp -> {
                try (Stream<Path> files = Files.walk(from)) {
                    for (Path p : files.toList()) {
                        Path target = temp.resolve(from.relativize(p).toString());
                        if (Files.isDirectory(p)) {
                            Files.createDirectories(target);
                        } else {
                            try {
                                Files.createLink(target, p);
                            } catch (IOException | UnsupportedOperationException e) {
                                Files.copy(p, target);
                            }
                        }
                    }
                }
                return true;
            });
        }
    }

    private static String writeOutput(Object value, Path file) throws IOException {
        if (value instanceof Table t) {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                TableCodec.write(t, out);
            }
            return "table";
        }
        if (value instanceof TrainedModel m) {
            ModelFiles.save(m, file);
            return "model";
        }
        if (value instanceof InsightsReport r) {
            JSON.writeValue(file.toFile(), r);
            return "insights";
        }
        return null;
    }

    private static Object readOutput(String kind, Path file) throws IOException {
        return switch (kind) {
            case "table" -> {
                try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                    yield TableCodec.read(in);
                }
            }
            case "model" -> ModelFiles.load(file);
            case "insights" -> JSON.readValue(file.toFile(), InsightsReport.class);
            default -> throw new IOException("unknown stored output kind '" + kind + "'");
        };
    }

    /** Drops the least recently used entries while the folder is over its cap. */
    private void evict() throws IOException {
        List<Path> entries = new ArrayList<>();
        try (Stream<Path> s = Files.list(root)) {
            s.filter(p -> valid(p.getFileName().toString()) && Files.isDirectory(p)).forEach(entries::add);
        }
        Map<Path, Long> sizes = new LinkedHashMap<>();
        long total = 0;
        for (Path e : entries) {
            long size = sizeOf(e);
            sizes.put(e, size);
            total += size;
        }
        entries.sort(Comparator.comparing(ResultStore::lastUsed));
        for (Path e : entries) {
            if (total <= capBytes) {
                break;
            }
            total -= sizes.get(e);
            deleteTree(e);
        }
    }

    private static FileTime lastUsed(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static long sizeOf(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    /** A fingerprint is a SHA-256 in hex: nothing else names a folder here. */
    private static boolean valid(String fingerprint) {
        return fingerprint != null && fingerprint.matches("[0-9a-f]{64}");
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.log(Level.FINE, "could not delete " + dir, e);
        }
    }
}
