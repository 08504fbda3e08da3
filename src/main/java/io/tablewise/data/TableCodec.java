package io.tablewise.data;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.ShortColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.api.TimeColumn;
import tech.tablesaw.columns.Column;

/**
 * A table to bytes and back, exactly: every column keeps its type, every value its bits (missing values included),
 * names and order unchanged. Used to keep node results on disk between sessions; not an exchange format.
 */
public final class TableCodec {
    private static final int MAGIC = 0x54575442; // "TWTB"
    private static final int VERSION = 1;

    private TableCodec() {
    }

    /** Writes {@code table} (the stream is not closed). */
    public static void write(Table table, OutputStream stream) throws IOException {
        DataOutputStream out = new DataOutputStream(stream);
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        writeText(out, table.name() == null ? "" : table.name());
        out.writeInt(table.rowCount());
        out.writeInt(table.columnCount());
        for (Column<?> c : table.columns()) {
            writeText(out, c.name());
            writeText(out, c.type().name());
            writeValues(out, c);
        }
        out.flush();
    }

    /**
     * Reads a table written by {@link #write}.
     *
     * @throws IOException when the bytes are not such a table (a damaged or foreign file)
     */
    public static Table read(InputStream stream) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        if (in.readInt() != MAGIC || in.readInt() != VERSION) {
            throw new IOException("not a stored Tablewise table");
        }
        Table t = Table.create(readText(in));
        int rows = in.readInt();
        int columns = in.readInt();
        if (rows < 0 || columns < 0) {
            throw new IOException("a damaged stored table");
        }
        for (int i = 0; i < columns; i++) {
            String name = readText(in);
            t.addColumns(readValues(in, name, readText(in), rows));
        }
        return t;
    }

    private static void writeValues(DataOutputStream out, Column<?> c) throws IOException {
        int n = c.size();
        if (c instanceof StringColumn s) {
            for (int i = 0; i < n; i++) {
                writeText(out, s.get(i));
            }
        } else if (c instanceof IntColumn x) {
            for (int i = 0; i < n; i++) {
                out.writeInt(x.getInt(i));
            }
        } else if (c instanceof LongColumn x) {
            for (int i = 0; i < n; i++) {
                out.writeLong(x.getLong(i));
            }
        } else if (c instanceof ShortColumn x) {
            for (int i = 0; i < n; i++) {
                out.writeShort(x.getShort(i));
            }
        } else if (c instanceof DoubleColumn x) {
            for (int i = 0; i < n; i++) {
                out.writeLong(Double.doubleToRawLongBits(x.getDouble(i)));
            }
        } else if (c instanceof FloatColumn x) {
            for (int i = 0; i < n; i++) {
                out.writeInt(Float.floatToRawIntBits(x.getFloat(i)));
            }
        } else if (c instanceof BooleanColumn x) {
            for (int i = 0; i < n; i++) {
                out.writeByte(x.getByte(i));
            }
        } else if (c instanceof DateColumn x) {
            for (int i = 0; i < n; i++) {
                out.writeInt(x.getIntInternal(i));
            }
        } else if (c instanceof TimeColumn x) {
            for (int i = 0; i < n; i++) {
                out.writeInt(x.getIntInternal(i));
            }
        } else if (c instanceof DateTimeColumn x) {
            for (int i = 0; i < n; i++) {
                out.writeLong(x.getLongInternal(i));
            }
        } else if (c instanceof InstantColumn x) {
            for (int i = 0; i < n; i++) {
                out.writeLong(x.getLongInternal(i));
            }
        } else {
            throw new IOException("a column of type " + c.type().name() + " cannot be stored");
        }
    }

    private static Column<?> readValues(DataInputStream in, String name, String type, int n) throws IOException {
        // by name: the type objects Tablesaw hands out are not always the same instances
        if (type.equals(ColumnType.STRING.name())) {
            StringColumn c = StringColumn.create(name);
            for (int i = 0; i < n; i++) {
                c.append(readText(in));
            }
            return c;
        } else if (type.equals(ColumnType.INTEGER.name())) {
            int[] v = new int[n];
            for (int i = 0; i < n; i++) {
                v[i] = in.readInt();
            }
            return IntColumn.create(name, v);
        } else if (type.equals(ColumnType.LONG.name())) {
            long[] v = new long[n];
            for (int i = 0; i < n; i++) {
                v[i] = in.readLong();
            }
            return LongColumn.create(name, v);
        } else if (type.equals(ColumnType.SHORT.name())) {
            short[] v = new short[n];
            for (int i = 0; i < n; i++) {
                v[i] = in.readShort();
            }
            return ShortColumn.create(name, v);
        } else if (type.equals(ColumnType.DOUBLE.name())) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = Double.longBitsToDouble(in.readLong());
            }
            return DoubleColumn.create(name, v);
        } else if (type.equals(ColumnType.FLOAT.name())) {
            float[] v = new float[n];
            for (int i = 0; i < n; i++) {
                v[i] = Float.intBitsToFloat(in.readInt());
            }
            return FloatColumn.create(name, v);
        } else if (type.equals(ColumnType.BOOLEAN.name())) {
            BooleanColumn c = BooleanColumn.create(name);
            for (int i = 0; i < n; i++) {
                c.append(in.readByte());
            }
            return c;
        } else if (type.equals(ColumnType.LOCAL_DATE.name())) {
            DateColumn c = DateColumn.create(name);
            for (int i = 0; i < n; i++) {
                c.appendInternal(in.readInt());
            }
            return c;
        } else if (type.equals(ColumnType.LOCAL_TIME.name())) {
            TimeColumn c = TimeColumn.create(name);
            for (int i = 0; i < n; i++) {
                c.appendInternal(in.readInt());
            }
            return c;
        } else if (type.equals(ColumnType.LOCAL_DATE_TIME.name())) {
            DateTimeColumn c = DateTimeColumn.create(name);
            for (int i = 0; i < n; i++) {
                c.appendInternal(in.readLong());
            }
            return c;
        } else if (type.equals(ColumnType.INSTANT.name())) {
            InstantColumn c = InstantColumn.create(name);
            for (int i = 0; i < n; i++) {
                c.appendInternal(in.readLong());
            }
            return c;
        }
        throw new IOException("a stored column of type " + type + " cannot be read");
    }

    private static void writeText(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readText(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 64 * 1024 * 1024) {
            throw new IOException("a damaged stored table");
        }
        return new String(in.readNBytes(n), java.nio.charset.StandardCharsets.UTF_8);
    }
}
