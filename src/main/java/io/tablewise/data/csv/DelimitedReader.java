package io.tablewise.data.csv;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import io.tablewise.data.ChunkValues;
import io.tablewise.data.ColumnBuffer;
import io.tablewise.data.ColumnInference;
import io.tablewise.data.ColumnNames;
import io.tablewise.data.ColumnPlan;
import io.tablewise.data.ErrorPolicy;
import io.tablewise.data.HeaderRule;
import io.tablewise.data.ImportException;
import io.tablewise.node.ProgressMonitor;
import io.tablewise.data.ImportResult;
import io.tablewise.data.MissingTokens;
import io.tablewise.data.ProblemLog;
import io.tablewise.node.CancelledException;
import io.tablewise.node.ColumnKind;
import io.tablewise.node.TablesawInit;

/**
 * Reads a delimited text file into a Tablesaw table, fast: the file is read once into memory, split into
 * chunks at record boundaries (speculatively, then verified, so quoted line breaks are safe), and each chunk is
 * scanned in parallel to infer types over every value; then each chunk fills pre-sized primitive arrays in
 * parallel, and those become the columns. Plain Tablesaw's reader is several times slower on the same file and
 * infers types from a sample only.
 */
public final class DelimitedReader {
    private static final int CHUNK_BYTES = 2 << 20;
    private static final int HEADER_SAMPLE_RECORDS = 1000;

    /** Reads a file. */
    public ImportResult read(Path file, CsvOptions options, ProgressMonitor monitor) throws ImportException {
        String name = file.getFileName().toString();
        byte[] raw = readBytes(file, name);
        monitor.progress(0.05, "read " + name);
        return read(raw, name, options, monitor);
    }

    /** Reads bytes; {@code name} names the source in messages and becomes the table name. */
    public ImportResult read(byte[] raw, String name, CsvOptions options, ProgressMonitor monitor)
            throws ImportException {
        TablesawInit.ensure();
        if (raw.length == 0) {
            throw new ImportException("path", name + " is empty: it has no header and no data. Choose another file.");
        }
        Charset charset;
        int offset;
        if (options.encoding() == null) {
            EncodingDetector.Detected detected = ParallelFiles.detectEncoding(raw);
            charset = detected.charset();
            offset = detected.bomLength();
        } else {
            charset = options.encoding();
            offset = EncodingDetector.bomLength(raw, charset);
        }
        byte[] data = raw;
        Charset valueCharset = charset;
        if (charset.equals(StandardCharsets.UTF_16LE) || charset.equals(StandardCharsets.UTF_16BE)) {
            // Structural characters are two bytes in UTF-16: transcode once and read as UTF-8.
            data = new String(raw, offset, raw.length - offset, charset).getBytes(StandardCharsets.UTF_8);
            offset = 0;
            valueCharset = StandardCharsets.UTF_8;
        }
        DialectSniffer.Dialect dialect = DialectSniffer.sniff(data, offset, options.delimiter(), options.quote());
        return new Read(name, data, offset, charset, valueCharset, dialect, options, monitor).run();
    }

    private static byte[] readBytes(Path file, String name) throws ImportException {
        try {
            long size = Files.size(file);
            if (size > Integer.MAX_VALUE - 16) {
                throw new ImportException("path", name + " is larger than 2 GB, which a single import cannot "
                        + "hold yet; use the row limit or split the file.");
            }
            return ParallelFiles.readAll(file, (int) size);
        } catch (NoSuchFileException e) {
            throw new ImportException("path", "the file " + file + " does not exist; check the path");
        } catch (IOException e) {
            throw new ImportException("path", "cannot read " + file + ": " + e.getMessage());
        }
    }

    /** The state of one read. */
    private static final class Read {
        private final String name;
        private final byte[] data;
        private final int offset;
        private final Charset charset;
        private final Charset valueCharset;
        private final DialectSniffer.Dialect dialect;
        private final CsvOptions options;
        private final ProgressMonitor monitor;
        private final List<String> warnings = new ArrayList<>();

        Read(String name, byte[] data, int offset, Charset charset, Charset valueCharset,
             DialectSniffer.Dialect dialect, CsvOptions options, ProgressMonitor monitor) {
            this.name = name;
            this.data = data;
            this.offset = offset;
            this.charset = charset;
            this.valueCharset = valueCharset;
            this.dialect = dialect;
            this.options = options;
            this.monitor = monitor;
        }

