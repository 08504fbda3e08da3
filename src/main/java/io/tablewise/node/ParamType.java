package io.tablewise.node;

/** The value type of a node parameter; the studio picks its editor from it. */
public enum ParamType {
    /** One line of text. */
    STRING,
    /** Multi-line text. */
    TEXT,
    /** A whole number (stored as {@code Long}). */
    INTEGER,
    /** A number (stored as {@code Double}, whole numbers accepted). */
    DECIMAL,
    /** true / false. */
    BOOLEAN,
    /** One of {@link ParamSpec#allowedValues()}. */
    CHOICE,
    /** One column name of the input named by {@link ParamSpec#columnsFrom()}. */
    COLUMN,
    /** A list of column names of that input. */
    COLUMNS,
    /** A list of texts. */
    STRING_LIST,
    /** A map from column name to one of {@link ParamSpec#allowedValues()} (e.g. per-column type overrides). */
    COLUMN_MAP,
    /** A path to an existing data file, relative to the flow file. */
    INPUT_FILE,
    /** A path to a file the node writes, relative to the flow file (or the run's output folder). */
    OUTPUT_FILE,
    /** An expression in the formula language. */
    FORMULA
}
