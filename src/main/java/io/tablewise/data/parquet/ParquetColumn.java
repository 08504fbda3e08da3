package io.tablewise.data.parquet;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;

import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.TimeColumn;
import tech.tablesaw.columns.Column;

/**
 * How one flat Parquet column becomes a table column: its physical type and logical annotation mapped (integers,
 * decimals as numbers, dates, timestamps — UTC-adjusted ones as instants, local ones as date-times, Spark's INT96 as
 * instants —, times, strings, UUIDs; raw bytes as hex text, said in a warning), values read from a column reader.
 */
abstract class ParquetColumn {
    final String name;

    ParquetColumn(String name) {
        this.name = name;
    }

    /** A new, empty column of this type (one per row group, appended in order). */
    abstract Column<?> create();

    /** Appends the current value of {@code r} to {@code c}. */
    abstract void append(Column<?> c, ColumnReader r);

    /** True when the values are kept as text because Tablewise has no type for them. */
    boolean asText() {
        return false;
    }

    /** Reads every value of a row group's column. */
    final Column<?> read(ColumnReader r, ColumnDescriptor d, long rows) {
        Column<?> c = create();
        int max = d.getMaxDefinitionLevel();
        for (long i = 0; i < rows; i++) {
            if (r.getCurrentDefinitionLevel() == max) {
                append(c, r);
            } else {
                c.appendMissing();
            }
            r.consume();
        }
        return c;
    }

    /** The mapping of a flat column. */
    static ParquetColumn of(String name, PrimitiveType t) {
        LogicalTypeAnnotation a = t.getLogicalTypeAnnotation();
        switch (t.getPrimitiveTypeName()) {
            case BOOLEAN:
                return new Booleans(name);
            case INT32:
                if (a instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
                    return new Dates(name);
                }
                if (a instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation dec) {
                    return new Decimals(name, dec.getScale(), false);
                }
                if (a instanceof LogicalTypeAnnotation.TimeLogicalTypeAnnotation) {
                    return new Times(name, LogicalTypeAnnotation.TimeUnit.MILLIS, true);
                }
                if (a instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation i && !i.isSigned()
                        && i.getBitWidth() == 32) {
                    return new Longs(name, true);
                }
                return new Ints(name);
            case INT64:
                if (a instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation ts) {
                    return new Timestamps(name, ts.getUnit(), ts.isAdjustedToUTC());
                }
                if (a instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation dec) {
                    return new Decimals(name, dec.getScale(), true);
                }
                if (a instanceof LogicalTypeAnnotation.TimeLogicalTypeAnnotation tm) {
                    return new Times(name, tm.getUnit(), false);
                }
                if (a instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation i && !i.isSigned()) {
                    return new Decimals(name, 0, true) { // unsigned 64-bit: beyond a long, as a number
                        @Override
                        void append(Column<?> c, ColumnReader r) {
                            long v = r.getLong();
                            ((DoubleColumn) c).append(v >= 0 ? v : v + 0x1p64);
                        }
                    };
                }
                return new Longs(name, false);
            case INT96:
                return new Int96(name);
            case FLOAT:
                return new Doubles(name, true);
            case DOUBLE:
                return new Doubles(name, false);
            case BINARY:
            case FIXED_LEN_BYTE_ARRAY:
            default:
                if (a instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation dec) {
                    return new BinaryDecimals(name, dec.getScale());
                }
                if (a instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
                        || a instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation
                        || a instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation) {
                    return new Strings(name);
                }
                if (a instanceof LogicalTypeAnnotation.UUIDLogicalTypeAnnotation) {
                    return new Uuids(name);
                }
                if (a == null && t.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.BINARY) {
                    return new TextOrBytes(name); // old writers leave text unannotated; others mean bytes
                }
                return new Hex(name);
        }
    }

    private static final class Booleans extends ParquetColumn {
        Booleans(String name) {
            super(name);
        }

        @Override
        Column<?> create() {
            return BooleanColumn.create(name);
        }

