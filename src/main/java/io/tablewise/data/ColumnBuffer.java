package io.tablewise.data;

import java.nio.charset.Charset;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.Column;
import tech.tablesaw.columns.datetimes.PackedLocalDateTime;

/**
 * A pre-sized primitive array for one column, filled by row index (so workers can fill disjoint row ranges in
 * parallel), then turned into a Tablesaw column. Missing values use Tablesaw's own missing markers.
 */
public abstract class ColumnBuffer {
    /** Sets row {@code row} from bytes; returns false if the value cannot be read as this column's type. */
    public abstract boolean set(int row, byte[] b, int s, int e, StringInterner interner);

    /**
     * Sets a value that type inference already proved readable as this column's type (every value of an
     * inferred column is), skipping the check. Overridden where the check costs.
     */
    public void setTrusted(int row, byte[] b, int s, int e, StringInterner interner) {
        set(row, b, s, e, interner);
    }

    /** Marks row {@code row} missing. */
    public abstract void setMissing(int row);

    /**
     * Copies a chunk's speculatively stored values to rows {@code dest..}, converting where exact; false if the
     * chunk stored them as something this column cannot take (the chunk must then read the column again).
     */
    public boolean absorb(ChunkValues values, int dest) {
        if (values.kind() != ChunkValues.Kind.NONE) {
            return false;
        }
        for (int i = 0; i < values.size(); i++) {
            setMissing(dest + i);
        }
        return true;
    }

    /** Builds the column. */
    public abstract Column<?> build(String name);

    /** A buffer of {@code rows} rows for a column plan. */
    public static ColumnBuffer create(ColumnPlan plan, int rows) {
        return switch (plan.kind()) {
            case INTEGER -> plan.wide() ? new Longs(rows) : new Ints(rows);
            case DECIMAL -> new Doubles(rows);
            case BOOLEAN -> new Booleans(rows);
            case DATE -> new Dates(rows, plan.family());
            case DATETIME -> new DateTimes(rows, plan.family());
            case TEXT -> new Texts(rows);
        };
    }

    /** An interner for text columns in the given charset (other columns ignore it). */
    public static StringInterner interner(Charset charset) {
        return new StringInterner(charset);
    }

    private static final class Ints extends ColumnBuffer {
        private final int[] values;

        Ints(int rows) {
            values = new int[rows];
        }

        @Override
        public boolean set(int row, byte[] b, int s, int e, StringInterner interner) {
            if ((ValueParsers.classify(b, s, e) & ValueParsers.INT) == 0) {
                values[row] = Integer.MIN_VALUE;
                return false;
            }
            values[row] = (int) ValueParsers.parseLong(b, s, e);
            return true;
        }

        @Override
        public void setTrusted(int row, byte[] b, int s, int e, StringInterner interner) {
            values[row] = (int) ValueParsers.parseLong(b, s, e);
        }

        @Override
        public void setMissing(int row) {
            values[row] = Integer.MIN_VALUE;
        }

        @Override
        public boolean absorb(ChunkValues v, int dest) {
            if (v.kind() == ChunkValues.Kind.INT) {
                System.arraycopy(v.intValues(), 0, values, dest, v.size());
                return true;
            }
            return super.absorb(v, dest);
        }

        @Override
        public Column<?> build(String name) {
            return IntColumn.create(name, values);
        }
    }

    private static final class Longs extends ColumnBuffer {
        private final long[] values;

        Longs(int rows) {
            values = new long[rows];
        }

        @Override
        public boolean set(int row, byte[] b, int s, int e, StringInterner interner) {
            if ((ValueParsers.classify(b, s, e) & ValueParsers.LONG) == 0) {
                values[row] = Long.MIN_VALUE;
                return false;
            }
            values[row] = ValueParsers.parseLong(b, s, e);
            return true;
        }

        @Override
        public void setTrusted(int row, byte[] b, int s, int e, StringInterner interner) {
            values[row] = ValueParsers.parseLong(b, s, e);
        }

        @Override
        public void setMissing(int row) {
            values[row] = Long.MIN_VALUE;
        }

        @Override
        public boolean absorb(ChunkValues v, int dest) {
            if (v.kind() == ChunkValues.Kind.LONG) {
                System.arraycopy(v.longValues(), 0, values, dest, v.size());
                return true;
            }
            if (v.kind() == ChunkValues.Kind.INT) {
                int[] src = v.intValues();
                for (int i = 0; i < v.size(); i++) {
                    values[dest + i] = src[i] == Integer.MIN_VALUE ? Long.MIN_VALUE : src[i];
                }
                return true;
            }
            return super.absorb(v, dest);
        }

        @Override
        public Column<?> build(String name) {
            return LongColumn.create(name, values);
        }
    }

    private static final class Doubles extends ColumnBuffer {
        private final double[] values;

        Doubles(int rows) {
            values = new double[rows];
        }

        @Override
        public boolean set(int row, byte[] b, int s, int e, StringInterner interner) {
            if ((ValueParsers.classify(b, s, e) & ValueParsers.DOUBLE) == 0) {
                values[row] = Double.NaN;
                return false;
            }
            values[row] = ValueParsers.parseDouble(b, s, e);
            return true;
        }

