package io.tablewise.data;

import io.tablewise.node.ColumnKind;

/**
 * Decides whether a first row holds column names: yes if some column whose other values are all of one
 * non-text type has a first value that is not of that type (e.g. {@code age} above numbers); no if every
 * typed column's first value fits; yes when every column is text (the common case, and the safe guess).
 */
public final class HeaderRule {
    /** Marks a missing first value in {@code firstMasks}. */
    public static final int MISSING = -1;

    private HeaderRule() {
    }

    /**
     * @param firstMasks the classification of each first-row value ({@link ValueParsers#classify}), or
     *                   {@link #MISSING}
     * @param body inference over the following rows
     */
    public static boolean isHeader(int[] firstMasks, ColumnInference[] body) {
        boolean anyTyped = false;
        for (int c = 0; c < body.length; c++) {
            if (body[c].nonMissing() == 0) {
                continue;
            }
            ColumnKind kind = body[c].plan("", null).kind();
            if (kind == ColumnKind.TEXT) {
                continue;
            }
            anyTyped = true;
            if (c < firstMasks.length && firstMasks[c] != MISSING && !ColumnInference.fits(kind, firstMasks[c])) {
                return true;
            }
        }
        return !anyTyped;
    }
}
