package io.tablewise.transform.formula;

/** The value types of the formula language. Date-time columns are read as their dates. */
public enum Type {
    NUMBER, TEXT, BOOLEAN, DATE, NULL;

    String word() {
        return switch (this) {
            case NUMBER -> "a number";
            case TEXT -> "a text";
            case BOOLEAN -> "true/false";
            case DATE -> "a date";
            case NULL -> "null";
        };
    }
}
