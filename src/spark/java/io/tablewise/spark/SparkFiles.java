package io.tablewise.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

import io.tablewise.data.ImportParams;
import io.tablewise.node.ColumnKind;
import io.tablewise.node.ColumnSchema;
import io.tablewise.node.NodeException;
import io.tablewise.node.NodeParams;
import io.tablewise.node.TableSchema;

/**
 * Files in and out on Spark: CSV typed as the embedded importer types it (the column kinds its configure found, the
 * same missing tokens and trimming), Parquet as Spark reads it; outputs written to a temporary path beside the target
 * and moved into place only when the job succeeded, so a failed job leaves no half-written file.
 */
final class SparkFiles {
    private SparkFiles() {
    }

    /** A local CSV file read with the node's settings, each column cast to the kind the engine found for it. */
    static Dataset<Row> readCsv(SparkSession spark, Path file, NodeParams p, TableSchema schema)
            throws NodeException, IOException {
        return readCsv(spark, file.toUri().toString(), file, p, schema);
    }

    /**
     * A CSV file (or folder, or pattern) on any store Spark reaches, read with the node's settings, each column cast
     * to the kind the engine found for it; its encoding, separator and line breaks judged from {@code sample}, a
     * local file holding its beginning (the file itself when it is local).
     */
    static Dataset<Row> readCsv(SparkSession spark, String location, Path sample, NodeParams p, TableSchema schema)
            throws NodeException, IOException {
        if (p.integer("sampleRows", 0) > 0) {
            throw new NodeException("sampleRows", "a random sample of the file is not drawn on Spark (its rows are "
                    + "spread over many machines); use a Sample rows node after the import");
        }
        byte[] head = head(sample);
        String encoding = encoding(p.string("encoding", "auto"), head);
        Boolean header = ImportParams.headerChoice(p);
        char quote = p.string("quote", "auto").equals("'") ? '\'' : '"';
        Dataset<Row> raw = spark.read().option("header", header == null || header).option("sep",
                        delimiter(p.string("delimiter", "auto"), head, encoding)).option("encoding", encoding)
                .option("quote", p.string("quote", "auto").equals("'") ? "'" : "\"").option("escape", "\"")
                .option("multiLine", multiLine(spark, sample, quote, encoding)).option("inferSchema", false)
                .option("mode", "PERMISSIVE")
                .csv(location);
        List<String> names = schema.names();
        if (raw.columns().length != names.size()) {
            throw new NodeException("path", location + " has " + raw.columns().length + " columns on Spark "
                    + "and " + names.size() + " when the engine reads it: check the separator and quote settings");
        }
        raw = raw.toDF(names.toArray(String[]::new));
        long limit = p.integer("rowLimit", 0);
        if (limit > 0 && limit <= DriverNode.DEFAULT_CAP) {
            // the file's first rows, as the embedded import takes them: read from its first parts only (a limit
            // over all parts would read that many rows from every part, and again for each use)
            raw = spark.createDataFrame(raw.takeAsList((int) limit), raw.schema());
        } else if (limit > 0) {
            raw = raw.limit((int) Math.min(Integer.MAX_VALUE, limit));
        }
        List<String> missing = ImportParams.missing(p);
        boolean trimmed = p.bool("trimWhitespace", true);
        List<Column> present = new ArrayList<>();
        for (ColumnSchema c : schema.columns()) {
            Column text = trimmed ? trim(col(SparkAggregates.quoted(c.name()))) : col(SparkAggregates.quoted(
                    c.name()));
            present.add(when(text.isin(missing.toArray()).or(trim(text).equalTo("")), lit(null).cast("string"))
                    .otherwise(text));
        }
        List<ColumnKind> kinds = kindsOfAllRows(raw, schema, present, ImportParams.columnKinds(p).keySet());
        List<Column> typed = new ArrayList<>();
        for (int i = 0; i < kinds.size(); i++) {
            typed.add(typed(present.get(i), kinds.get(i)).as(names.get(i)));
        }
        return raw.select(typed.toArray(Column[]::new));
    }

    /** A column's text as a kind: null where the text is not of it. */
    private static Column typed(Column text, ColumnKind kind) {
        return switch (kind) {
            case INTEGER -> when(text.rlike("^[+-]?[0-9]+$"), text.cast("long"));
            case DECIMAL -> text.cast("double");
            case BOOLEAN -> when(lower(text).equalTo("true"), lit(true)).when(lower(text).equalTo("false"), lit(false));
            case DATE -> text.cast("date");
            case DATETIME -> text.cast("timestamp_ntz");
            case TEXT -> text;
        };
    }

