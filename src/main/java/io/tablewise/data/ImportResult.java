package io.tablewise.data;

import java.util.List;

import tech.tablesaw.api.Table;

/**
 * An imported table, what was detected about the file, and the recoverable problems met on the way.
 *
 * @param table the data
 * @param format what the reader detected or was told
 * @param warnings plain-language warnings with line numbers
 */
public record ImportResult(Table table, DetectedFormat format, List<String> warnings) {
    /** Copies the list. */
    public ImportResult {
        warnings = List.copyOf(warnings);
    }

    /**
     * How a delimited file was read.
     *
     * @param encoding the character set name
     * @param delimiter the field delimiter
     * @param quote the quote character, or {@code 0} for none
     * @param header whether the first record held column names
     */
    public record DetectedFormat(String encoding, char delimiter, char quote, boolean header) {
        /** A one-line description such as {@code UTF-8, ';' separated, header row}. */
        public String describe() {
            String d = delimiter == '\t' ? "tab" : "'" + delimiter + "'";
            return encoding + ", " + d + " separated, " + (header ? "header row" : "no header row");
        }
    }
}
