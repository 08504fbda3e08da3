package io.tablewise.data;

import java.util.Locale;

/** What to do with a row that does not fit: ragged, or with a value that cannot be read as its column's type. */
public enum ErrorPolicy {
    /** Stop the import with a message naming the first such line. */
    FAIL,
    /** Leave the row out. */
    SKIP_ROW,
    /** Keep the row; missing fields and unreadable values become missing, extra fields are dropped. */
    SET_MISSING;

    /** The id used in flow files: {@code fail}, {@code skip-row}, {@code set-missing}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses an id. */
    public static ErrorPolicy fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
