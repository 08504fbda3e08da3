package io.tablewise.spark;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.NumberColumn;
import tech.tablesaw.api.ShortColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Spark rows to the engine's tables and back, so each part of a Spark table runs through the engine's own code
 * (the same transform, the same scorer): Spark's types map one to one onto the table's column types (dates as
 * {@link LocalDate}, time stamps without zone as {@link LocalDateTime}, with zone as {@link Instant}: the session
 * uses Java 8 time types).
 */
final class SparkTables {
    private SparkTables() {
    }

    /** The Spark type of an engine column type. */
    static DataType sparkType(ColumnType type) {
        if (type == ColumnType.INTEGER) {
            return DataTypes.IntegerType;
        } else if (type == ColumnType.LONG) {
            return DataTypes.LongType;
        } else if (type == ColumnType.SHORT) {
            return DataTypes.ShortType;
        } else if (type == ColumnType.DOUBLE || type == ColumnType.FLOAT) {
            return DataTypes.DoubleType;
        } else if (type == ColumnType.BOOLEAN) {
            return DataTypes.BooleanType;
        } else if (type == ColumnType.LOCAL_DATE) {
            return DataTypes.DateType;
        } else if (type == ColumnType.LOCAL_DATE_TIME) {
            return DataTypes.TimestampNTZType;
        } else if (type == ColumnType.INSTANT) {
            return DataTypes.TimestampType;
        }
        return DataTypes.StringType;
    }

    /** The Spark schema of a table's columns. */
    static StructType schema(Table t) {
        List<StructField> fields = new ArrayList<>();
        for (Column<?> c : t.columns()) {
            fields.add(DataTypes.createStructField(c.name(), sparkType(c.type()), true));
        }
        return DataTypes.createStructType(fields);
    }

    /** An empty column of the engine type for a Spark type. */
    static Column<?> column(String name, DataType type) {
        if (type.equals(DataTypes.IntegerType)) {
            return IntColumn.create(name);
        } else if (type.equals(DataTypes.LongType)) {
            return LongColumn.create(name);
        } else if (type.equals(DataTypes.ShortType) || type.equals(DataTypes.ByteType)) {
            return ShortColumn.create(name);
        } else if (type.equals(DataTypes.DoubleType) || type.equals(DataTypes.FloatType)
                || type instanceof org.apache.spark.sql.types.DecimalType) { // decimals as the Parquet import reads them
            return DoubleColumn.create(name);
        } else if (type.equals(DataTypes.BooleanType)) {
            return BooleanColumn.create(name);
        } else if (type.equals(DataTypes.DateType)) {
            return DateColumn.create(name);
        } else if (type.equals(DataTypes.TimestampNTZType)) {
            return DateTimeColumn.create(name);
        } else if (type.equals(DataTypes.TimestampType)) {
            return InstantColumn.create(name);
        } else if (type.equals(DataTypes.StringType)) {
            return StringColumn.create(name);
        }
        throw new IllegalArgumentException("column '" + name + "' is of Spark type " + type.simpleString()
                + ", which Tablewise does not read; cast it to a number, text, date or time stamp first");
    }

    /** An empty table of a Spark schema. */
    static Table empty(StructType schema) {
        Table t = Table.create("part");
        for (StructField f : schema.fields()) {
            t.addColumns(column(f.name(), f.dataType()));
        }
        return t;
    }

    /** The rows as a table of the schema's types. */
    static Table table(StructType schema, Iterator<Row> rows) {
        Table t = empty(schema);
        int n = schema.fields().length;
        while (rows.hasNext()) {
            Row r = rows.next();
            for (int i = 0; i < n; i++) {
                Column<?> c = t.column(i);
                if (r.isNullAt(i)) {
                    c.appendMissing();
                    continue;
                }
                Object v = r.get(i);
                if (c instanceof IntColumn ic) {
                    ic.append(((Number) v).intValue());
                } else if (c instanceof LongColumn lc) {
                    lc.append(((Number) v).longValue());
                } else if (c instanceof ShortColumn sc) {
                    sc.append(((Number) v).shortValue());
                } else if (c instanceof DoubleColumn dc) {
                    dc.append(((Number) v).doubleValue());
                } else if (c instanceof BooleanColumn bc) {
                    bc.append((Boolean) v);
                } else if (c instanceof DateColumn dc) {
                    dc.append(v instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) v);
                } else if (c instanceof DateTimeColumn dt) {
                    dt.append(v instanceof java.sql.Timestamp ts ? ts.toLocalDateTime() : (LocalDateTime) v);
                } else if (c instanceof InstantColumn ic) {
                    ic.append(v instanceof java.sql.Timestamp ts ? ts.toInstant() : (Instant) v);
                } else {
                    ((StringColumn) c).append(v.toString());
                }
            }
        }
        return t;
    }

    /** A table's rows as Spark rows of {@code schema} (columns by position; numbers converted when types differ). */
    static List<Row> rows(Table t, StructType schema) {
        List<Row> out = new ArrayList<>(t.rowCount());
        iterate(t, schema).forEachRemaining(out::add);
        return out;
    }

    /** A table's rows as Spark rows of {@code schema}, each made when it is asked for. */
    static java.util.Iterator<Row> iterate(Table t, StructType schema) {
        StructField[] fields = schema.fields();
        if (t.columnCount() != fields.length) {
            throw new IllegalStateException("a part of the table came out with " + t.columnCount() + " columns, the "
                    + "others with " + fields.length + ": " + t.columnNames());
        }
        return new java.util.Iterator<>() {
            private int r;

            @Override
            public boolean hasNext() {
                return r < t.rowCount();
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                Object[] values = new Object[fields.length];
                for (int i = 0; i < fields.length; i++) {
                    Column<?> c = t.column(i);
                    values[i] = c.isMissing(r) ? null : value(c, r, fields[i].dataType());
                }
                r++;
                return RowFactory.create(values);
            }
        };
    }

    private static Object value(Column<?> c, int r, DataType type) {
        if (c instanceof NumberColumn<?, ?> n) {
            double d = n.getDouble(r);
            if (type.equals(DataTypes.IntegerType)) {
                return (int) d;
            } else if (type.equals(DataTypes.LongType)) {
                return c instanceof LongColumn l ? l.getLong(r) : (long) d;
            } else if (type.equals(DataTypes.ShortType)) {
                return (short) d;
            } else if (type.equals(DataTypes.StringType)) {
                return c.getString(r);
            }
            return d;
        }
        if (type.equals(DataTypes.StringType)) {
            return c instanceof StringColumn s ? s.get(r) : c.getString(r);
        }
        return c.get(r);
    }
}
