package io.tablewise.serve;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * The rows of an {@code /invocations} body: JSON ({@code {"rows": [{"column": value, ...}, ...]}}) or CSV with a
 * header line. Values stay as sent (text, numbers, booleans, null); {@link RowTable} gives them the model's types.
 */
final class RequestRows {
    /**
     * A request's rows, compact: one array of values per row, indexed by the names the request used (a map per row
     * would make a 10,000-row request several times the garbage, and its collection the request's slowest part).
     */
    static final class Rows {
        private static final Object ABSENT = new Object();
        private final Map<String, Integer> index = new LinkedHashMap<>();
        private final List<Object[]> values = new ArrayList<>();

        /** Rows so far. */
        int size() {
            return values.size();
        }

        /** Every name some row used, in first-use order. */
        java.util.Set<String> names() {
            return index.keySet();
        }

        /** The position of a name, or -1 when no row has it. */
        int column(String name) {
            Integer i = index.get(name);
            return i == null ? -1 : i;
        }

        /** True when row {@code r} has the value at {@code column} (null counts as given). */
        boolean has(int r, int column) {
            Object[] row = values.get(r);
            return column >= 0 && column < row.length && row[column] != ABSENT;
        }

        /** The value at {@code column} of row {@code r} (its {@link #has} must be true). */
        Object get(int r, int column) {
            return values.get(r)[column];
        }

        /** Starts a row. */
        void startRow() {
            Object[] row = new Object[index.size()];
            java.util.Arrays.fill(row, ABSENT);
            values.add(row);
        }

        /** Sets a value of the last row. */
        void put(String name, Object value) {
            Integer i = index.get(name);
            if (i == null) {
                i = index.size();
                index.put(name, i);
            }
            int last = values.size() - 1;
            Object[] row = values.get(last);
            if (i >= row.length) {
                int old = row.length;
                row = java.util.Arrays.copyOf(row, index.size());
                java.util.Arrays.fill(row, old, row.length, ABSENT);
                values.set(last, row);
            }
            row[i] = value;
        }

        /** Row {@code r} as sent, by name (for the capture). */
        Map<String, Object> asMap(int r) {
            Map<String, Object> m = new LinkedHashMap<>();
            Object[] row = values.get(r);
            for (Map.Entry<String, Integer> e : index.entrySet()) {
                if (e.getValue() < row.length && row[e.getValue()] != ABSENT) {
                    m.put(e.getKey(), row[e.getValue()]);
                }
            }
            return m;
        }
    }

