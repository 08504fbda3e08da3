package io.tablewise.transform.formula;

/** A formula that cannot be read or typed, with the 1-based character position of the problem. */
public final class FormulaException extends Exception {
    private final int position;

    FormulaException(String message, int position) {
        super(message);
        this.position = position;
    }

    /** 1-based position in the formula text. */
    public int position() {
        return position;
    }

    /** The message with its position, as shown to analysts. */
    public String describe() {
        return "at position " + position + ": " + getMessage();
    }
}
