package io.tablewise.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tablewise.node.ProgressMonitor;
import io.tablewise.node.CancelledException;
import io.tablewise.node.NodeException;
import io.tablewise.node.NodeParams;

/**
 * Imports JSON Lines (one JSON object per line, UTF-8). Columns are the union of the keys in order of first
 * appearance; nested objects and arrays are kept as JSON text. Lines that are not JSON objects follow the
 * error policy.
 */
public final class JsonLinesImportNode extends FileImportNode {
    /** The node type id. */
    public static final String ID = "data.import.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Creates the node type. */
    public JsonLinesImportNode() {
        super(ID, "Import JSON Lines", "Reads a JSON Lines file (one JSON object per line) into a table; keys "
                + "become columns.", ImportParams.withReading(List.of(
                    ImportParams.path("The .jsonl file, relative to the flow file."))));
    }

    @Override
    ImportResult read(Path file, NodeParams params, long rowLimit, ProgressMonitor monitor) throws NodeException {
        return readLines(file, params, rowLimit, monitor);
    }

    static ImportResult readLines(Path file, NodeParams p, long rowLimit, ProgressMonitor monitor)
            throws NodeException {
        String name = file.getFileName().toString();
        ErrorPolicy policy = ErrorPolicy.fromId(p.string("onError", "set-missing"));
        Map<String, Integer> columns = new LinkedHashMap<>();
        List<Map<String, String>> records = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        ProblemLog problems = new ProblemLog();
        try (InputStream in = Files.newInputStream(file);
             BoundedLineReader reader = new BoundedLineReader(new InputStreamReader(in, StandardCharsets.UTF_8),
                     ReadLimits.MAX_LINE_CHARS)) {
            String line;
            long lineNo = 0;
            while ((line = reader.readLine()) != null
                    && (rowLimit <= 0 || records.size() < rowLimit)) {
                lineNo++;
                if (lineNo == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    continue;
                }
                if ((lineNo & 4095) == 0 && monitor.isCancelled()) {
                    throw new CancelledException();
                }
                Map<String, String> record = parse(line, lineNo, problems);
                if (record == null) {
                    if (policy == ErrorPolicy.FAIL) {
                        throw new NodeException("onError", name + " " + problems.first().describe()
                                + ". Fix the line, or set 'On error' to skip-row.");
                    }
                    continue;
                }
                record.keySet().forEach(k -> columns.putIfAbsent(k, columns.size()));
                if (columns.size() > ReadLimits.MAX_COLUMNS) {
                    throw new NodeException("path", name + " line " + lineNo + " brings the number of distinct keys "
                            + "past " + ReadLimits.MAX_COLUMNS + "; a table has at most that many columns. Does "
                            + "every line use keys of its own (an object keyed by ids)? Reshape it to one record "
                            + "per line with fixed keys");
                }
                records.add(record);
                lines.add(lineNo);
            }
        } catch (BoundedLineReader.LineTooLongException e) {
            throw new NodeException("path", name + " line " + e.line() + " is longer than "
                    + ReadLimits.MAX_LINE_CHARS / (1024 * 1024) + " million characters; JSON Lines holds one record "
                    + "per line. Is this really a JSON Lines file?");
        } catch (IOException e) {
            throw new NodeException("path", "cannot read " + file + ": " + e.getMessage());
        }
        if (records.isEmpty()) {
            throw new NodeException("path", name + " has no JSON objects to import");
        }
        TextTableBuilder builder = new TextTableBuilder(ImportParams.missing(p), p.bool("trimWhitespace", true));
        List<String> names = new ArrayList<>(columns.keySet());
        for (int r = 0; r < records.size(); r++) {
            String[] row = new String[names.size()];
            Map<String, String> rec = records.get(r);
            for (int c = 0; c < names.size(); c++) {
                row[c] = rec.get(names.get(c));
            }
            builder.addRow(row, lines.get(r));
        }
        try {
            ImportResult result = builder.build(name.replaceFirst("\\.[^.]*$", ""), names, false,
                    ImportParams.columnKinds(p), policy, monitor,
                    new ImportResult.DetectedFormat("UTF-8", ',', '"', true));
            List<String> warnings = new ArrayList<>(problems.warnings("those lines were left out"));
            warnings.addAll(result.warnings());
            return new ImportResult(result.table(), result.format(), warnings);
        } catch (ImportException e) {
            throw new NodeException(e.param(), e.getMessage());
        }
    }

    private static Map<String, String> parse(String line, long lineNo, ProblemLog problems) {
        try {
            JsonNode node = JSON.readTree(line);
            if (node == null || !node.isObject()) {
                problems.add(ProblemLog.Kind.UNPARSEABLE, lineNo, "(not a JSON object)");
                return null;
            }
            Map<String, String> record = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                JsonNode v = f.getValue();
                record.put(f.getKey(), v.isNull() ? null : v.isContainerNode() ? v.toString() : v.asText());
            }
            return record;
        } catch (JsonProcessingException e) {
            problems.add(ProblemLog.Kind.UNPARSEABLE, lineNo, "(not valid JSON: " + e.getOriginalMessage() + ")");
            return null;
        }
    }
}
