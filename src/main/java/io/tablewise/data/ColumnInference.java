package io.tablewise.data;

import io.tablewise.node.ColumnKind;

/**
 * What one column's values allow, accumulated over every value of the column (not a sample): the types every
 * non-missing value can be read as, whether any value had a time of day, and the same restricted to the values
 * that look numeric or temporal (used when the user overrides the type and some values do not fit).
 */
public final class ColumnInference {
    int mask = ValueParsers.ALL;
    int numericMask = ValueParsers.ALL;
    int temporalMask = ValueParsers.DATE_ANY;
    boolean sawTime;
    long nonMissing;
    long missing;

    /** Accounts for one non-missing value's classification. */
    public void accept(int valueMask) {
        mask &= valueMask;
        if ((valueMask & ValueParsers.DOUBLE) != 0) {
            numericMask &= valueMask;
        }
        if ((valueMask & ValueParsers.DATE_ANY) != 0) {
            temporalMask &= valueMask;
        }
        sawTime |= (valueMask & ValueParsers.HAS_TIME) != 0;
        nonMissing++;
    }

    /** True once some value fit no type but text: without an override the column is text, whatever follows. */
    public boolean settledAsText() {
        return mask == 0;
    }

    /** Accounts for one missing value. */
    public void acceptMissing() {
        missing++;
    }

    /** Adds another chunk's inference. */
    public void merge(ColumnInference o) {
        mask &= o.mask;
        numericMask &= o.numericMask;
        temporalMask &= o.temporalMask;
        sawTime |= o.sawTime;
        nonMissing += o.nonMissing;
        missing += o.missing;
    }

    /** True if a value with this classification can be stored in a column of {@code kind}. */
    public static boolean fits(ColumnKind kind, int valueMask) {
        return switch (kind) {
            case INTEGER -> (valueMask & ValueParsers.LONG) != 0;
            case DECIMAL -> (valueMask & ValueParsers.DOUBLE) != 0;
            case BOOLEAN -> (valueMask & ValueParsers.BOOL) != 0;
            case DATE, DATETIME -> (valueMask & ValueParsers.DATE_ANY) != 0;
            case TEXT -> true;
        };
    }

    /** The inferred storage plan, or the override's when {@code override} is not null. */
    public ColumnPlan plan(String name, ColumnKind override) {
        if (override != null) {
            return switch (override) {
                case INTEGER -> new ColumnPlan(name, override, (numericMask & ValueParsers.INT) == 0, null);
                case DATE, DATETIME -> new ColumnPlan(name, override, false, family(temporalMask));
                default -> new ColumnPlan(name, override, false, null);
            };
        }
        if (nonMissing == 0) {
            return new ColumnPlan(name, ColumnKind.TEXT, false, null);
        }
        if ((mask & ValueParsers.BOOL) != 0) {
            return new ColumnPlan(name, ColumnKind.BOOLEAN, false, null);
        }
        if ((mask & ValueParsers.INT) != 0) {
            return new ColumnPlan(name, ColumnKind.INTEGER, false, null);
        }
        if ((mask & ValueParsers.LONG) != 0) {
            return new ColumnPlan(name, ColumnKind.INTEGER, true, null);
        }
        if ((mask & ValueParsers.DOUBLE) != 0) {
            return new ColumnPlan(name, ColumnKind.DECIMAL, false, null);
        }
        if ((mask & ValueParsers.DATE_ANY) != 0) {
            return new ColumnPlan(name, sawTime ? ColumnKind.DATETIME : ColumnKind.DATE, false, family(mask));
        }
        return new ColumnPlan(name, ColumnKind.TEXT, false, null);
    }

    private static ValueParsers.DateFamily family(int mask) {
        for (ValueParsers.DateFamily f : ValueParsers.DateFamily.values()) {
            if ((mask & f.bit()) != 0) {
                return f;
            }
        }
        return ValueParsers.DateFamily.ISO;
    }

    /** Non-missing values seen. */
    public long nonMissing() {
        return nonMissing;
    }
}