    /**
     * The kinds the embedded importer gives the columns when it reads every row: the engine's configure typed them
     * from the file's first megabyte, and a later value that is not of that kind widens the column as the importer
     * widens it (a whole number column with a decimal becomes decimal; anything else that does not fit, text) —
     * one pass over the rows, for the columns not typed by the user.
     */
    private static List<ColumnKind> kindsOfAllRows(Dataset<Row> raw, TableSchema schema, List<Column> present,
                                                   java.util.Set<String> chosen) {
        List<ColumnKind> kinds = new ArrayList<>();
        List<Column> checks = new ArrayList<>();
        for (int i = 0; i < present.size(); i++) {
            ColumnKind k = schema.columns().get(i).kind();
            kinds.add(k);
            if (k != ColumnKind.TEXT && !chosen.contains(schema.columns().get(i).name())) {
                Column x = present.get(i);
                checks.add(functions.sum(when(x.isNotNull().and(typed(x, k).isNull()), 1L).otherwise(0L)));
                checks.add(functions.sum(when(x.isNotNull().and(x.cast("double").isNull()), 1L).otherwise(0L)));
            }
        }
        if (checks.isEmpty()) {
            return kinds;
        }
        Row r = raw.agg(checks.get(0), checks.subList(1, checks.size()).toArray(Column[]::new)).first();
        int at = 0;
        for (int i = 0; i < kinds.size(); i++) {
            ColumnKind k = kinds.get(i);
            if (k == ColumnKind.TEXT || chosen.contains(schema.columns().get(i).name())) {
                continue;
            }
            long notOfKind = r.isNullAt(at) ? 0 : r.getLong(at);
            long notNumbers = r.isNullAt(at + 1) ? 0 : r.getLong(at + 1);
            at += 2;
            if (notOfKind > 0) {
                kinds.set(i, k == ColumnKind.INTEGER && notNumbers == 0 ? ColumnKind.DECIMAL : ColumnKind.TEXT);
            }
        }
        return kinds;
    }

    /** A Parquet file or folder of files. */
    static Dataset<Row> readParquet(SparkSession spark, String location, NodeParams p) throws NodeException {
        if (!p.string("pattern", "").isBlank()) {
            throw new NodeException("pattern", "a file pattern is not read on Spark; point 'File' at the folder or "
                    + "file to read");
        }
        Dataset<Row> rows = spark.read().parquet(location);
        List<String> only = p.strings("columns");
        return only.isEmpty() ? rows : rows.select(only.stream().map(c -> col(SparkAggregates.quoted(c)))
                .toArray(Column[]::new));
    }