    private static final String NEEDS_ROWS = "the body needs a \"rows\" array: {\"rows\": [{\"column\": value, "
            + "...}]}";
    /** Bodies nest no deeper than this: a row is an object of plain values. */
    private static final int MAX_DEPTH = 8;
    static final ObjectMapper JSON = new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build()).build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private RequestRows() {
    }

    /**
     * Parses a body.
     *
     * @param contentType the request's Content-Type (CSV when it names text/csv, else JSON)
     * @param maxRows more rows than this are refused
     */
    static Rows parse(byte[] body, String contentType, int maxRows) throws BadRequest {
        if (contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).contains("csv")) {
            return csv(utf8(body), maxRows);
        }
        return json(body, maxRows); // Jackson reads the bytes itself, refusing bytes that are not UTF-8
    }

    static String utf8(byte[] body) throws BadRequest {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw BadRequest.of("the body is not UTF-8 text; send JSON or CSV encoded as UTF-8");
        }
    }

    /** Parses a JSON document into a tree, refusing malformed JSON with its line and column. */
    static JsonNode tree(String text) throws BadRequest {
        try {
            JsonNode root = JSON.readTree(text);
            if (root == null) {
                throw BadRequest.of("the body is empty; send {\"rows\": [{...}]}");
            }
            return root;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            throw BadRequest.of("the body is not valid JSON" + where + ": " + Endpoint.Bounded.text(
                    e.getOriginalMessage(), 160));
        }
    }

    /** Streams the rows straight into {@link Rows} (no tree in between: a 10,000-row body parses twice as fast). */
    private static Rows json(byte[] body, int maxRows) throws BadRequest {
        Rows out = new Rows();
        boolean sawRows = false;
        try (JsonParser p = JSON.getFactory().createParser(body)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw BadRequest.of("the body is empty; send {\"rows\": [{...}]}");
            }
            if (t != JsonToken.START_OBJECT) {
                throw BadRequest.at("rows", -1, NEEDS_ROWS);
            }
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                if (!field.equals("rows")) {
                    throw BadRequest.at(field, -1, "'" + Endpoint.Bounded.text(field, 40) + "' is not a field of a "
                            + "request; send {\"rows\": [...]}");
                }
                sawRows = true;
                if (p.nextToken() != JsonToken.START_ARRAY) {
                    throw BadRequest.at("rows", -1, "\"rows\" must be an array of objects: [{\"column\": value}]");
                }
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    int i = out.size();
                    if (i >= maxRows) {
                        throw tooMany(-1, maxRows);
                    }
                    if (t != JsonToken.START_OBJECT) {
                        throw BadRequest.at("rows", i, "row " + i + " is not an object {\"column\": value, ...}");
                    }
                    out.startRow();
                    row(p, i, out);
                }
            }
            if (p.nextToken() != null) {
                throw BadRequest.of("the body has more after its closing brace; send one JSON object");
            }
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            throw BadRequest.of("the body is not valid JSON" + where + ": " + Endpoint.Bounded.text(
                    e.getOriginalMessage(), 160));
        } catch (IOException e) {
            throw BadRequest.of("the body cannot be read as JSON: " + Endpoint.Bounded.text(e.getMessage(), 160));
        }
        if (!sawRows) {
            throw BadRequest.at("rows", -1, NEEDS_ROWS);
        }
        if (out.size() == 0) {
            throw BadRequest.at("rows", -1, "\"rows\" is empty; send at least one row");
        }
        return out;
    }

    private static void row(JsonParser p, int i, Rows out) throws IOException, BadRequest {
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            Object value = switch (p.nextToken()) {
                case VALUE_NULL -> null;
                case VALUE_TRUE -> Boolean.TRUE;
                case VALUE_FALSE -> Boolean.FALSE;
                case VALUE_STRING -> p.getText();
                case VALUE_NUMBER_INT -> p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                        ? (Object) p.getDoubleValue() : (Object) p.getLongValue();
                case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
                default -> throw BadRequest.at(name, i, "row " + i + ", '" + Endpoint.Bounded.text(name, 40)
                        + "': a value must be text, a number, true/false or null, not a list or an object");
            };
            out.put(name, value); // a name twice is refused by the parser (strict duplicate detection)
        }
        if (t != JsonToken.END_OBJECT) {
            throw BadRequest.at("rows", i, "row " + i + " is not a complete object");
        }
    }

    private static BadRequest tooMany(int rows, int maxRows) {
        return BadRequest.at("rows", -1, String.format(java.util.Locale.ROOT, "the request has %s rows; this "
                + "endpoint takes at most %,d per request (split it, or raise limits.maxRows)",
                rows < 0 ? "more than " + maxRows : String.format(java.util.Locale.ROOT, "%,d", rows), maxRows));
    }

    /** RFC 4180 CSV: a header line, then rows; quoted fields may hold commas, quotes ("") and line breaks. */
    private static Rows csv(String text, int maxRows) throws BadRequest {
        List<List<String>> lines = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        int start = text.startsWith("\uFEFF") ? 1 : 0;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.length() == 0) {
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                fields.add(wasQuoted ? cell.toString() : cell.toString().strip());
                cell.setLength(0);
                wasQuoted = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(wasQuoted ? cell.toString() : cell.toString().strip());
                cell.setLength(0);
                wasQuoted = false;
                addLine(lines, fields, maxRows);
                fields = new ArrayList<>();
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            throw BadRequest.at("rows", lines.size() - 1, "the CSV body ends inside a quoted value (line "
                    + (lines.size() + 1) + "); close the quote");
        }
        if (cell.length() > 0 || !fields.isEmpty()) {
            fields.add(wasQuoted ? cell.toString() : cell.toString().strip());
            addLine(lines, fields, maxRows);
        }
        if (lines.size() < 2) {
            throw BadRequest.of("the CSV body needs a header line and at least one row");
        }
        List<String> header = lines.get(0);
        for (int c = 0; c < header.size(); c++) {
            if (header.get(c).isEmpty() || header.indexOf(header.get(c)) != c) {
                throw BadRequest.at(header.get(c), -1, "the CSV header has " + (header.get(c).isEmpty()
                        ? "an empty column name" : "'" + header.get(c) + "' twice") + " (column " + (c + 1) + ")");
            }
        }
        Rows out = new Rows();
        for (int r = 1; r < lines.size(); r++) {
            List<String> line = lines.get(r);
            if (line.size() != header.size()) {
                throw BadRequest.at("rows", r - 1, "CSV row " + (r - 1) + " (line " + (r + 1) + ") has " + line.size()
                        + " values; the header has " + header.size());
            }
            out.startRow();
            for (int c = 0; c < header.size(); c++) {
                String v = line.get(c);
                out.put(header.get(c), v.isEmpty() ? null : v);
            }
        }
        return out;
    }

    private static void addLine(List<List<String>> lines, List<String> fields, int maxRows) throws BadRequest {
        if (fields.size() == 1 && fields.get(0).isEmpty()) {
            return; // a blank line
        }
        if (lines.size() > maxRows) {
            throw tooMany(-1, maxRows);
        }
        lines.add(fields);
    }
}