        /**
         * A file of another kind renamed to .csv reads as a table of gibberish; say so. Text never holds NUL bytes
         * or many other control bytes (UTF-16 is transcoded before this point).
         */
        private void warnIfBinary() {
            int n = Math.min(data.length - offset, 65_536);
            int control = 0;
            for (int i = offset; i < offset + n; i++) {
                int b = data[i] & 0xFF;
                if (b < 0x09 || (b > 0x0D && b < 0x20 && b != 0x1B)) {
                    control++;
                }
            }
            if (control >= 8 && control * 100L >= n || n > 0 && data[offset] == 0) {
                boolean zip = data.length - offset > 3 && data[offset] == 'P' && data[offset + 1] == 'K';
                warnings.add(name + " looks binary, not text (" + control + " control bytes in its first "
                        + String.format(java.util.Locale.ROOT, "%,d", n) + "): is it really a CSV file?"
                        + (zip ? " It starts like a zip archive; if it is an Excel workbook, name it .xlsx" : ""));
            }
        }

        ImportResult run() throws ImportException {
            warnIfBinary();
            MissingTokens missing = new MissingTokens(options.missingTokens(), valueCharset);
            RecordScanner first = new RecordScanner(data, offset, data.length, dialect.delimiter(), dialect.quote());
            if (!first.next()) {
                throw new ImportException("path", name + " has no data: it contains only empty lines.");
            }
            if (first.fieldCount > io.tablewise.data.ReadLimits.MAX_COLUMNS) {
                throw new ImportException("path", name + " has " + String.format(java.util.Locale.ROOT, "%,d",
                        first.fieldCount) + " fields in its first record; Tablewise reads at most "
                        + io.tablewise.data.ReadLimits.MAX_COLUMNS + " columns. Is the separator right? Choose it "
                        + "under Separator, or reshape the file (one record per line)");
            }
            List<String> firstValues = fieldsAsText(first, options.trim());
            int n = firstValues.size();
            int afterFirst = first.pos;
            long firstLines = first.linesPassed;
            boolean header = options.header() != null ? options.header()
                    : looksLikeHeader(first, afterFirst, n, missing);
            double recordBytes = bytesPerRecord(afterFirst);
            List<String> names = header ? ColumnNames.fix(firstValues, warnings) : ColumnNames.generated(n);
            ColumnKind[] overrides = overrides(names);
            ReadSetup setup = new ReadSetup(data, data.length, dialect, valueCharset, names, overrides, missing,
                    options.trim(), options.onError(), options.sampleRows() <= 0, recordBytes);
            int bodyStart = header ? afterFirst : first.recordStart;
            long linesBeforeBody = header ? firstLines : first.recordLine;

            BooleanSupplier cancelled = monitor::isCancelled;
            ExecutorService pool = Executors.newFixedThreadPool(options.parallelism(), r -> {
                Thread t = new Thread(r, "tablewise-import");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Chunk> chunks = scan(setup, bodyStart, pool, cancelled);
                ProblemLog problems = new ProblemLog();
                ExactnessLog exactness = new ExactnessLog(n);
                long[] lineOffsets = lineOffsets(chunks, linesBeforeBody);
                ColumnInference[] inference = new ColumnInference[n];
                long totalKept = 0;
                for (int c = 0; c < n; c++) {
                    inference[c] = new ColumnInference();
                }
                for (int i = 0; i < chunks.size(); i++) {
                    Chunk chunk = chunks.get(i);
                    problems.merge(chunk.problems, lineOffsets[i] + 1);
                    if (chunk.exactness != null) {
                        exactness.merge(chunk.exactness);
                    }
                    for (int c = 0; c < n; c++) {
                        inference[c].merge(chunk.columns[c]);
                    }
                    totalKept += chunk.kept;
                }
                if (options.onError() == ErrorPolicy.FAIL && !problems.isEmpty()) {
                    throw new ImportException("onError", name + " " + problems.first().describe()
                            + ". Fix the file, or set 'On error' to skip-row or set-missing.");
                }
                List<ColumnPlan> plans = new ArrayList<>();
                for (int c = 0; c < n; c++) {
                    plans.add(inference[c].plan(names.get(c), overrides[c]));
                }
                warnUnusedOverrides(names);
                BitSet selected = sample(totalKept);
                int rows = (int) (selected == null ? totalKept : selected.cardinality());
                monitor.progress(0.5, "typed " + n + " columns over " + totalKept + " rows");
                ColumnBuffer[] buffers = new ColumnBuffer[n];
                for (int c = 0; c < n; c++) {
                    buffers[c] = ColumnBuffer.create(plans.get(c), rows);
                }
                absorb(chunks, buffers, selected);
                fill(chunks, setup, buffers, selected, pool, cancelled);
                for (int i = 0; i < chunks.size(); i++) {
                    problems.merge(chunks.get(i).fillProblems, lineOffsets[i] + 1);
                }
                warnings.addAll(problems.warnings(options.onError() == ErrorPolicy.SKIP_ROW
                        ? "those rows were left out" : "missing fields and unreadable values were set missing, "
                        + "extra fields dropped"));
                exactness.warnings(name, names, plans, warnings);
                if (totalKept == 0) {
                    warnings.add(name + " has a header but no data rows");
                }
                Table table = build(plans, buffers, pool);
                monitor.progress(1.0, "imported " + rows + " rows");
                char quote = dialect.quote() < 0 ? 0 : (char) dialect.quote();
                return new ImportResult(table, new ImportResult.DetectedFormat(charset.name(),
                        (char) dialect.delimiter(), quote, header), warnings);
            } finally {
                pool.shutdownNow();
            }
        }

        private ColumnKind[] overrides(List<String> names) {
            ColumnKind[] result = new ColumnKind[names.size()];
            for (int c = 0; c < names.size(); c++) {
                result[c] = options.columnTypes().get(names.get(c));
            }
            return result;
        }

        private void warnUnusedOverrides(List<String> names) {
            for (String col : options.columnTypes().keySet()) {
                if (!names.contains(col)) {
                    warnings.add("a type is set for column '" + col + "', which " + name + " does not have"
                            + io.tablewise.node.Suggestions.didYouMean(col, names));
                }
            }
        }

        private List<String> fieldsAsText(RecordScanner sc, boolean trim) {
            List<String> values = new ArrayList<>();
            for (int i = 0; i < sc.fieldCount; i++) {
                String v = new String(sc.fieldBuf[i], sc.fieldStart[i], sc.fieldEnd[i] - sc.fieldStart[i],
                        valueCharset);
                values.add(trim ? v.strip() : v);
            }
            return values;
        }

        /**
         * The first record is a header unless its values fit the types that the following records (up to a
         * thousand) have: a typed column whose first value does not fit means names. If every column is text,
         * it is taken as a header (the common case, and the safe one).
         */
        private boolean looksLikeHeader(RecordScanner first, int afterFirst, int n, MissingTokens missing) {
            int[] firstMasks = new int[n];
            for (int c = 0; c < n; c++) {
                byte[] b = first.fieldBuf[c];
                firstMasks[c] = missing.isMissing(b, first.fieldStart[c], first.fieldEnd[c]) ? HeaderRule.MISSING
                        : io.tablewise.data.ValueParsers.classify(b, first.fieldStart[c], first.fieldEnd[c]);
            }
            ColumnInference[] body = new ColumnInference[n];
            for (int c = 0; c < n; c++) {
                body[c] = new ColumnInference();
            }
            RecordScanner sc = new RecordScanner(data, afterFirst, data.length, dialect.delimiter(), dialect.quote());
            int seen = 0;
            while (seen < HEADER_SAMPLE_RECORDS && sc.next()) {
                seen++;
                for (int c = 0; c < Math.min(n, sc.fieldCount); c++) {
                    byte[] b = sc.fieldBuf[c];
                    if (!missing.isMissing(b, sc.fieldStart[c], sc.fieldEnd[c])) {
                        body[c].accept(io.tablewise.data.ValueParsers.classify(b, sc.fieldStart[c], sc.fieldEnd[c]));
                    }
                }
            }
            return seen == 0 || HeaderRule.isHeader(firstMasks, body);
        }

        private List<Chunk> scan(ReadSetup setup, int bodyStart, ExecutorService pool, BooleanSupplier cancelled) {
            long maxRows = options.rowLimit();
            int size = data.length - bodyStart;
            int count = maxRows > 0 ? 1 : Math.max(1, Math.min(512, size / CHUNK_BYTES));
            int[] starts = new int[count + 1];
            starts[0] = bodyStart;
            for (int i = 1; i < count; i++) {
                starts[i] = lineStartAtOrAfter(bodyStart + (int) ((long) size * i / count));
            }
            starts[count] = data.length;
            List<Chunk> chunks = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                chunks.add(new Chunk(starts[i], Math.max(starts[i], starts[i + 1])));
            }
            runTasks(chunks.stream().<Runnable>map(c -> () -> c.scan(setup, maxRows, cancelled)).toList(), pool,
                    0.05, 0.5, "inferring types");
            // Verify the speculative boundaries: a chunk must start where the previous one stopped.
            for (int i = 1; i < chunks.size(); i++) {
                Chunk prev = chunks.get(i - 1);
                Chunk cur = chunks.get(i);
                if (cur.firstRecordStart != prev.endPos) {
                    Chunk redo = new Chunk(prev.endPos, Math.max(prev.endPos, cur.limit));
                    redo.scan(setup, maxRows, cancelled);
                    chunks.set(i, redo);
                }
            }
            return chunks;
        }

