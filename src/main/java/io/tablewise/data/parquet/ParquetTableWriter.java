package io.tablewise.data.parquet;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.api.TimeColumn;
import tech.tablesaw.columns.Column;

import io.tablewise.node.CancelledException;
import io.tablewise.node.ProgressMonitor;

/** Writes a table as one Parquet file: every column optional, Snappy pages, dictionaries where they pay. */
final class ParquetTableWriter {
    /** Rows between progress reports and cancel checks. */
    private static final int STEP = 65_536;

    private ParquetTableWriter() {
    }

    static void write(Table table, OutputStream out, ProgressMonitor monitor) throws IOException {
        io.tablewise.node.TablesawInit.ensure(); // columns are read on several threads below
        List<Type> fields = new ArrayList<>();
        for (Column<?> c : table.columns()) {
            fields.add(field(c));
        }
        MessageType schema = new MessageType("table", fields);
        List<org.apache.parquet.column.ColumnDescriptor> descriptors = schema.getColumns();
        org.apache.parquet.hadoop.ParquetFileWriter file = new org.apache.parquet.hadoop.ParquetFileWriter(
                new StreamFile(out), schema, org.apache.parquet.hadoop.ParquetFileWriter.Mode.CREATE, ROW_GROUP_BYTES,
                0, 64, Integer.MAX_VALUE, false);
        file.start();
        org.apache.parquet.column.ParquetProperties properties = org.apache.parquet.column.ParquetProperties.builder()
                .withDictionaryEncoding(true).build();
        org.apache.parquet.compression.CompressionCodecFactory.BytesInputCompressor snappy = ParquetCodecs.INSTANCE
                .getCompressor(CompressionCodecName.SNAPPY);
        int n = table.rowCount();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(Math.max(1,
                Math.min(8, Runtime.getRuntime().availableProcessors())), r -> {
                    Thread t = new Thread(r, "parquet-write");
                    t.setDaemon(true);
                    return t;
                });
        try {
            for (int from = 0; from < n || (n == 0 && from == 0); from += ROW_GROUP_ROWS) {
                int to = Math.min(n, from + ROW_GROUP_ROWS);
                org.apache.parquet.hadoop.ColumnChunkPageWriteStore pages =
                        new org.apache.parquet.hadoop.ColumnChunkPageWriteStore(snappy, schema,
                                new org.apache.parquet.bytes.HeapByteBufferAllocator(), 64, false);
                org.apache.parquet.column.impl.ColumnWriteStoreV1 store =
                        new org.apache.parquet.column.impl.ColumnWriteStoreV1(schema, pages, properties);
                List<java.util.concurrent.Future<?>> work = new ArrayList<>();
                int first = from;
                for (int i = 0; i < descriptors.size(); i++) {
                    Column<?> column = table.column(i);
                    org.apache.parquet.column.ColumnWriter w = store.getColumnWriter(descriptors.get(i));
                    work.add(pool.submit(() -> {
                        writeColumn(column, w, first, to);
                        return null;
                    }));
                }
                for (java.util.concurrent.Future<?> f : work) {
                    try {
                        f.get();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new CancelledException();
                    } catch (java.util.concurrent.ExecutionException e) {
                        if (e.getCause() instanceof RuntimeException r) {
                            throw r;
                        }
                        throw new IOException(e.getCause());
                    }
                }
                for (int r = from; r < to; r++) {
                    store.endRecord();
                }
                store.flush();
                file.startBlock(to - from);
                pages.flushToFileWriter(file);
                file.endBlock();
                store.close();
                pages.close();
                if (monitor.isCancelled()) {
                    throw new CancelledException();
                }
                monitor.progress(n == 0 ? 1 : to / (double) n, String.format(java.util.Locale.ROOT,
                        "%,d of %,d rows", to, n));
                if (n == 0) {
                    break;
                }
            }
        } finally {
            pool.shutdownNow();
        }
        file.end(Map.of("writer", "Tablewise"));
    }

    /** Rows per row group: about a million, so a million-row table is one group and memory stays bounded. */
    static final int ROW_GROUP_ROWS = 1 << 20;
    private static final long ROW_GROUP_BYTES = 256L << 20;

