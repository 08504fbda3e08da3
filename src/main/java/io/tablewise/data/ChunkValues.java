package io.tablewise.data;

import java.util.Arrays;

/**
 * One column's values in one chunk, stored during the first pass in the narrowest type the chunk has seen so
 * far: integers widen to 64 bits and then to decimals exactly (the decimal of an integer's text is the double
 * nearest that integer either way). A value that fits none of that (text after numbers, a date in another
 * layout, a time of day) gives up: the chunk's column is then read again once the whole column's type is
 * known. Most columns never give up, so most files are tokenized once.
 */
public final class ChunkValues {
    /** What the chunk has stored so far. */
    public enum Kind { NONE, INT, LONG, DOUBLE, BOOL, DATE, TEXT, GAVE_UP }

    private Kind kind = Kind.NONE;
    private int size;
    private int leadingMissing;
    private int[] ints;
    private long[] longs;
    private double[] doubles;
    private byte[] bools;
    private String[] texts;
    private ValueParsers.DateFamily family;
    private final int initialCapacity;

    /** Storage expecting about {@code expectedRows} rows. */
    public ChunkValues(int expectedRows) {
        this.initialCapacity = Math.max(16, expectedRows);
    }

    /** The stored kind. */
    public Kind kind() {
        return kind;
    }

    /** Rows accounted for. */
    public int size() {
        return size;
    }

    /** Stops storing: the column is to be read again. */
    public void giveUp() {
        kind = Kind.GAVE_UP;
        ints = null;
        longs = null;
        doubles = null;
        bools = null;
        texts = null;
    }

    /** Accounts for a missing value. */
    public void addMissing() {
        switch (kind) {
            case NONE -> leadingMissing++;
            case INT -> ints()[size] = Integer.MIN_VALUE;
            case LONG -> longs()[size] = Long.MIN_VALUE;
            case DOUBLE -> doubles()[size] = Double.NaN;
            case BOOL -> bools()[size] = -1;
            case DATE -> ints()[size] = Integer.MIN_VALUE;
            case TEXT -> texts()[size] = "";
            case GAVE_UP -> { }
        }
        size++;
    }

    /**
     * Stores a value in one scan when the chunk already holds ints, decimals or booleans and the value is one
     * of those; returns its classification mask then, or -1 when the caller must classify it and call
     * {@link #add}. The mask returned is exact for the column's running intersection: a value stored as a
     * decimal gets {@link ValueParsers#DOUBLE} only, and the chunk's mask already lacks the integer bits.
     */
    public int tryAdd(byte[] b, int s, int e) {
        switch (kind) {
            case INT -> {
                long v = ValueParsers.tryParseInt(b, s, e);
                if (v == ValueParsers.NOT_INT) {
                    return -1;
                }
                ints()[size++] = (int) v;
                return ValueParsers.INT | ValueParsers.LONG | ValueParsers.DOUBLE;
            }
            case DOUBLE -> {
                double v = ValueParsers.tryParsePlainDouble(b, s, e);
                if (Double.isNaN(v)) {
                    return -1;
                }
                doubles()[size++] = v;
                return ValueParsers.DOUBLE;
            }
            case BOOL -> {
                if (!ValueParsers.isBoolean(b, s, e)) {
                    return -1;
                }
                bools()[size++] = (byte) (ValueParsers.parseBoolean(b, s, e) ? 1 : 0);
                return ValueParsers.BOOL;
            }
            default -> {
                return -1;
            }
        }
    }

