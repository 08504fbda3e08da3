package io.tablewise.data.parquet;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.parquet.HadoopFreeReadOptions;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import io.tablewise.data.ImportResult;
import io.tablewise.node.CancelledException;
import io.tablewise.node.NodeException;
import io.tablewise.node.ProgressMonitor;

/**
 * Reads Parquet into a table: one file, a glob ({@code data/*.parquet}) or a folder of partitions
 * ({@code sales/year=2024/month=01/part-0.parquet}, the {@code key=value} folders added as columns). Only the columns
 * asked for are read; the columns of each row group are decoded in parallel. Nested columns are refused by name.
 */
public final class ParquetFiles {
    private ParquetFiles() {
    }

    /** A file to read and the partition values its folders give. */
    record Part(Path file, Map<String, String> partition) {
    }

    /**
     * The table in {@code source}.
     *
     * @param pattern with a folder: a glob of the files in it to read ({@code *.parquet},
     *     {@code year=2024/**}); empty: every Parquet file in it
     * @param columns the columns to read (empty: all)
     * @param rowLimit at most this many rows (0: all)
     * @throws NodeException naming the file and what is wrong with it
     */
    public static ImportResult read(Path source, String pattern, List<String> columns, long rowLimit,
                                    ProgressMonitor monitor) throws NodeException {
        io.tablewise.node.TablesawInit.ensure(); // columns are made on several threads below
        List<Part> parts = parts(source, pattern);
        if (parts.isEmpty()) {
            throw new NodeException("path", "no Parquet files in " + source + (pattern == null || pattern.isBlank()
                    ? "" : " match " + pattern));
        }
        List<String> warnings = new ArrayList<>();
        List<List<Column<?>>> pieces = new ArrayList<>();
        List<String> names = null;
        long total = 0;
        long rows = 0;
        int threads = Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "parquet");
            t.setDaemon(true);
            return t;
        });
        try {
            for (Part part : parts) {
                try (ParquetFileReader reader = open(part.file())) {
                    total += reader.getRecordCount();
                }
            }
            for (Part part : parts) {
                if (rowLimit > 0 && rows >= rowLimit) {
                    break;
                }
                try (ParquetFileReader reader = open(part.file())) {
                    MessageType schema = reader.getFooter().getFileMetaData().getSchema();
                    MessageType wanted = project(schema, columns, part.file());
                    reader.setRequestedSchema(wanted);
                    List<ColumnDescriptor> descriptors = wanted.getColumns();
                    List<ParquetColumn> mapped = new ArrayList<>();
                    List<String> asText = new ArrayList<>();
                    for (ColumnDescriptor d : descriptors) {
                        ParquetColumn m = ParquetColumn.of(d.getPath()[0], d.getPrimitiveType());
                        mapped.add(m);
                        if (m.asText()) {
                            asText.add(m.name + " (" + d.getPrimitiveType() + ")");
                        }
                    }
                    if (!asText.isEmpty() && warnings.stream().noneMatch(w -> w.startsWith("read as hex text"))) {
                        warnings.add("read as hex text, bytes with no type Tablewise maps: " + String.join(", ",
                                asText));
                    }
                    List<String> fileNames = new ArrayList<>(mapped.stream().map(m -> m.name).toList());
                    fileNames.addAll(part.partition().keySet());
                    if (names == null) {
                        names = fileNames;
                    } else if (!names.equals(fileNames)) {
                        throw new NodeException("path", part.file() + " has the columns " + fileNames + ", not "
                                + names + " like the files before it: read files of one schema together");
                    }
                    PageReadStore group;
                    while ((group = reader.readNextRowGroup()) != null && (rowLimit <= 0 || rows < rowLimit)) {
                        if (monitor.isCancelled()) {
                            throw new CancelledException();
                        }
                        long n = group.getRowCount();
                        List<Column<?>> piece = decode(pool, group, schema, descriptors, mapped,
                                reader.getFooter().getFileMetaData().getCreatedBy());
                        for (Map.Entry<String, String> e : part.partition().entrySet()) {
                            StringColumn p = StringColumn.create(e.getKey());
                            for (long i = 0; i < n; i++) {
                                p.append(e.getValue());
                            }
                            piece.add(p);
                        }
                        pieces.add(piece);
                        rows += n;
                        monitor.progress(total == 0 ? 1 : Math.min(1, rows / (double) total), String.format(
                                Locale.ROOT, "%,d of %,d rows", rows, total));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof CancelledException c) {
                throw c;
            }
            throw new NodeException("path", describe(source, e));
        } finally {
            pool.shutdownNow();
        }
        Table t = assemble(pieces, names, source);
        if (rowLimit > 0 && t.rowCount() > rowLimit) {
            t = t.first((int) rowLimit);
        }
        typedPartitions(t, parts);
        return new ImportResult(t, new ImportResult.DetectedFormat("Parquet", ',', '"', true), warnings);
    }

    /**
     * The columns of {@code source} without their rows, from the first file's footer (a node's schema before it
     * runs: instant, whatever the file's size).
     */
    public static Table schema(Path source, String pattern, List<String> columns) throws NodeException {
        List<Part> parts = parts(source, pattern);
        if (parts.isEmpty()) {
            throw new NodeException("path", "no Parquet files in " + source);
        }
        Part first = parts.get(0);
        try (ParquetFileReader reader = open(first.file())) {
            MessageType wanted = project(reader.getFooter().getFileMetaData().getSchema(), columns, first.file());
            List<Column<?>> empty = new ArrayList<>();
            for (ColumnDescriptor d : wanted.getColumns()) {
                empty.add(ParquetColumn.of(d.getPath()[0], d.getPrimitiveType()).create());
            }
            first.partition().keySet().forEach(k -> empty.add(StringColumn.create(k)));
            return Table.create("parquet", empty);
        } catch (IOException | RuntimeException e) {
            throw new NodeException("path", describe(first.file(), e));
        }
    }

    private static ParquetFileReader open(Path file) throws IOException {
        return new ParquetFileReader(new LocalInputFile(file), HadoopFreeReadOptions.of(ParquetCodecs.INSTANCE));
    }

    /** The files of a source: the file itself, a folder's .parquet files (partitions too), or a glob's in it. */
    static List<Part> parts(Path source, String pattern) throws NodeException {
        List<Path> files = new ArrayList<>();
        Path base;
        try {
            if (Files.isDirectory(source)) {
                base = source;
                PathMatcher m = pattern == null || pattern.isBlank() ? null
                        : FileSystems.getDefault().getPathMatcher("glob:" + pattern.strip().replace('\\', '/'));
                try (var walk = Files.walk(source)) {
                    walk.filter(Files::isRegularFile).filter(f -> {
                        String n = f.getFileName().toString();
                        if (m != null) {
                            return m.matches(Path.of(source.relativize(f).toString().replace('\\', '/')));
                        }
                        return !n.startsWith(".") && !n.startsWith("_") && (n.endsWith(".parquet")
                                || n.endsWith(".parq") || !n.contains("."));
                    }).sorted().forEach(files::add);
                }
            } else if (Files.isRegularFile(source)) {
                base = source.getParent();
                files.add(source);
            } else {
                throw new NodeException("path", "data file '" + source + "' not found; put the file back or "
                        + "choose it again");
            }
        } catch (IOException e) {
            throw new NodeException("path", "cannot list " + source + ": " + e.getMessage());
        }
        List<Part> out = new ArrayList<>();
        for (Path f : files) {
            Map<String, String> partition = new LinkedHashMap<>();
            Path rel = base == null ? f.getFileName() : base.relativize(f);
            for (int i = 0; i < rel.getNameCount() - 1; i++) {
                String seg = rel.getName(i).toString();
                int eq = seg.indexOf('=');
                if (eq > 0) {
                    partition.put(seg.substring(0, eq), java.net.URLDecoder.decode(seg.substring(eq + 1),
                            java.nio.charset.StandardCharsets.UTF_8));
                }
            }
            out.add(new Part(f, partition));
        }
        return out;
    }

    /** The schema of the columns asked for; nested columns refused by name. */
    static MessageType project(MessageType schema, List<String> columns, Path file) throws NodeException {
        List<Type> kept = new ArrayList<>();
        List<String> nested = new ArrayList<>();
        for (Type t : schema.getFields()) {
            boolean asked = columns.isEmpty() || columns.contains(t.getName());
            if (!asked) {
                continue;
            }
            if (!t.isPrimitive() || t.isRepetition(Type.Repetition.REPEATED)) {
                nested.add(t.getName());
            } else {
                kept.add(t);
            }
        }
        if (!nested.isEmpty()) {
            throw new NodeException("columns", file.getFileName() + " has nested columns (lists, maps or structs) "
                    + "a table cannot hold: " + String.join(", ", nested) + ". Name the other columns in "
                    + "'Columns' to read them, or flatten these where the file is made");
        }
        for (String c : columns) {
            if (!schema.containsField(c)) {
                throw new NodeException("columns", file.getFileName() + " has no column '" + c + "'; its columns: "
                        + String.join(", ", schema.getFields().stream().map(Type::getName).toList()));
            }
        }
        return new MessageType(schema.getName(), kept);
    }

    /** The row group's columns, each decoded on a thread of its own. */
    private static List<Column<?>> decode(ExecutorService pool, PageReadStore group, MessageType schema,
                                          List<ColumnDescriptor> descriptors, List<ParquetColumn> mapped,
                                          String createdBy) throws IOException {
        ColumnReadStoreImpl store = new ColumnReadStoreImpl(group, new AnyConverter(), schema, createdBy);
        long n = group.getRowCount();
        List<Future<Column<?>>> work = new ArrayList<>();
        for (int i = 0; i < descriptors.size(); i++) {
            ColumnDescriptor d = descriptors.get(i);
            ParquetColumn m = mapped.get(i);
            work.add(pool.submit(() -> m.read(store.getColumnReader(d), d, n)));
        }
        List<Column<?>> out = new ArrayList<>();
        try {
            for (Future<Column<?>> f : work) {
                out.add(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException(e.getCause());
        }
        return out;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Table assemble(List<List<Column<?>>> pieces, List<String> names, Path source) {
        String name = source.getFileName() == null ? "parquet" : source.getFileName().toString()
                .replaceFirst("\\.[^.]*$", "").replace("*", "");
        if (pieces.isEmpty()) {
            return Table.create(name);
        }
        List<Column<?>> first = pieces.get(0);
        for (int p = 1; p < pieces.size(); p++) {
            for (int c = 0; c < first.size(); c++) {
                ((Column) first.get(c)).append((Column) pieces.get(p).get(c));
            }
        }
        return Table.create(name.isBlank() ? "parquet" : name, first);
    }

    /** Partition values that are all integers become integer columns, as Spark reads them. */
    private static void typedPartitions(Table t, List<Part> parts) {
        if (parts.isEmpty()) {
            return;
        }
        for (String key : parts.get(0).partition().keySet()) {
            if (!t.containsColumn(key) || !(t.column(key) instanceof StringColumn s)) {
                continue;
            }
            boolean ints = true;
            boolean small = true;
            for (String v : s.unique()) {
                if (v == null || !v.matches("-?\\d{1,18}")) {
                    ints = false;
                    break;
                }
                long x = Long.parseLong(v);
                small &= x >= Integer.MIN_VALUE && x <= Integer.MAX_VALUE;
            }
            if (!ints) {
                continue;
            }
            Column<?> typed;
            if (small) {
                IntColumn c = IntColumn.create(key);
                s.forEach(v -> c.append(Integer.parseInt(v)));
                typed = c;
            } else {
                LongColumn c = LongColumn.create(key);
                s.forEach(v -> c.append(Long.parseLong(v)));
                typed = c;
            }
            t.replaceColumn(key, typed);
        }
    }

    private static String describe(Path source, Exception e) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (why.contains("is not a Parquet file") || why.contains("magic number")) {
            return source.getFileName() + " is not a Parquet file (or is cut short: a Parquet file ends with its "
                    + "footer); export it again";
        }
        if (e instanceof UnsupportedOperationException) {
            return source.getFileName() + ": " + why;
        }
        return "cannot read " + source.getFileName() + " as Parquet: " + why;
    }

    /** A converter tree that accepts any schema: values are read from the column readers, not assembled. */
    private static final class AnyConverter extends GroupConverter {
        private static final PrimitiveConverter NONE = new PrimitiveConverter() {
        };

        @Override
        public Converter getConverter(int fieldIndex) {
            return NONE;
        }

        @Override
        public void start() {
        }

        @Override
        public void end() {
        }
    }

    /**
     * Writes {@code table} to {@code out} as Parquet (Snappy, dictionary encoding), its column types kept: integers,
     * numbers, booleans, text, dates, date-times (local timestamps), instants (UTC timestamps), times.
     */
    public static void write(Table table, OutputStream out, ProgressMonitor monitor) throws IOException {
        ParquetTableWriter.write(table, out, monitor);
    }
}