    /** One column's values of rows {@code from} to {@code to}, nulls as definition level 0. */
    private static void writeColumn(Column<?> c, org.apache.parquet.column.ColumnWriter w, int from, int to) {
        String t = c.type().name(); // by name: ColumnType's constants can be other instances
        if ("INTEGER".equals(t) || "SHORT".equals(t)) {
            NumericColumn<?> x = (NumericColumn<?>) c;
            for (int r = from; r < to; r++) {
                if (c.isMissing(r)) {
                    w.writeNull(0, 0);
                } else {
                    w.write((int) x.getDouble(r), 0, 1);
                }
            }
        } else if ("LONG".equals(t)) {
            tech.tablesaw.api.LongColumn x = (tech.tablesaw.api.LongColumn) c;
            for (int r = from; r < to; r++) {
                if (c.isMissing(r)) {
                    w.writeNull(0, 0);
                } else {
                    w.write(x.getLong(r), 0, 1);
                }
            }
        } else if ("DOUBLE".equals(t) || "FLOAT".equals(t)) {
            NumericColumn<?> x = (NumericColumn<?>) c;
            for (int r = from; r < to; r++) {
                if (c.isMissing(r)) {
                    w.writeNull(0, 0);
                } else {
                    w.write(x.getDouble(r), 0, 1);
                }
            }
        } else if ("BOOLEAN".equals(t)) {
            BooleanColumn x = (BooleanColumn) c;
            for (int r = from; r < to; r++) {
                if (c.isMissing(r)) {
                    w.writeNull(0, 0);
                } else {
                    w.write(x.get(r), 0, 1);
                }
            }
        } else if ("LOCAL_DATE".equals(t)) {
            DateColumn x = (DateColumn) c;
            for (int r = from; r < to; r++) {
                if (c.isMissing(r)) {
                    w.writeNull(0, 0);
                } else {
                    w.write((int) x.get(r).toEpochDay(), 0, 1);
                }
            }
        } else if ("LOCAL_DATE_TIME".equals(t) || "INSTANT".equals(t) || "LOCAL_TIME".equals(t)) {
            for (int r = from; r < to; r++) {
                if (c.isMissing(r)) {
                    w.writeNull(0, 0);
                } else {
                    w.write(longOf(c, t, r), 0, 1);
                }
            }
        } else {
            // text repeats: one Binary per distinct value, not per row
            java.util.Map<String, Binary> binaries = new java.util.HashMap<>();
            for (int r = from; r < to; r++) {
                if (c.isMissing(r)) {
                    w.writeNull(0, 0);
                    continue;
                }
                String v = c.getString(r);
                Binary b = binaries.get(v);
                if (b == null) {
                    b = Binary.fromConstantByteArray(v.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    if (binaries.size() < 100_000) {
                        binaries.put(v, b);
                    }
                }
                w.write(b, 0, 1);
            }
        }
    }

    private static long longOf(Column<?> c, String ct, int r) {
        if ("LOCAL_DATE_TIME".equals(ct)) {
            return micros(((DateTimeColumn) c).get(r).toInstant(ZoneOffset.UTC));
        }
        if ("INSTANT".equals(ct)) {
            return micros(((InstantColumn) c).get(r));
        }
        return ((TimeColumn) c).get(r).toNanoOfDay() / 1000;
    }

    private static long micros(Instant at) {
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1000);
    }

    /** The Parquet field of a column. */
    static PrimitiveType field(Column<?> c) {
        String t = c.type().name(); // by name: ColumnType's constants can be other instances
        String n = c.name();
        if ("INTEGER".equals(t) || "SHORT".equals(t)) {
            return Types.optional(PrimitiveType.PrimitiveTypeName.INT32).named(n);
        }
        if ("LONG".equals(t)) {
            return Types.optional(PrimitiveType.PrimitiveTypeName.INT64).named(n);
        }
        if ("DOUBLE".equals(t) || "FLOAT".equals(t)) {
            return Types.optional(PrimitiveType.PrimitiveTypeName.DOUBLE).named(n);
        }
        if ("BOOLEAN".equals(t)) {
            return Types.optional(PrimitiveType.PrimitiveTypeName.BOOLEAN).named(n);
        }
        if ("LOCAL_DATE".equals(t)) {
            return Types.optional(PrimitiveType.PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.dateType()).named(n);
        }
        if ("LOCAL_DATE_TIME".equals(t)) {
            return Types.optional(PrimitiveType.PrimitiveTypeName.INT64).as(LogicalTypeAnnotation.timestampType(false,
                    LogicalTypeAnnotation.TimeUnit.MICROS)).named(n);
        }
        if ("INSTANT".equals(t)) {
            return Types.optional(PrimitiveType.PrimitiveTypeName.INT64).as(LogicalTypeAnnotation.timestampType(true,
                    LogicalTypeAnnotation.TimeUnit.MICROS)).named(n);
        }
        if ("LOCAL_TIME".equals(t)) {
            return Types.optional(PrimitiveType.PrimitiveTypeName.INT64).as(LogicalTypeAnnotation.timeType(false,
                    LogicalTypeAnnotation.TimeUnit.MICROS)).named(n);
        }
        return Types.optional(PrimitiveType.PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(n);
    }

    /** A Parquet output over a stream (the atomic file's), counting its position. */
    private static final class StreamFile implements OutputFile {
        private final OutputStream out;

        StreamFile(OutputStream out) {
            this.out = out;
        }

        @Override
        public PositionOutputStream create(long blockSizeHint) {
            return new PositionOutputStream() {
                private long position;

                @Override
                public long getPos() {
                    return position;
                }

                @Override
                public void write(int b) throws IOException {
                    out.write(b);
                    position++;
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                    position += len;
                }

                @Override
                public void flush() throws IOException {
                    out.flush();
                }

                @Override
                public void close() {
                    // the atomic file closes the stream when its content is complete
                }
            };
        }

        @Override
        public PositionOutputStream createOrOverwrite(long blockSizeHint) {
            return create(blockSizeHint);
        }

        @Override
        public boolean supportsBlockSize() {
            return false;
        }

        @Override
        public long defaultBlockSize() {
            return 0;
        }

        @Override
        public String getPath() {
            return "table.parquet";
        }
    }
}
