package io.tablewise.transform.formula;

/** A lexical token: its kind, text (for names and strings, unquoted) and 1-based position. */
record Token(Kind kind, String text, double number, int position) {
    enum Kind { NUMBER, STRING, NAME, COLUMN, OPERATOR, LPAREN, RPAREN, COMMA, END }

    boolean is(String operatorOrKeyword) {
        return (kind == Kind.OPERATOR || kind == Kind.NAME) && text.equalsIgnoreCase(operatorOrKeyword);
    }
}