        private int lineStartAtOrAfter(int p) {
            int i = Math.max(p, 1);
            while (i < data.length && data[i - 1] != '\n' && !(data[i - 1] == '\r' && data[i] != '\n')) {
                i++;
            }
            return Math.min(i, data.length);
        }

        /** Lines passed before each chunk's start (0-based), from the verified chunk sequence. */
        private static long[] lineOffsets(List<Chunk> chunks, long linesBeforeBody) {
            long[] offsets = new long[chunks.size()];
            long cumulative = linesBeforeBody;
            for (int i = 0; i < chunks.size(); i++) {
                Chunk c = chunks.get(i);
                offsets[i] = i == 0 ? cumulative : cumulative - c.linesBeforeFirstRecord;
                cumulative = offsets[i] + c.linesPassed;
            }
            return offsets;
        }

        /** Average record length over the first records, to size the first pass's storage. */
        private double bytesPerRecord(int from) {
            RecordScanner sc = new RecordScanner(data, from, data.length, dialect.delimiter(), dialect.quote());
            int seen = 0;
            while (seen < 1000 && sc.next()) {
                seen++;
            }
            return seen == 0 ? 64 : Math.max(1.0, (sc.pos - from) / (double) seen);
        }

        /** Moves what the first pass stored into the columns; marks what must be read again. */
        private void absorb(List<Chunk> chunks, ColumnBuffer[] buffers, BitSet selected) {
            long rows = 0;
            for (Chunk chunk : chunks) {
                for (int c = 0; c < buffers.length; c++) {
                    ChunkValues v = chunk.values[c];
                    if (selected != null || v == null || v.size() != chunk.kept || !buffers[c].absorb(v, (int) rows)) {
                        chunk.refill.set(c);
                    }
                    if (v != null) {
                        v.release();
                    }
                }
                rows += chunk.kept;
            }
        }