        @Override
        void append(Column<?> c, ColumnReader r) {
            ((BooleanColumn) c).append(r.getBoolean());
        }
    }

    private static final class Ints extends ParquetColumn {
        Ints(String name) {
            super(name);
        }

        @Override
        Column<?> create() {
            return IntColumn.create(name);
        }

        @Override
        void append(Column<?> c, ColumnReader r) {
            ((IntColumn) c).append(r.getInteger());
        }
    }

    private static final class Longs extends ParquetColumn {
        private final boolean unsigned32;

        Longs(String name, boolean unsigned32) {
            super(name);
            this.unsigned32 = unsigned32;
        }

        @Override
        Column<?> create() {
            return LongColumn.create(name);
        }

        @Override
        void append(Column<?> c, ColumnReader r) {
            ((LongColumn) c).append(unsigned32 ? Integer.toUnsignedLong(r.getInteger()) : r.getLong());
        }
    }

    private static final class Doubles extends ParquetColumn {
        private final boolean single;

        Doubles(String name, boolean single) {
            super(name);
            this.single = single;
        }

        @Override
        Column<?> create() {
            return DoubleColumn.create(name);
        }

        @Override
        void append(Column<?> c, ColumnReader r) {
            // a float as its shortest decimal (0.1f reads as 0.1, not 0.10000000149011612)
            ((DoubleColumn) c).append(single ? Double.parseDouble(Float.toString(r.getFloat())) : r.getDouble());
        }
    }

    private static class Decimals extends ParquetColumn {
        private final double unit;
        private final boolean wide;

        Decimals(String name, int scale, boolean wide) {
            super(name);
            this.unit = Math.pow(10, -scale);
            this.wide = wide;
        }

        @Override
        Column<?> create() {
            return DoubleColumn.create(name);
        }

        @Override
        void append(Column<?> c, ColumnReader r) {
            long unscaled = wide ? r.getLong() : r.getInteger();
            ((DoubleColumn) c).append(new java.math.BigDecimal(BigInteger.valueOf(unscaled), 0)
                    .multiply(java.math.BigDecimal.valueOf(unit)).doubleValue());
        }
    }

    private static final class BinaryDecimals extends ParquetColumn {
        private final int scale;

        BinaryDecimals(String name, int scale) {
            super(name);
            this.scale = scale;
        }

        @Override
        Column<?> create() {
            return DoubleColumn.create(name);
        }

        @Override
        void append(Column<?> c, ColumnReader r) {
            ((DoubleColumn) c).append(new java.math.BigDecimal(new BigInteger(r.getBinary().getBytes()), scale)
                    .doubleValue());
        }
    }

    private static final class Dates extends ParquetColumn {
        Dates(String name) {
            super(name);
        }

        @Override
        Column<?> create() {
            return DateColumn.create(name);
        }

        @Override
        void append(Column<?> c, ColumnReader r) {
            ((DateColumn) c).append(LocalDate.ofEpochDay(r.getInteger()));
        }
    }

    private static final class Timestamps extends ParquetColumn {
        private final LogicalTypeAnnotation.TimeUnit unit;
        private final boolean utc;

        Timestamps(String name, LogicalTypeAnnotation.TimeUnit unit, boolean utc) {
            super(name);
            this.unit = unit;
            this.utc = utc;
        }

        @Override
        Column<?> create() {
            return utc ? InstantColumn.create(name) : DateTimeColumn.create(name);
        }

        @Override
        void append(Column<?> c, ColumnReader r) {
            Instant at = instant(r.getLong(), unit);
            if (utc) {
                ((InstantColumn) c).append(at);
            } else {
                ((DateTimeColumn) c).append(LocalDateTime.ofInstant(at, ZoneOffset.UTC));
            }
        }
    }

    static Instant instant(long v, LogicalTypeAnnotation.TimeUnit unit) {
        return switch (unit) {
            case MILLIS -> Instant.ofEpochMilli(v);
            case MICROS -> Instant.ofEpochSecond(Math.floorDiv(v, 1_000_000L), Math.floorMod(v, 1_000_000L) * 1000);
            case NANOS -> Instant.ofEpochSecond(Math.floorDiv(v, 1_000_000_000L), Math.floorMod(v, 1_000_000_000L));
        };
    }

