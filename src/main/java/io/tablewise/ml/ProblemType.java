package io.tablewise.ml;

/** What kind of prediction a target asks for. */
public enum ProblemType {
    /** Two classes. */
    BINARY,
    /** Three or more classes. */
    MULTICLASS,
    /** A number. */
    REGRESSION;

    /** True for the two classification kinds. */
    public boolean isClassification() {
        return this != REGRESSION;
    }
}
