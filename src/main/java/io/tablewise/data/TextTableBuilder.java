package io.tablewise.data;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import io.tablewise.node.ProgressMonitor;
import io.tablewise.node.CancelledException;
import io.tablewise.node.ColumnKind;

/**
 * Builds a typed table from rows of text values, with the same header rule, type inference, missing tokens,
 * overrides and error policy as the delimited reader. Excel and JSON Lines importers feed it, so all three
 * formats type a column the same way.
 */
public final class TextTableBuilder {
    private final List<String[]> rows = new ArrayList<>();
    private final List<Long> lines = new ArrayList<>();
    private final MissingTokens missing;
    private final boolean trim;
    private int width;

    /** A builder with the given missing tokens and trimming. */
    public TextTableBuilder(List<String> missingTokens, boolean trim) {
        this.missing = new MissingTokens(missingTokens, StandardCharsets.UTF_8);
        this.trim = trim;
    }

    /** Adds a row ({@code null} values are missing); {@code line} is its row or line number in the source. */
    public void addRow(String[] values, long line) {
        rows.add(values);
        lines.add(line);
        width = Math.max(width, values.length);
    }

    /** Number of rows added. */
    public int size() {
        return rows.size();
    }

    /**
     * Builds the table.
     *
     * @param tableName the table's name
     * @param names column names, or {@code null} to take them from the first row (header: true/false/null=auto)
     * @param header for {@code names == null}: whether the first row is a header (null: decide)
     * @param overrides per-column types
     * @param policy what to do with values that do not fit a forced type
     * @param monitor cancellation
     */
    public ImportResult build(String tableName, List<String> names, Boolean header, Map<String, ColumnKind> overrides,
                              ErrorPolicy policy, ProgressMonitor monitor, ImportResult.DetectedFormat format)
            throws ImportException {
        List<String> warnings = new ArrayList<>();
        int start = 0;
        List<String> columnNames;
        boolean hasHeader = false;
        if (names != null) {
            columnNames = ColumnNames.fix(names, warnings);
        } else {
            hasHeader = header != null ? header : !rows.isEmpty() && detectHeader();
            if (hasHeader) {
                String[] first = rows.get(0);
                List<String> raw = new ArrayList<>();
                for (int c = 0; c < width; c++) {
                    raw.add(c < first.length && first[c] != null ? first[c] : "");
                }
                columnNames = ColumnNames.fix(raw, warnings);
                start = 1;
            } else {
                columnNames = ColumnNames.generated(width);
            }
        }
        int n = columnNames.size();
        ColumnKind[] kinds = new ColumnKind[n];
        ColumnInference[] inference = new ColumnInference[n];
        for (int c = 0; c < n; c++) {
            kinds[c] = overrides.get(columnNames.get(c));
            inference[c] = new ColumnInference();
        }
        ProblemLog problems = new ProblemLog();
        List<Integer> kept = new ArrayList<>();
        for (int r = start; r < rows.size(); r++) {
            if ((r & 4095) == 0 && monitor.isCancelled()) {
                throw new CancelledException();
            }
            boolean keep = true;
            int[] masks = new int[n];
            for (int c = 0; c < n; c++) {
                byte[] b = bytes(rows.get(r), c);
                if (b == null || missing.isMissing(b, 0, b.length)) {
                    masks[c] = HeaderRule.MISSING;
                    continue;
                }
                masks[c] = ValueParsers.classify(b, 0, b.length);
                if (kinds[c] != null && !ColumnInference.fits(kinds[c], masks[c])) {
                    problems.add(ProblemLog.Kind.UNPARSEABLE, lines.get(r), "(column '" + columnNames.get(c)
                            + "': '" + rows.get(r)[c] + "')");
                    if (policy == ErrorPolicy.SKIP_ROW) {
                        keep = false;
                    }
                    masks[c] = HeaderRule.MISSING;
                }
            }
            if (!keep) {
                continue;
            }
            kept.add(r);
            for (int c = 0; c < n; c++) {
                if (masks[c] == HeaderRule.MISSING) {
                    inference[c].acceptMissing();
                } else {
                    inference[c].accept(masks[c]);
                }
            }
        }
        if (policy == ErrorPolicy.FAIL && !problems.isEmpty()) {
            throw new ImportException("onError", tableName + " " + problems.first().describe()
                    + ". Fix the file, or set 'On error' to skip-row or set-missing.");
        }
        List<Column<?>> columns = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            ColumnPlan plan = inference[c].plan(columnNames.get(c), kinds[c]);
            ColumnBuffer buffer = ColumnBuffer.create(plan, kept.size());
            StringInterner interner = ColumnBuffer.interner(StandardCharsets.UTF_8);
            for (int i = 0; i < kept.size(); i++) {
                byte[] b = bytes(rows.get(kept.get(i)), c);
                if (b == null || missing.isMissing(b, 0, b.length) || !buffer.set(i, b, 0, b.length, interner)) {
                    buffer.setMissing(i);
                }
            }
            columns.add(buffer.build(plan.name()));
        }
        for (String col : overrides.keySet()) {
            if (!columnNames.contains(col)) {
                warnings.add("a type is set for column '" + col + "', which the data does not have"
                        + io.tablewise.node.Suggestions.didYouMean(col, columnNames));
            }
        }
        warnings.addAll(problems.warnings(policy == ErrorPolicy.SKIP_ROW ? "those rows were left out"
                : "those values were set missing"));
        ImportResult.DetectedFormat f = new ImportResult.DetectedFormat(format.encoding(), format.delimiter(),
                format.quote(), hasHeader);
        return new ImportResult(Table.create(tableName, columns.toArray(new Column<?>[0])), f, warnings);
    }

    private boolean detectHeader() {
        String[] first = rows.get(0);
        int[] firstMasks = new int[width];
        for (int c = 0; c < width; c++) {
            byte[] b = bytes(first, c);
            firstMasks[c] = b == null || missing.isMissing(b, 0, b.length) ? HeaderRule.MISSING
                    : ValueParsers.classify(b, 0, b.length);
        }
        ColumnInference[] body = new ColumnInference[width];
        for (int c = 0; c < width; c++) {
            body[c] = new ColumnInference();
        }
        for (int r = 1; r < Math.min(rows.size(), 1001); r++) {
            for (int c = 0; c < width; c++) {
                byte[] b = bytes(rows.get(r), c);
                if (b != null && !missing.isMissing(b, 0, b.length)) {
                    body[c].accept(ValueParsers.classify(b, 0, b.length));
                }
            }
        }
        return rows.size() == 1 || HeaderRule.isHeader(firstMasks, body);
    }

    private byte[] bytes(String[] row, int c) {
        if (c >= row.length || row[c] == null) {
            return null;
        }
        String v = trim ? row[c].strip() : row[c];
        return v.getBytes(StandardCharsets.UTF_8);
    }
}
