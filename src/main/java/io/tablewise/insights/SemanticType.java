package io.tablewise.insights;

/** What a column means to an analyst, inferred from its values (see {@link SemanticTypes} for the rules). */
public enum SemanticType {
    NUMERIC, CATEGORICAL, BINARY, TEXT, DATETIME, ID_LIKE, EMPTY
}
