package io.tablewise.data;

/**
 * Keeps exported text from running as a spreadsheet formula ("CSV injection"): a text cell that starts with
 * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return, and is not a plain number, is written with a
 * leading apostrophe, which spreadsheets show as text. Numbers such as {@code -5} or {@code +1.5e3} stay as they are.
 */
public final class FormulaGuard {
    private FormulaGuard() {
    }

    /** The text as it is safe to write. */
    public static String guard(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        if (first != '=' && first != '+' && first != '-' && first != '@' && first != '\t' && first != '\r') {
            return value;
        }
        return isNumber(value) ? value : "'" + value;
    }

    private static boolean isNumber(String value) {
        return value.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    }
}