    /** Stores a non-missing value whose classification is {@code mask}. */
    public void add(int mask, byte[] b, int s, int e, StringInterner interner) {
        if (kind == Kind.NONE) {
            start(mask);
        }
        switch (kind) {
            case INT -> {
                if ((mask & ValueParsers.INT) != 0) {
                    ints()[size] = (int) ValueParsers.parseLong(b, s, e);
                } else if ((mask & ValueParsers.LONG) != 0) {
                    widenToLong();
                    longs()[size] = ValueParsers.parseLong(b, s, e);
                } else if ((mask & ValueParsers.DOUBLE) != 0) {
                    widenToDouble();
                    doubles()[size] = ValueParsers.parseDouble(b, s, e);
                } else {
                    giveUp();
                }
            }
            case LONG -> {
                if ((mask & ValueParsers.LONG) != 0) {
                    longs()[size] = ValueParsers.parseLong(b, s, e);
                } else if ((mask & ValueParsers.DOUBLE) != 0) {
                    widenToDouble();
                    doubles()[size] = ValueParsers.parseDouble(b, s, e);
                } else {
                    giveUp();
                }
            }
            case DOUBLE -> {
                if ((mask & ValueParsers.DOUBLE) != 0) {
                    doubles()[size] = ValueParsers.parseDouble(b, s, e);
                } else {
                    giveUp();
                }
            }
            case BOOL -> {
                if ((mask & ValueParsers.BOOL) != 0) {
                    bools()[size] = (byte) (ValueParsers.parseBoolean(b, s, e) ? 1 : 0);
                } else {
                    giveUp();
                }
            }
            case DATE -> {
                if ((mask & family.bit()) != 0 && (mask & ValueParsers.HAS_TIME) == 0) {
                    ints()[size] = ValueParsers.parsePackedDate(b, s, e, family);
                } else {
                    giveUp();
                }
            }
            case TEXT -> texts()[size] = interner.intern(b, s, e);
            default -> { }
        }
        size++;
    }

    private void start(int mask) {
        if ((mask & ValueParsers.BOOL) != 0) {
            kind = Kind.BOOL;
        } else if ((mask & ValueParsers.INT) != 0) {
            kind = Kind.INT;
        } else if ((mask & ValueParsers.LONG) != 0) {
            kind = Kind.LONG;
        } else if ((mask & ValueParsers.DOUBLE) != 0) {
            kind = Kind.DOUBLE;
        } else if ((mask & ValueParsers.DATE_ANY) != 0 && (mask & ValueParsers.HAS_TIME) == 0) {
            kind = Kind.DATE;
            for (ValueParsers.DateFamily f : ValueParsers.DateFamily.values()) {
                if ((mask & f.bit()) != 0) {
                    family = f;
                    break;
                }
            }
        } else if (mask == 0) {
            kind = Kind.TEXT;
        } else {
            giveUp();
            return;
        }
        int missing = leadingMissing;
        size = 0;
        for (int i = 0; i < missing; i++) {
            addMissing();
        }
    }

    private void widenToLong() {
        long[] wide = new long[capacity()];
        for (int i = 0; i < size; i++) {
            wide[i] = ints[i] == Integer.MIN_VALUE ? Long.MIN_VALUE : ints[i];
        }
        ints = null;
        longs = wide;
        kind = Kind.LONG;
    }

    private void widenToDouble() {
        double[] wide = new double[capacity()];
        for (int i = 0; i < size; i++) {
            if (kind == Kind.INT) {
                wide[i] = ints[i] == Integer.MIN_VALUE ? Double.NaN : ints[i];
            } else {
                wide[i] = longs[i] == Long.MIN_VALUE ? Double.NaN : longs[i];
            }
        }
        ints = null;
        longs = null;
        doubles = wide;
        kind = Kind.DOUBLE;
    }

    private int capacity() {
        return Math.max(initialCapacity, size + 1);
    }

    private int[] ints() {
        if (ints == null) {
            ints = new int[capacity()];
        } else if (size == ints.length) {
            ints = Arrays.copyOf(ints, size * 2);
        }
        return ints;
    }

    private long[] longs() {
        if (longs == null) {
            longs = new long[capacity()];
        } else if (size == longs.length) {
            longs = Arrays.copyOf(longs, size * 2);
        }
        return longs;
    }

    private double[] doubles() {
        if (doubles == null) {
            doubles = new double[capacity()];
        } else if (size == doubles.length) {
            doubles = Arrays.copyOf(doubles, size * 2);
        }
        return doubles;
    }

    private byte[] bools() {
        if (bools == null) {
            bools = new byte[capacity()];
        } else if (size == bools.length) {
            bools = Arrays.copyOf(bools, size * 2);
        }
        return bools;
    }

    private String[] texts() {
        if (texts == null) {
            texts = new String[capacity()];
        } else if (size == texts.length) {
            texts = Arrays.copyOf(texts, size * 2);
        }
        return texts;
    }

    int[] intValues() {
        return ints;
    }

    long[] longValues() {
        return longs;
    }

    double[] doubleValues() {
        return doubles;
    }

    byte[] boolValues() {
        return bools;
    }

    String[] textValues() {
        return texts;
    }

    ValueParsers.DateFamily family() {
        return family;
    }

    /** Frees the storage once copied. */
    public void release() {
        giveUp();
    }
}
