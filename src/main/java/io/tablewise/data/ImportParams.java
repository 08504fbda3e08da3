package io.tablewise.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tablewise.node.ColumnKind;
import io.tablewise.node.NodeParams;
import io.tablewise.node.ParamSpec;
import io.tablewise.node.ParamType;

/** Parameter specs shared by the import nodes, and their conversion to reader options. */
public final class ImportParams {
    /** Type names accepted in {@code columnTypes}. */
    public static final List<String> TYPE_NAMES =
            java.util.Arrays.stream(ColumnKind.values()).map(ColumnKind::id).toList();

    private ImportParams() {
    }

    /** The data file parameter. */
    public static ParamSpec path(String help) {
        return ParamSpec.builder("path", ParamType.INPUT_FILE).label("File").required().help(help).build();
    }

    /** The parameters every importer has after its own: missing values, trimming, types, errors, row limit. */
    public static List<ParamSpec> reading() {
        return List.of(missingValues(), trim(), columnTypes(), onError(), rowLimit());
    }

    /** An importer's parameters: its own first, then {@link #reading()}, then any extra ones. */
    public static List<ParamSpec> withReading(List<ParamSpec> own, ParamSpec... extra) {
        List<ParamSpec> all = new ArrayList<>(own);
        all.addAll(reading());
        all.addAll(List.of(extra));
        return all;
    }

    /** Header: auto, yes or no. */
    public static ParamSpec header() {
        return ParamSpec.builder("header", ParamType.CHOICE).label("Header row").defaultValue("auto")
                .allowed("auto", "yes", "no")
                .help("Whether the first row holds the column names; auto decides from the values.").build();
    }

    /** Missing tokens. */
    public static ParamSpec missingValues() {
        return ParamSpec.builder("missingValues", ParamType.STRING_LIST).label("Missing values")
                .defaultValue(MissingTokens.DEFAULTS)
                .help("Texts that mean 'no value'. An empty cell always does.").build();
    }

    /** Trimming. */
    public static ParamSpec trim() {
        return ParamSpec.builder("trimWhitespace", ParamType.BOOLEAN).label("Trim spaces").defaultValue(true)
                .help("Remove spaces and tabs around every value.").build();
    }

    /** Type overrides. */
    public static ParamSpec columnTypes() {
        return ParamSpec.builder("columnTypes", ParamType.COLUMN_MAP).label("Column types")
                .allowed(TYPE_NAMES)
                .help("Force a column's type (integer, decimal, boolean, date, datetime, text) instead of the "
                        + "inferred one.").build();
    }

    /** Error policy. */
    public static ParamSpec onError() {
        return ParamSpec.builder("onError", ParamType.CHOICE).label("On error").defaultValue("set-missing")
                .allowed("set-missing", "skip-row", "fail")
                .help("Rows with too few or too many fields, or values that do not fit a forced type: set the "
                        + "value missing, leave the row out, or stop with an error.").build();
    }

    /** Row limit. */
    public static ParamSpec rowLimit() {
        return ParamSpec.builder("rowLimit", ParamType.INTEGER).label("Row limit").defaultValue(0L)
                .range(0.0, null).help("Read only the first N data rows (0: all).").build();
    }

    /** Sample size. */
    public static ParamSpec sampleRows() {
        return ParamSpec.builder("sampleRows", ParamType.INTEGER).label("Random sample").defaultValue(0L)
                .range(0.0, null).help("Keep a uniform random sample of N rows, in file order (0: all rows).")
                .build();
    }

    /** Sample seed. */
    public static ParamSpec seed() {
        return ParamSpec.builder("seed", ParamType.INTEGER).label("Sample seed").defaultValue(42L)
                .help("The same seed gives the same sample.").build();
    }

    /** {@code yes}/{@code no}/{@code auto} as a Boolean (null for auto). */
    public static Boolean headerChoice(NodeParams p) {
        return switch (p.string("header", "auto")) {
            case "yes" -> Boolean.TRUE;
            case "no" -> Boolean.FALSE;
            default -> null;
        };
    }

    /** The type overrides as kinds. */
    public static Map<String, ColumnKind> columnKinds(NodeParams p) {
        Map<String, ColumnKind> kinds = new LinkedHashMap<>();
        p.stringMap("columnTypes").forEach((col, type) -> kinds.put(col, ColumnKind.fromId(type).orElseThrow()));
        return kinds;
    }

    /**
     * The parameters for a configure-time preview: data problems never fail a preview (that is the run's job,
     * with the user's policy), the preview only learns the columns.
     */
    public static NodeParams forPreview(NodeParams p) {
        Map<String, Object> values = new LinkedHashMap<>(p.asMap());
        values.put("onError", ErrorPolicy.SET_MISSING.id());
        return new NodeParams(values);
    }

    /** The missing tokens. */
    public static List<String> missing(NodeParams p) {
        return p.has("missingValues") ? new ArrayList<>(p.strings("missingValues")) : MissingTokens.DEFAULTS;
    }
}