    private static final class Times extends ParquetColumn {
        private final LogicalTypeAnnotation.TimeUnit unit;
        private final boolean int32;

        Times(String name, LogicalTypeAnnotation.TimeUnit unit, boolean int32) {
            super(name);
            this.unit = unit;
            this.int32 = int32;
        }

        @Override
        Column<?> create() {
            return TimeColumn.create(name);
        }

        @Override
        void append(Column<?> c, ColumnReader r) {
            long v = int32 ? r.getInteger() : r.getLong();
            long nanos = switch (unit) {
                case MILLIS -> v * 1_000_000L;
                case MICROS -> v * 1000L;
                case NANOS -> v;
            };
            ((TimeColumn) c).append(LocalTime.ofNanoOfDay(nanos));
        }
    }

    /** Spark's and Impala's legacy timestamps: nanoseconds of the day, then the Julian day, little-endian. */
    private static final class Int96 extends ParquetColumn {
        private static final long JULIAN_EPOCH_DAY = 2_440_588L;

        Int96(String name) {
            super(name);
        }

        @Override
        Column<?> create() {
            return InstantColumn.create(name);
        }

        @Override
        void append(Column<?> c, ColumnReader r) {
            ByteBuffer b = r.getBinary().toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
            long nanos = b.getLong();
            long day = Integer.toUnsignedLong(b.getInt());
            ((InstantColumn) c).append(Instant.ofEpochSecond((day - JULIAN_EPOCH_DAY) * 86_400L, 0).plusNanos(nanos));
        }
    }

    private static final class Strings extends ParquetColumn {
        // dictionary pages repeat few values: one String per distinct value, not per row
        private final Map<Binary, String> seen = new HashMap<>();

        Strings(String name) {
            super(name);
        }

        @Override
        Column<?> create() {
            return StringColumn.create(name);
        }

        @Override
        void append(Column<?> c, ColumnReader r) {
            Binary b = r.getBinary();
            String s = seen.get(b);
            if (s == null) {
                s = b.toStringUsingUTF8();
                if (seen.size() < 50_000) {
                    seen.put(b.copy(), s);
                }
            }
            ((StringColumn) c).append(s);
        }
    }

    /** Unannotated bytes: text where they are valid UTF-8 (as Hive and old Spark wrote strings), else hex. */
    private static final class TextOrBytes extends ParquetColumn {
        private final java.nio.charset.CharsetDecoder utf8 = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);

        TextOrBytes(String name) {
            super(name);
        }

        @Override
        Column<?> create() {
            return StringColumn.create(name);
        }

        @Override
        void append(Column<?> c, ColumnReader r) {
            byte[] bytes = r.getBinary().getBytes();
            String text;
            try {
                text = utf8.decode(ByteBuffer.wrap(bytes)).toString();
            } catch (java.nio.charset.CharacterCodingException e) {
                text = java.util.HexFormat.of().formatHex(bytes);
            }
            ((StringColumn) c).append(text);
        }
    }

    private static final class Uuids extends ParquetColumn {
        Uuids(String name) {
            super(name);
        }

        @Override
        Column<?> create() {
            return StringColumn.create(name);
        }

        @Override
        void append(Column<?> c, ColumnReader r) {
            ByteBuffer b = r.getBinary().toByteBuffer();
            ((StringColumn) c).append(new java.util.UUID(b.getLong(), b.getLong()).toString());
        }
    }

    private static final class Hex extends ParquetColumn {
        Hex(String name) {
            super(name);
        }

        @Override
        Column<?> create() {
            return StringColumn.create(name);
        }

        @Override
        void append(Column<?> c, ColumnReader r) {
            ((StringColumn) c).append(java.util.HexFormat.of().formatHex(r.getBinary().getBytes()));
        }

        @Override
        boolean asText() {
            return true;
        }
    }
}
