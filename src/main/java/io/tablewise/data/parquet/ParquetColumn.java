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
final class ParquetColumn {
    /** Appends the column reader's current value to a column. */
    private interface Append {
        void to(Column<?> c, ColumnReader r);
    }

    final String name;
    private final java.util.function.Function<String, Column<?>> create;
    private final Append append;
    private final boolean asText;

    private ParquetColumn(String name, java.util.function.Function<String, Column<?>> create, Append append,
                          boolean asText) {
        this.name = name;
        this.create = create;
        this.append = append;
        this.asText = asText;
    }

    private static ParquetColumn of(String name, java.util.function.Function<String, Column<?>> create,
                                    Append append) {
        return new ParquetColumn(name, create, append, false);
    }

    /** A new, empty column of this type (one per row group, appended in order). */
    Column<?> create() {
        return create.apply(name);
    }

    /** True when the values are kept as hex text because Tablewise has no type for them. */
    boolean asText() {
        return asText;
    }

    /** Reads every value of a row group's column. */
    Column<?> read(ColumnReader r, ColumnDescriptor d, long rows) {
        Column<?> c = create();
        int max = d.getMaxDefinitionLevel();
        for (long i = 0; i < rows; i++) {
            if (r.getCurrentDefinitionLevel() == max) {
                append.to(c, r);
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
                return of(name, BooleanColumn::create, (c, r) -> ((BooleanColumn) c).append(r.getBoolean()));
            case INT32:
                if (a instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
                    return of(name, DateColumn::create, (c, r) -> ((DateColumn) c).append(LocalDate.ofEpochDay(
                            r.getInteger())));
                }
                if (a instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation dec) {
                    int scale = dec.getScale();
                    return of(name, DoubleColumn::create, (c, r) -> ((DoubleColumn) c).append(
                            java.math.BigDecimal.valueOf(r.getInteger(), scale).doubleValue()));
                }
                if (a instanceof LogicalTypeAnnotation.TimeLogicalTypeAnnotation) {
                    return of(name, TimeColumn::create, (c, r) -> ((TimeColumn) c).append(LocalTime.ofNanoOfDay(
                            r.getInteger() * 1_000_000L)));
                }
                if (a instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation i && !i.isSigned()
                        && i.getBitWidth() == 32) {
                    return of(name, LongColumn::create, (c, r) -> ((LongColumn) c).append(Integer.toUnsignedLong(
                            r.getInteger())));
                }
                return of(name, IntColumn::create, (c, r) -> ((IntColumn) c).append(r.getInteger()));
            case INT64:
                if (a instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation ts) {
                    LogicalTypeAnnotation.TimeUnit unit = ts.getUnit();
                    return ts.isAdjustedToUTC()
                            ? of(name, InstantColumn::create, (c, r) -> ((InstantColumn) c).append(instant(r.getLong(),
                            unit)))
                            : of(name, DateTimeColumn::create, (c, r) -> ((DateTimeColumn) c).append(
                            LocalDateTime.ofInstant(instant(r.getLong(), unit), ZoneOffset.UTC)));
                }
                if (a instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation dec) {
                    int scale = dec.getScale();
                    return of(name, DoubleColumn::create, (c, r) -> ((DoubleColumn) c).append(
                            java.math.BigDecimal.valueOf(r.getLong(), scale).doubleValue()));
                }
                if (a instanceof LogicalTypeAnnotation.TimeLogicalTypeAnnotation tm) {
                    long nanos = tm.getUnit() == LogicalTypeAnnotation.TimeUnit.MICROS ? 1000L
                            : tm.getUnit() == LogicalTypeAnnotation.TimeUnit.MILLIS ? 1_000_000L : 1L;
                    return of(name, TimeColumn::create, (c, r) -> ((TimeColumn) c).append(LocalTime.ofNanoOfDay(
                            r.getLong() * nanos)));
                }
                if (a instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation i && !i.isSigned()) {
                    // unsigned 64-bit: beyond a long, as a number
                    return of(name, DoubleColumn::create, (c, r) -> {
                        long v = r.getLong();
                        ((DoubleColumn) c).append(v >= 0 ? v : v + 0x1p64);
                    });
                }
                return of(name, LongColumn::create, (c, r) -> ((LongColumn) c).append(r.getLong()));
            case INT96:
                return of(name, InstantColumn::create, (c, r) -> ((InstantColumn) c).append(int96(r.getBinary())));
            case FLOAT:
                // a float as its shortest decimal (0.1f reads as 0.1, not 0.10000000149011612)
                return of(name, DoubleColumn::create, (c, r) -> ((DoubleColumn) c).append(Double.parseDouble(
                        Float.toString(r.getFloat()))));
            case DOUBLE:
                return of(name, DoubleColumn::create, (c, r) -> ((DoubleColumn) c).append(r.getDouble()));
            case BINARY:
            case FIXED_LEN_BYTE_ARRAY:
            default:
                return bytes(name, t, a);
        }
    }

    private static ParquetColumn bytes(String name, PrimitiveType t, LogicalTypeAnnotation a) {
        if (a instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation dec) {
            int scale = dec.getScale();
            return of(name, DoubleColumn::create, (c, r) -> ((DoubleColumn) c).append(new java.math.BigDecimal(
                    new BigInteger(r.getBinary().getBytes()), scale).doubleValue()));
        }
        if (a instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
                || a instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation
                || a instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation) {
            // dictionary pages repeat few values: one String per distinct value, not per row
            Map<Binary, String> seen = new HashMap<>();
            return of(name, StringColumn::create, (c, r) -> {
                Binary b = r.getBinary();
                String s = seen.get(b);
                if (s == null) {
                    s = b.toStringUsingUTF8();
                    if (seen.size() < 50_000) {
                        seen.put(b.copy(), s);
                    }
                }
                ((StringColumn) c).append(s);
            });
        }
        if (a instanceof LogicalTypeAnnotation.UUIDLogicalTypeAnnotation) {
            return of(name, StringColumn::create, (c, r) -> {
                ByteBuffer b = r.getBinary().toByteBuffer();
                ((StringColumn) c).append(new java.util.UUID(b.getLong(), b.getLong()).toString());
            });
        }
        if (a == null && t.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.BINARY) {
            // old writers leave text unannotated, others mean bytes: text where valid UTF-8, else hex
            java.nio.charset.CharsetDecoder utf8 = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
            return of(name, StringColumn::create, (c, r) -> {
                byte[] bytes = r.getBinary().getBytes();
                String text;
                try {
                    text = utf8.decode(ByteBuffer.wrap(bytes)).toString();
                } catch (java.nio.charset.CharacterCodingException e) {
                    text = java.util.HexFormat.of().formatHex(bytes);
                }
                ((StringColumn) c).append(text);
            });
        }
        return new ParquetColumn(name, StringColumn::create, (c, r) -> ((StringColumn) c).append(
                java.util.HexFormat.of().formatHex(r.getBinary().getBytes())), true);
    }

    static Instant instant(long v, LogicalTypeAnnotation.TimeUnit unit) {
        return switch (unit) {
            case MILLIS -> Instant.ofEpochMilli(v);
            case MICROS -> Instant.ofEpochSecond(Math.floorDiv(v, 1_000_000L), Math.floorMod(v, 1_000_000L) * 1000);
            case NANOS -> Instant.ofEpochSecond(Math.floorDiv(v, 1_000_000_000L), Math.floorMod(v, 1_000_000_000L));
        };
    }

    /** Spark's and Impala's legacy timestamps: nanoseconds of the day, then the Julian day, little-endian. */
    private static Instant int96(Binary value) {
        ByteBuffer b = value.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        long nanos = b.getLong();
        long day = Integer.toUnsignedLong(b.getInt());
        return Instant.ofEpochSecond((day - 2_440_588L) * 86_400L, 0).plusNanos(nanos);
    }
}
