package io.tablewise.anomaly;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tech.tablesaw.api.Table;

import io.tablewise.node.ColumnKind;
import io.tablewise.node.ColumnSchema;
import io.tablewise.node.ConfigureContext;
import io.tablewise.node.NodeContext;
import io.tablewise.node.NodeDescriptor;
import io.tablewise.node.NodeException;
import io.tablewise.node.NodeParams;
import io.tablewise.node.NodeType;
import io.tablewise.node.ParamSpec;
import io.tablewise.node.ParamType;
import io.tablewise.node.PortSpec;
import io.tablewise.node.PortType;
import io.tablewise.node.TableSchema;

/**
 * The {@code insights.anomalies} node: every row scored for how unusual it is, the expected share flagged, and why;
 * with a column of known answers, how well the scores rank them.
 */
public final class AnomalyNode implements NodeType {
    /** The node type id. */
    public static final String ID = "insights.anomalies";

    private static final NodeDescriptor D = new NodeDescriptor(ID, 1, "Find anomalies", "Insights",
            "Scores every row for how unusual it is (an isolation forest over the columns: numbers, times of day, how "
                    + "common each category is), flags the expected share of rows and says which columns made each "
                    + "flagged row unusual. Adds anomaly_score, anomaly and anomaly_reason.",
            List.of(PortSpec.of("table", PortType.TABLE, "The rows to score")),
            List.of(PortSpec.of("table", PortType.TABLE, "The rows with their score, flag and reason")),
            List.of(ParamSpec.builder("share", ParamType.DECIMAL).label("Expected share").defaultValue(0.01)
                            .range(0.0001, 0.49).help("The share of rows to flag, e.g. 0.01 for 1%.").build(),
                    ParamSpec.builder("exclude", ParamType.COLUMNS).label("Leave out").defaultValue(List.of())
                            .columnsFrom("table").help("Columns not to score (identifiers are left out anyway).")
                            .build(),
                    ParamSpec.builder("label", ParamType.COLUMN).label("Known answers").columnsFrom("table")
                            .help("Optional: a column that marks known anomalies (e.g. confirmed fraud); it is not "
                                    + "scored, and the run says how well the scores rank it.").build(),
                    ParamSpec.builder("positive", ParamType.STRING).label("Anomaly value").defaultValue("")
                            .help("The known-answers column's value for an anomaly (empty: its rarest value).")
                            .build(),
                    ParamSpec.builder("seed", ParamType.INTEGER).label("Seed").defaultValue(42L)
                            .help("The same seed gives the same scores.").build(),
                    ParamSpec.builder("time", ParamType.COLUMN).label("Time column").columnsFrom("table")
                            .help("Optional: look for anomalies in time instead — a value far from its series' level "
                                    + "and season (with a value column), or bursts of rows in an hour or a day "
                                    + "(without one).").build(),
                    ParamSpec.builder("value", ParamType.COLUMN).label("Value column").columnsFrom("table")
                            .help("With a time column: the number per row to watch (empty: count the rows).").build(),
                    ParamSpec.builder("series", ParamType.COLUMNS).label("Series columns").defaultValue(List.of())
                            .columnsFrom("table").help("With a time column: columns naming each series, e.g. "
                                    + "store.").build(),
                    ParamSpec.builder("detector", ParamType.INPUT_FILE).label("Detector")
                            .help("Optional: a detector folder saved before, to score these rows against the rows it "
                                    + "was made from instead of making one from them (new rows judged by the same "
                                    + "yardstick).").build(),
                    ParamSpec.builder("save", ParamType.OUTPUT_FILE).label("Save detector")
                            .help("Optional: a folder to save the detector made from these rows into, to score later "
                                    + "rows the same way.").build()));

    @Override
    public NodeDescriptor descriptor() {
        return D;
    }

    @Override
    public boolean readsFolders() {
        return true; // a saved detector is a folder
    }

    @Override
    public Map<String, TableSchema> configure(ConfigureContext context) {
        TableSchema in = context.inputSchemas().get("table");
        if (in == null) {
            return Map.of();
        }
        List<ColumnSchema> out = new ArrayList<>(in.columns());
        out.add(new ColumnSchema("anomaly_score", ColumnKind.DECIMAL));
        out.add(new ColumnSchema("anomaly", ColumnKind.BOOLEAN));
        out.add(new ColumnSchema("anomaly_reason", ColumnKind.TEXT));
        return Map.of("table", new TableSchema(out));
    }