        private BitSet sample(long total) {
            long k = options.sampleRows();
            if (k <= 0 || k >= total) {
                return null;
            }
            // Floyd's algorithm: k distinct indices uniformly from [0, total), seeded.
            Random random = new Random(options.seed());
            BitSet chosen = new BitSet((int) total);
            for (long j = total - k; j < total; j++) {
                int t = random.nextInt((int) j + 1);
                chosen.set(chosen.get(t) ? (int) j : t);
            }
            return chosen;
        }

        private void fill(List<Chunk> chunks, ReadSetup setup, ColumnBuffer[] buffers, BitSet selected,
                          ExecutorService pool, BooleanSupplier cancelled) {
            long kept = 0;
            long rows = 0;
            List<Runnable> tasks = new ArrayList<>();
            for (Chunk chunk : chunks) {
                long keptOffset = kept;
                long rowOffset = rows;
                tasks.add(() -> chunk.fill(setup, buffers, keptOffset, selected, rowOffset, options.rowLimit(),
                        cancelled));
                kept += chunk.kept;
                rows += selected == null ? chunk.kept
                        : selected.get((int) keptOffset, (int) (keptOffset + chunk.kept)).cardinality();
            }
            runTasks(tasks, pool, 0.5, 0.9, "reading values");
        }

        private Table build(List<ColumnPlan> plans, ColumnBuffer[] buffers, ExecutorService pool) {
            Column<?>[] columns = new Column<?>[plans.size()];
            List<Runnable> tasks = new ArrayList<>();
            for (int c = 0; c < plans.size(); c++) {
                int index = c;
                tasks.add(() -> {
                    columns[index] = buffers[index].build(plans.get(index).name());
                    buffers[index] = null;
                });
            }
            runTasks(tasks, pool, 0.9, 1.0, "building columns");
            String tableName = name.replaceFirst("\\.[^.]*$", "");
            return Table.create(tableName, columns);
        }

        /** Runs tasks on the pool, reporting progress from {@code from} to {@code to} as they finish. */
        private void runTasks(List<Runnable> tasks, ExecutorService pool, double from, double to, String what) {
            List<Future<?>> futures = new ArrayList<>();
            java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
            for (Runnable t : tasks) {
                futures.add(pool.submit(() -> {
                    t.run();
                    monitor.progress(from + (to - from) * done.incrementAndGet() / tasks.size(), what);
                }));
            }
            try {
                for (Future<?> f : futures) {
                    f.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancelledException();
            } catch (ExecutionException e) {
                futures.forEach(f -> f.cancel(true));
                if (e.getCause() instanceof CancelledException ce) {
                    throw ce;
                }
                if (e.getCause() instanceof OutOfMemoryError oom) {
                    throw oom;
                }
                throw new IllegalStateException("reading " + name + " failed", e.getCause());
            }
        }
    }
}