    /**
     * The rows as one CSV file written exactly as the embedded Export CSV node writes it (its formatting of numbers,
     * dates and quotes, its formula guard, separator and line ending): each part formatted by the node's own code in
     * the executors, the header first, moved into place when the job succeeded.
     */
    static void writeCsv(Dataset<Row> rows, java.net.URI target, NodeParams p) throws IOException, NodeException {
        String encoding = p.string("encoding", "UTF-8");
        if (!encoding.startsWith("UTF-8")) {
            throw new NodeException("encoding", "Spark writes text as UTF-8; choose UTF-8 (or UTF-8 with BOM for "
                    + "older Excel), or write the file with the embedded engine");
        }
        String eol = io.tablewise.data.CsvExportNode.lineEnd(p);
        String header = p.bool("header", true) ? withoutEnd(io.tablewise.data.CsvExportNode.text(SparkTables.empty(
                rows.schema()), p, true), eol) : "";
        if (encoding.equals("UTF-8 with BOM")) {
            header = "\uFEFF" + header;
        }
        Dataset<String> blocks = rows.mapPartitions(new CsvPart(rows.schema(), ShippedParams.of(p)),
                Encoders.STRING());
        // each record is a block of lines without its last line end, which the writer adds; the parts are written
        // in parallel and put one after the other, after the header, into the one file
        try (SparkOutput out = new SparkOutput(rows.sparkSession(), target)) {
            blocks.write().mode(SaveMode.Overwrite).option("lineSep", eol).text(out.temporary());
            out.commitConcatenated(header.isEmpty() ? null : (header + eol).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Removes a local folder and what it holds; a failure to is no reason to fail a run. */
    static void deleteQuietly(Path dir) {
        try (java.util.stream.Stream<Path> walk = Files.walk(dir)) {
            for (Path f : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            dir.toFile().deleteOnExit();
        }
    }

    static String withoutEnd(String text, String eol) {
        return text.endsWith(eol) ? text.substring(0, text.length() - eol.length()) : text;
    }

    /** One part's rows as the node's CSV text, in an executor. */
    static final class CsvPart implements org.apache.spark.api.java.function.MapPartitionsFunction<Row, String> {
        private static final long serialVersionUID = 1L;
        private final org.apache.spark.sql.types.StructType schema;
        private final String params;

        CsvPart(org.apache.spark.sql.types.StructType schema, String params) {
            this.schema = schema;
            this.params = params;
        }

        @Override
        public java.util.Iterator<String> call(java.util.Iterator<Row> rows) throws Exception {
            NodeParams p = ShippedParams.read(params, new io.tablewise.data.CsvExportNode().descriptor());
            String eol = io.tablewise.data.CsvExportNode.lineEnd(p);
            return new java.util.Iterator<>() { // a block at a time: a part is never held whole, as rows or text
                @Override
                public boolean hasNext() {
                    return rows.hasNext();
                }

                @Override
                public String next() {
                    List<Row> block = new ArrayList<>();
                    while (rows.hasNext() && block.size() < 32_768) {
                        block.add(rows.next());
                    }
                    return withoutEnd(io.tablewise.data.CsvExportNode.text(SparkTables.table(schema, block
                            .iterator()), p, false), eol);
                }
            };
        }
    }

    /** The rows as Parquet: one file when the target ends in .parquet, else a folder of parts. */
    static void writeParquet(Dataset<Row> rows, java.net.URI target) throws IOException {
        try (SparkOutput out = new SparkOutput(rows.sparkSession(), target)) {
            if (target.getPath().endsWith(".parquet")) {
                // the rows computed in parallel, then brought together for the one file
                rows.repartition(1).write().mode(SaveMode.Overwrite).parquet(out.temporary());
                out.commitSinglePart();
            } else {
                rows.write().mode(SaveMode.Overwrite).parquet(out.temporary());
                out.commitFolder();
            }
        }
    }

    /**
     * Whether the file must be read as one piece: a CSV with line breaks inside quoted cells cannot be cut at line
     * ends, so Spark then reads it in one task; any other file is cut into parts read in parallel. Decided from the
     * file's first 8 MB (setting {@code tablewise.csv.multiLine} to true or false decides instead — true for a file
     * whose quoted line breaks start later).
     */
    static boolean multiLine(SparkSession spark, Path file, char quote, String encoding) throws IOException {
        String chosen = spark.conf().get("tablewise.csv.multiLine", "auto");
        if (!chosen.equals("auto")) {
            return Boolean.parseBoolean(chosen);
        }
        if (!java.nio.charset.Charset.forName(encoding).newEncoder().canEncode('"') || encoding.toUpperCase(
                java.util.Locale.ROOT).startsWith("UTF-16")) {
            return true; // quotes and line ends are not single bytes: no cheap look
        }
        byte[] start;
        try (InputStream in = Files.newInputStream(file)) {
            start = in.readNBytes(8 << 20);
        }
        return quotedLineBreak(start, (byte) quote);
    }

    /** Whether a line break lies inside a quoted cell (a doubled quote inside a cell toggles twice: no harm). */
    static boolean quotedLineBreak(byte[] bytes, byte quote) {
        boolean quoted = false;
        for (byte b : bytes) {
            if (b == quote) {
                quoted = !quoted;
            } else if (quoted && (b == '\n' || b == '\r')) {
                return true;
            }
        }
        return false;
    }

    private static byte[] head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(1 << 16);
        }
    }

    /** The node's encoding, or for auto UTF-8 when the start of the file is valid UTF-8, else Korean CP949. */
    static String encoding(String chosen, byte[] head) {
        if (!chosen.equals("auto")) {
            return chosen;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(head, 0, lastLineEnd(head)));
            return "UTF-8";
        } catch (CharacterCodingException e) {
            return "CP949";
        }
    }

    private static int lastLineEnd(byte[] head) {
        for (int i = head.length - 1; i >= 0; i--) {
            if (head[i] == '\n') {
                return i + 1;
            }
        }
        return head.length;
    }

    /** The node's separator, or for auto the one of , ; tab | found most often in the first line. */
    static String delimiter(String chosen, byte[] head, String encoding) {
        if (!chosen.equals("auto")) {
            return chosen.equals("tab") ? "\t" : chosen;
        }
        String text = new String(head, 0, lastLineEnd(head), java.nio.charset.Charset.forName(encoding));
        String first = text.lines().findFirst().orElse("");
        String best = ",";
        long most = -1;
        for (String d : List.of(",", ";", "\t", "|")) {
            long n = first.chars().filter(ch -> ch == d.charAt(0)).count();
            if (n > most) {
                most = n;
                best = d;
            }
        }
        return best;
    }
}
