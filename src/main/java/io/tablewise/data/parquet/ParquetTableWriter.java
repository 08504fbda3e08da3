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
import tech.tablesaw.api.ColumnType;
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
        List<Type> fields = new ArrayList<>();
        for (Column<?> c : table.columns()) {
            fields.add(field(c));
        }
        MessageType schema = new MessageType("table", fields);
        Support support = new Support(table, schema);
        try (ParquetWriter<Integer> w = new Builder(new StreamFile(out), support)
                .withConf(new PlainParquetConfiguration())
                .withCodecFactory(ParquetCodecs.INSTANCE)
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .withDictionaryEncoding(true)
                .build()) {
            int n = table.rowCount();
            for (int r = 0; r < n; r++) {
                w.write(r);
                if ((r + 1) % STEP == 0) {
                    if (monitor.isCancelled()) {
                        throw new CancelledException();
                    }
                    monitor.progress((r + 1) / (double) n, String.format(java.util.Locale.ROOT, "%,d of %,d rows",
                            r + 1, n));
                }
            }
        }
    }

    /** The Parquet field of a column. */
    static PrimitiveType field(Column<?> c) {
        ColumnType t = c.type();
        String n = c.name();
        if (t == ColumnType.INTEGER || t == ColumnType.SHORT) {
            return Types.optional(PrimitiveType.PrimitiveTypeName.INT32).named(n);
        }
        if (t == ColumnType.LONG) {
            return Types.optional(PrimitiveType.PrimitiveTypeName.INT64).named(n);
        }
        if (t == ColumnType.DOUBLE || t == ColumnType.FLOAT) {
            return Types.optional(PrimitiveType.PrimitiveTypeName.DOUBLE).named(n);
        }
        if (t == ColumnType.BOOLEAN) {
            return Types.optional(PrimitiveType.PrimitiveTypeName.BOOLEAN).named(n);
        }
        if (t == ColumnType.LOCAL_DATE) {
            return Types.optional(PrimitiveType.PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.dateType()).named(n);
        }
        if (t == ColumnType.LOCAL_DATE_TIME) {
            return Types.optional(PrimitiveType.PrimitiveTypeName.INT64).as(LogicalTypeAnnotation.timestampType(false,
                    LogicalTypeAnnotation.TimeUnit.MICROS)).named(n);
        }
        if (t == ColumnType.INSTANT) {
            return Types.optional(PrimitiveType.PrimitiveTypeName.INT64).as(LogicalTypeAnnotation.timestampType(true,
                    LogicalTypeAnnotation.TimeUnit.MICROS)).named(n);
        }
        if (t == ColumnType.LOCAL_TIME) {
            return Types.optional(PrimitiveType.PrimitiveTypeName.INT64).as(LogicalTypeAnnotation.timeType(false,
                    LogicalTypeAnnotation.TimeUnit.MICROS)).named(n);
        }
        return Types.optional(PrimitiveType.PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(n);
    }

    /** Writes row {@code r} of the table field by field. */
    private static final class Support extends WriteSupport<Integer> {
        private final MessageType schema;
        private final Column<?>[] columns;
        private final PrimitiveType[] types;
        private RecordConsumer consumer;
        // text repeats: one Binary per distinct value, not per row
        private final java.util.Map<String, Binary> binaries = new java.util.HashMap<>();

        Support(Table table, MessageType schema) {
            this.schema = schema;
            this.columns = table.columns().toArray(Column<?>[]::new);
            this.types = schema.getFields().stream().map(Type::asPrimitiveType).toArray(PrimitiveType[]::new);
        }

        @Override
        public WriteContext init(org.apache.hadoop.conf.Configuration configuration) {
            return new WriteContext(schema, Map.of("writer", "Tablewise"));
        }

        @Override
        public WriteContext init(ParquetConfiguration configuration) {
            return new WriteContext(schema, Map.of("writer", "Tablewise"));
        }

        @Override
        public void prepareForWrite(RecordConsumer recordConsumer) {
            this.consumer = recordConsumer;
        }

        @Override
        public void write(Integer row) {
            int r = row;
            consumer.startMessage();
            for (int i = 0; i < columns.length; i++) {
                Column<?> c = columns[i];
                if (c.isMissing(r)) {
                    continue;
                }
                consumer.startField(c.name(), i);
                value(c, types[i], r);
                consumer.endField(c.name(), i);
            }
            consumer.endMessage();
        }

        private void value(Column<?> c, PrimitiveType t, int r) {
            ColumnType ct = c.type();
            switch (t.getPrimitiveTypeName()) {
                case INT32 -> consumer.addInteger(ct == ColumnType.LOCAL_DATE
                        ? (int) ((DateColumn) c).get(r).toEpochDay() : (int) ((NumericColumn<?>) c).getDouble(r));
                case INT64 -> consumer.addLong(longOf(c, ct, r));
                case DOUBLE -> consumer.addDouble(((NumericColumn<?>) c).getDouble(r));
                case BOOLEAN -> consumer.addBoolean(((BooleanColumn) c).get(r));
                default -> {
                    String v = c.getString(r);
                    Binary b = binaries.get(v);
                    if (b == null) {
                        b = Binary.fromConstantByteArray(v.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                        if (binaries.size() < 100_000) {
                            binaries.put(v, b);
                        }
                    }
                    consumer.addBinary(b);
                }
            }
        }

        private static long longOf(Column<?> c, ColumnType ct, int r) {
            if (ct == ColumnType.LOCAL_DATE_TIME) {
                return micros(((DateTimeColumn) c).get(r).toInstant(ZoneOffset.UTC));
            }
            if (ct == ColumnType.INSTANT) {
                return micros(((InstantColumn) c).get(r));
            }
            if (ct == ColumnType.LOCAL_TIME) {
                return ((TimeColumn) c).get(r).toNanoOfDay() / 1000;
            }
            return ((tech.tablesaw.api.LongColumn) c).getLong(r);
        }

        private static long micros(Instant at) {
            return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1000);
        }
    }

    /** The writer, built without Hadoop's configuration. */
    private static final class Builder extends ParquetWriter.Builder<Integer, Builder> {
        private final Support support;

        Builder(OutputFile file, Support support) {
            super(file);
            this.support = support;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<Integer> getWriteSupport(org.apache.hadoop.conf.Configuration configuration) {
            return support;
        }

        @Override
        protected WriteSupport<Integer> getWriteSupport(ParquetConfiguration configuration) {
            return support;
        }
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
