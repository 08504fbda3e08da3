package io.tablewise.insights;

import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.strings.NullDictionaryMap;

/**
 * Tablesaw keeps a text column as dictionary keys until it has too many distinct values (past 65,535 it may drop
 * the dictionary and keep the strings): code that counts by key must first ask whether there are keys.
 */
final class DictionaryKeys {
    private DictionaryKeys() {
    }

    /** True when the column's values can be told apart by dictionary key. */
    static boolean hasKeys(StringColumn column) {
        return !(column.getDictionary() instanceof NullDictionaryMap);
    }
}