        @Override
        public void setTrusted(int row, byte[] b, int s, int e, StringInterner interner) {
            values[row] = ValueParsers.parseDouble(b, s, e);
        }

        @Override
        public void setMissing(int row) {
            values[row] = Double.NaN;
        }

        @Override
        public boolean absorb(ChunkValues v, int dest) {
            switch (v.kind()) {
                case DOUBLE -> System.arraycopy(v.doubleValues(), 0, values, dest, v.size());
                case INT -> {
                    int[] src = v.intValues();
                    for (int i = 0; i < v.size(); i++) {
                        values[dest + i] = src[i] == Integer.MIN_VALUE ? Double.NaN : src[i];
                    }
                }
                case LONG -> {
                    long[] src = v.longValues();
                    for (int i = 0; i < v.size(); i++) {
                        values[dest + i] = src[i] == Long.MIN_VALUE ? Double.NaN : src[i];
                    }
                }
                default -> {
                    return super.absorb(v, dest);
                }
            }
            return true;
        }

        @Override
        public Column<?> build(String name) {
            return DoubleColumn.create(name, values);
        }
    }

    private static final class Booleans extends ColumnBuffer {
        private static final byte MISSING = -1;
        private final byte[] values;

        Booleans(int rows) {
            values = new byte[rows];
        }

        @Override
        public boolean set(int row, byte[] b, int s, int e, StringInterner interner) {
            if (!ValueParsers.isBoolean(b, s, e)) {
                values[row] = MISSING;
                return false;
            }
            values[row] = (byte) (ValueParsers.parseBoolean(b, s, e) ? 1 : 0);
            return true;
        }

        @Override
        public void setMissing(int row) {
            values[row] = MISSING;
        }

        @Override
        public boolean absorb(ChunkValues v, int dest) {
            if (v.kind() == ChunkValues.Kind.BOOL) {
                System.arraycopy(v.boolValues(), 0, values, dest, v.size());
                return true;
            }
            return super.absorb(v, dest);
        }

        @Override
        public Column<?> build(String name) {
            BooleanColumn column = BooleanColumn.create(name, values.length);
            for (int i = 0; i < values.length; i++) {
                if (values[i] == MISSING) {
                    column.setMissing(i);
                } else {
                    column.set(i, values[i] == 1);
                }
            }
            return column;
        }
    }

    private static final class Dates extends ColumnBuffer {
        private final int[] values;
        private final ValueParsers.DateFamily family;

        Dates(int rows, ValueParsers.DateFamily family) {
            values = new int[rows];
            this.family = family;
        }

        @Override
        public boolean set(int row, byte[] b, int s, int e, StringInterner interner) {
            int packed = ValueParsers.parsePackedDate(b, s, e, family);
            values[row] = packed;
            return packed != Integer.MIN_VALUE;
        }

        @Override
        public void setMissing(int row) {
            values[row] = Integer.MIN_VALUE;
        }

        @Override
        public boolean absorb(ChunkValues v, int dest) {
            if (v.kind() == ChunkValues.Kind.DATE && v.family() == family) {
                System.arraycopy(v.intValues(), 0, values, dest, v.size());
                return true;
            }
            return super.absorb(v, dest);
        }

        @Override
        public Column<?> build(String name) {
            return DateColumn.createInternal(name, values);
        }
    }

    private static final class DateTimes extends ColumnBuffer {
        private final long[] values;
        private final ValueParsers.DateFamily family;

        DateTimes(int rows, ValueParsers.DateFamily family) {
            values = new long[rows];
            this.family = family;
        }

        @Override
        public boolean set(int row, byte[] b, int s, int e, StringInterner interner) {
            long packed = ValueParsers.parseTemporal(b, s, e, family);
            if (packed == Long.MIN_VALUE) {
                values[row] = Long.MIN_VALUE;
                return false;
            }
            long millis = ValueParsers.epochMillis(packed);
            LocalDateTime t = LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000),
                    Math.floorMod(millis, 1000) * 1_000_000, ZoneOffset.UTC);
            values[row] = PackedLocalDateTime.pack(t);
            return true;
        }

        @Override
        public void setMissing(int row) {
            values[row] = Long.MIN_VALUE;
        }

        @Override
        public Column<?> build(String name) {
            return DateTimeColumn.createInternal(name, values);
        }
    }

    private static final class Texts extends ColumnBuffer {
        private final String[] values;

        Texts(int rows) {
            values = new String[rows];
        }

        @Override
        public boolean set(int row, byte[] b, int s, int e, StringInterner interner) {
            values[row] = interner.intern(b, s, e);
            return true;
        }

        @Override
        public void setMissing(int row) {
            values[row] = "";
        }

        @Override
        public boolean absorb(ChunkValues v, int dest) {
            if (v.kind() == ChunkValues.Kind.TEXT) {
                System.arraycopy(v.textValues(), 0, values, dest, v.size());
                return true;
            }
            if (v.kind() == ChunkValues.Kind.NONE) {
                java.util.Arrays.fill(values, dest, dest + v.size(), "");
                return true;
            }
            return false;
        }

        @Override
        public Column<?> build(String name) {
            return StringColumn.create(name, values);
        }
    }
}
