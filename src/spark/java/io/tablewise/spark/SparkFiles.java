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
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

import io.tablewise.data.ImportParams;
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

    /** A CSV file read with the node's settings, each column cast to the kind the engine found for it. */
    static Dataset<Row> readCsv(SparkSession spark, Path file, NodeParams p, TableSchema schema)
            throws NodeException, IOException {
        if (p.integer("sampleRows", 0) > 0) {
            throw new NodeException("sampleRows", "a random sample of the file is not drawn on Spark (its rows are "
                    + "spread over many machines); use a Sample rows node after the import");
        }
        byte[] head = head(file);
        String encoding = encoding(p.string("encoding", "auto"), head);
        Boolean header = ImportParams.headerChoice(p);
        Dataset<Row> raw = spark.read().option("header", header == null || header).option("sep",
                        delimiter(p.string("delimiter", "auto"), head, encoding)).option("encoding", encoding)
                .option("quote", p.string("quote", "auto").equals("'") ? "'" : "\"").option("escape", "\"")
                .option("multiLine", true).option("inferSchema", false).option("mode", "PERMISSIVE")
                .csv(file.toUri().toString());
        List<String> names = schema.names();
        if (raw.columns().length != names.size()) {
            throw new NodeException("path", file.getFileName() + " has " + raw.columns().length + " columns on Spark "
                    + "and " + names.size() + " when the engine reads it: check the separator and quote settings");
        }
        raw = raw.toDF(names.toArray(String[]::new));
        List<String> missing = ImportParams.missing(p);
        boolean trimmed = p.bool("trimWhitespace", true);
        List<Column> typed = new ArrayList<>();
        for (ColumnSchema c : schema.columns()) {
            Column text = trimmed ? trim(col(SparkAggregates.quoted(c.name()))) : col(SparkAggregates.quoted(
                    c.name()));
            Column present = when(text.isin(missing.toArray()).or(trim(text).equalTo("")), lit(null).cast("string"))
                    .otherwise(text);
            typed.add((switch (c.kind()) {
                case INTEGER -> present.cast("long");
                case DECIMAL -> present.cast("double");
                case BOOLEAN -> when(lower(present).equalTo("true"), lit(true))
                        .when(lower(present).equalTo("false"), lit(false));
                case DATE -> present.cast("date");
                case DATETIME -> present.cast("timestamp_ntz");
                case TEXT -> present;
            }).as(c.name()));
        }
        Dataset<Row> out = raw.select(typed.toArray(Column[]::new));
        long limit = p.integer("rowLimit", 0);
        return limit > 0 ? out.limit((int) Math.min(Integer.MAX_VALUE, limit)) : out;
    }

    /** A Parquet file or folder of files. */
    static Dataset<Row> readParquet(SparkSession spark, Path path, NodeParams p) throws NodeException {
        if (!p.string("pattern", "").isBlank()) {
            throw new NodeException("pattern", "a file pattern is not read on Spark; point 'File' at the folder or "
                    + "file to read");
        }
        Dataset<Row> rows = spark.read().parquet(path.toUri().toString());
        List<String> only = p.strings("columns");
        return only.isEmpty() ? rows : rows.select(only.stream().map(c -> col(SparkAggregates.quoted(c)))
                .toArray(Column[]::new));
    }

    /** The rows as one CSV file (the node's separator, encoding, line ending and header), moved into place. */
    static void writeCsv(Dataset<Row> rows, Path target, NodeParams p) throws IOException {
        String sep = p.string("delimiter", ",");
        String encoding = p.string("encoding", "UTF-8");
        writeOne(rows.coalesce(1).write().mode(SaveMode.Overwrite).option("header", p.bool("header", true))
                .option("sep", sep.equals("tab") ? "\t" : sep)
                .option("encoding", encoding.startsWith("UTF-8") ? "UTF-8" : encoding)
                .option("lineSep", p.string("lineEnding", "crlf").equals("crlf") ? "\r\n" : "\n")
                .option("nullValue", "").option("emptyValue", "").option("dateFormat", "yyyy-MM-dd")
                .option("timestampNTZFormat", "yyyy-MM-dd'T'HH:mm:ss[.SSSSSS]"), target, ".csv");
    }

    /** The rows as Parquet: one file when the target ends in .parquet, else a folder of parts. */
    static void writeParquet(Dataset<Row> rows, Path target) throws IOException {
        if (target.getFileName().toString().endsWith(".parquet")) {
            writeOne(rows.coalesce(1).write().mode(SaveMode.Overwrite), target, ".parquet");
            return;
        }
        Path temp = temporary(target);
        try {
            rows.write().mode(SaveMode.Overwrite).parquet(temp.toUri().toString());
            replace(temp, target);
        } finally {
            delete(temp);
        }
    }

    private static void writeOne(org.apache.spark.sql.DataFrameWriter<Row> writer, Path target, String suffix)
            throws IOException {
        Path temp = temporary(target);
        try {
            if (suffix.equals(".csv")) {
                writer.csv(temp.toUri().toString());
            } else {
                writer.parquet(temp.toUri().toString());
            }
            Path part;
            try (Stream<Path> files = Files.list(temp)) {
                part = files.filter(f -> f.getFileName().toString().startsWith("part-")).findFirst()
                        .orElseThrow(() -> new IOException("Spark wrote no part file into " + temp));
            }
            Files.createDirectories(target.toAbsolutePath().getParent());
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            delete(temp);
        }
    }

    private static Path temporary(Path target) {
        return target.toAbsolutePath().resolveSibling("." + target.getFileName() + ".spark-" + System.nanoTime());
    }

    private static void replace(Path temp, Path target) throws IOException {
        if (Files.exists(target)) {
            Path old = target.resolveSibling("." + target.getFileName() + ".old-" + System.nanoTime());
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            delete(old);
        } else {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private static void delete(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path f : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
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