    @Override
    public Map<String, Object> execute(NodeContext context) throws NodeException {
        Table table = context.input("table", Table.class);
        NodeParams p = context.params();
        String label = p.string("label", "");
        if (!label.isBlank() && !table.containsColumn(label)) {
            throw new NodeException("label", "there is no column '" + label + "'");
        }
        AnomalyReport r;
        String detector = p.string("detector", "");
        String time = p.string("time", "");
        if (!time.isBlank()) {
            String value = p.string("value", "");
            try {
                r = TimeAnomalies.detect(table, new TimeAnomalies.Options(time, value.isBlank() ? null : value,
                        p.strings("series"), p.decimal("share", 0.01)));
            } catch (IllegalArgumentException e) {
                throw new NodeException("share", e.getMessage());
            }
            context.info(String.format(Locale.ROOT, "in time: flagged %,d of %,d rows (%s)", r.flaggedCount(),
                    table.rowCount(), value.isBlank() ? "bursts of rows per " + (table.column(time)
                    instanceof tech.tablesaw.api.DateColumn ? "day" : "hour") : "'" + value + "' against its level "
                    + "and season"));
        } else if (!detector.isBlank()) {
            java.nio.file.Path dir = context.resolveInput(detector);
            try {
                r = AnomalyModel.load(dir).score(table);
            } catch (java.io.IOException e) {
                throw new NodeException("detector", e.getMessage());
            }
            context.info("scored against the saved detector " + dir.getFileName() + " (nothing learned from these "
                    + "rows)");
        } else {
            AnomalyModel made = detector(table, p);
            r = made.trainingReport();
            String save = p.string("save", "");
            if (!save.isBlank()) {
                java.nio.file.Path dir = context.resolveOutput(save);
                try {
                    made.save(dir);
                } catch (java.io.IOException e) {
                    throw new NodeException("save", "cannot save the detector into " + dir + ": " + e.getMessage());
                }
            }
        }
        if (time.isBlank()) {
            describe(r, table, context);
        }
        if (!label.isBlank()) {
            describe(r, table, label, p.string("positive", ""), context);
        }
        return Map.of("table", r.withColumns(table));
    }

    /**
     * A detector made from every row of {@code table} with a node's expected share, left-out columns and seed; the
     * known answers ({@code label}) are checked against, never scored.
     */
    public static AnomalyModel detector(Table table, NodeParams p) throws NodeException {
        List<String> exclude = new ArrayList<>(p.strings("exclude"));
        String label = p.string("label", "");
        if (!label.isBlank()) {
            exclude.add(label);
        }
        try {
            return AnomalyDetector.fit(table, new AnomalyDetector.Options(p.decimal("share", 0.01), exclude,
                    p.integer("seed", 42)));
        } catch (IllegalArgumentException e) {
            throw new NodeException("share", e.getMessage());
        }
    }

    /** Says how many rows a detector flagged, on which columns, and which it left out. */
    public static void describe(AnomalyReport r, Table table, NodeContext context) {
        context.info(String.format(Locale.ROOT, "flagged %,d of %,d rows (score ≥ %.3f) on %d columns%s", r
                .flaggedCount(), table.rowCount(), r.threshold(), r.columns().size(), r.leftOut().isEmpty() ? ""
                : "; left out (constant or identifiers): " + String.join(", ", r.leftOut())));
    }

    /** Says how well the scores rank the known anomalies of {@code label} ({@code positive}; empty: its rarest). */
    public static void describe(AnomalyReport r, Table table, String label, String positive, NodeContext context) {
        String value = positive.isBlank() ? rarestValue(table, label) : positive;
        double[] m = r.against(table.column(label), value);
        context.info(String.format(Locale.ROOT, "against '%s' = '%s': ROC AUC %.3f; of the flagged rows %.1f%% "
                + "are known anomalies, which finds %.1f%% of them", label, value, m[0], 100 * m[1], 100 * m[2]));
    }

    /** The least frequent value of a column (the usual marking of the few known anomalies). */
    public static String rarestValue(Table table, String column) {
        Map<String, Integer> counts = new java.util.HashMap<>();
        var c = table.column(column);
        for (int i = 0; i < c.size(); i++) {
            if (!c.isMissing(i)) {
                counts.merge(c.getString(i), 1, Integer::sum);
            }
        }
        return counts.entrySet().stream().min(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("");
    }
}
