package io.tablewise.ui.inspector;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the 1-based position out of a formula problem ("at position 12: unknown column 'x'"). */
final class FormulaPosition {
    private static final Pattern AT = Pattern.compile("at position (\\d+)");

    private FormulaPosition() {
    }

    static Optional<Integer> of(String message) {
        Matcher m = AT.matcher(message == null ? "" : message);
        return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    }
}
