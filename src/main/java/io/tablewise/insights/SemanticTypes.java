package io.tablewise.insights;

import java.util.Locale;

import io.tablewise.node.ColumnKind;

/**
 * The rules that give a column its semantic type:
 * <ul>
 *   <li>no values: {@code EMPTY}; booleans and any column with exactly two values: {@code BINARY};
 *       dates and date-times: {@code DATETIME};</li>
 *   <li>numbers: {@code ID_LIKE} when integers are all distinct over at least 50 rows, or the name ends in
 *       "id"/"key"/"code" and 95% or more are distinct; else {@code NUMERIC};</li>
 *   <li>text: over at least 50 rows with 95% or more distinct values, {@code TEXT} when values average three or
 *       more words or 40 or more characters, else {@code ID_LIKE}; otherwise {@code TEXT} when values average
 *       three or more words and most are distinct, else {@code CATEGORICAL}.</li>
 * </ul>
 */
final class SemanticTypes {
    private SemanticTypes() {
    }

    static SemanticType of(String name, ColumnKind kind, long nonMissing, long unique, double meanWords,
                           double meanLength) {
        if (nonMissing == 0) {
            return SemanticType.EMPTY;
        }
        if (kind == ColumnKind.BOOLEAN || unique == 2) {
            return SemanticType.BINARY;
        }
        if (kind == ColumnKind.DATE || kind == ColumnKind.DATETIME) {
            return SemanticType.DATETIME;
        }
        double distinctShare = unique / (double) nonMissing;
        if (kind.isNumeric()) {
            boolean allDistinctIntegers = kind == ColumnKind.INTEGER && unique == nonMissing && nonMissing >= 50;
            return allDistinctIntegers || (idLikeName(name) && distinctShare >= 0.95 && nonMissing >= 50)
                    ? SemanticType.ID_LIKE : SemanticType.NUMERIC;
        }
        if (nonMissing >= 50 && distinctShare >= 0.95) {
            return meanWords >= 3 || meanLength >= 40 ? SemanticType.TEXT : SemanticType.ID_LIKE;
        }
        return meanWords >= 3 && distinctShare > 0.5 ? SemanticType.TEXT : SemanticType.CATEGORICAL;
    }

    private static boolean idLikeName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.equals("id") || n.endsWith("_id") || n.endsWith("id") && name.endsWith("ID") || n.endsWith("key")
                || n.endsWith("code") || n.endsWith("_no") || n.endsWith("number");
    }
}
