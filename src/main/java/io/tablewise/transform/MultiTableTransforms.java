package io.tablewise.transform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import io.tablewise.ml.RowSampler;
import io.tablewise.ml.Values;
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

/** Transforms with more than one input or output: join, concatenate rows, and the train/test split. */
public final class MultiTableTransforms {
    private MultiTableTransforms() {
    }

    /** The node types. */
    public static List<NodeType> nodes() {
        return List.of(new Join(), new Concat(), new Split());
    }

    /** How many there are (they count towards the catalogue). */
    public static int count() {
        return nodes().size();
    }

    static final class Join implements NodeType {
        private static final NodeDescriptor D = new NodeDescriptor("transform.combine.join", 1, "Join tables",
                "Combine", "Adds the columns of the right table to the rows of the left one where the key columns "
                + "match: inner (matches only), left (all left rows), right (all right rows) or full (all rows). "
                + "Clashing names get suffixes; a key that repeats on both sides (many-to-many) is warned about.",
                List.of(PortSpec.of("left", PortType.TABLE, "The left table"),
                        PortSpec.of("right", PortType.TABLE, "The right table")),
                List.of(PortSpec.of("table", PortType.TABLE, "The joined table")),
                List.of(ParamSpec.builder("keys", ParamType.COLUMNS).label("Key columns").required()
                                .columnsFrom("left").help("Columns present in both tables that must match.").build(),
                        Params.choice("how", "Join type", "Which rows to keep.", "inner", "left", "right", "full"),
                        Params.text("leftSuffix", "Left suffix", "_left", "Added to clashing left column names."),
                        Params.text("rightSuffix", "Right suffix", "_right", "Added to clashing right column "
                                + "names.")));

        @Override
        public NodeDescriptor descriptor() {
            return D;
        }

        private static List<String> keys(TableSchema left, TableSchema right, NodeParams p) throws NodeException {
            List<String> keys = p.strings("keys");
            if (keys.isEmpty()) {
                throw new NodeException("keys", "choose the key columns");
            }
            for (String k : keys) {
                Columns.require(left, k, "keys");
                if (!right.has(k)) {
                    throw new NodeException("keys", "the right table has no column '" + k + "'"
                            + io.tablewise.node.Suggestions.didYouMean(k, right.names()));
                }
            }
            return keys;
        }

        /** Output names: keys once, then left and right columns, clashing ones suffixed. */
        private static List<ColumnSchema> schema(TableSchema left, TableSchema right, NodeParams p)
                throws NodeException {
            List<String> keys = keys(left, right, p);
            List<ColumnSchema> out = new ArrayList<>();
            for (ColumnSchema c : left.columns()) {
                boolean clash = !keys.contains(c.name()) && right.has(c.name());
                out.add(clash ? new ColumnSchema(c.name() + p.string("leftSuffix", "_left"), c.kind()) : c);
            }
            for (ColumnSchema c : right.columns()) {
                if (!keys.contains(c.name())) {
                    boolean clash = left.has(c.name());
                    out.add(clash ? new ColumnSchema(c.name() + p.string("rightSuffix", "_right"), c.kind()) : c);
                }
            }
            return out;
        }

        @Override
        public Map<String, TableSchema> configure(ConfigureContext context) throws NodeException {
            TableSchema l = context.inputSchemas().get("left");
            TableSchema r = context.inputSchemas().get("right");
            if (l == null || r == null) {
                return Map.of();
            }
            return Map.of("table", new TableSchema(schema(l, r, context.params())));
        }

        @Override
        public Map<String, Object> execute(NodeContext context) throws NodeException {
            Table left = context.input("left", Table.class);
            Table right = context.input("right", Table.class);
            NodeParams p = context.params();
            List<ColumnSchema> schema = schema(TableSchema.of(left), TableSchema.of(right), p);
            List<String> keys = p.strings("keys");
            String how = p.string("how", "inner");
            Map<List<String>, List<Integer>> rightRows = new HashMap<>();
            List<Column<?>> leftKeys = keys.stream().<Column<?>>map(left::column).toList();
            List<Column<?>> rightKeys = keys.stream().<Column<?>>map(right::column).toList();
            for (int i = 0; i < right.rowCount(); i++) {
                List<String> k = Columns.rowKey(rightKeys, i);
                if (!k.contains(null)) {
                    rightRows.computeIfAbsent(k, x -> new ArrayList<>()).add(i);
                }
            }
            List<Integer> li = new ArrayList<>();
            List<Integer> ri = new ArrayList<>();
            boolean[] rightUsed = new boolean[right.rowCount()];
            Map<List<String>, Integer> leftCounts = new HashMap<>();
            for (int i = 0; i < left.rowCount(); i++) {
                List<String> k = Columns.rowKey(leftKeys, i);
                List<Integer> matches = k.contains(null) ? List.of() : rightRows.getOrDefault(k, List.of());
                leftCounts.merge(k, 1, Integer::sum);
                for (int r : matches) {
                    li.add(i);
                    ri.add(r);
                    rightUsed[r] = true;
                }
                if (matches.isEmpty() && (how.equals("left") || how.equals("full"))) {
                    li.add(i);
                    ri.add(-1);
                }
            }
            if (how.equals("right") || how.equals("full")) {
                for (int r = 0; r < right.rowCount(); r++) {
                    if (!rightUsed[r]) {
                        li.add(-1);
                        ri.add(r);
                    }
                }
            }
            long manyToMany = rightRows.entrySet().stream()
                    .filter(e -> e.getValue().size() > 1 && leftCounts.getOrDefault(e.getKey(), 0) > 1).count();
            if (manyToMany > 0) {
                context.warn(String.format(Locale.ROOT, "%,d key values repeat in both tables (many-to-many): "
                        + "their rows multiply", manyToMany));
            }
            List<Column<?>> out = new ArrayList<>();
            int at = 0;
            for (Column<?> c : left.columns()) {
                boolean isKey = keys.contains(c.name());
                out.add(gather(c, li, isKey ? right.column(c.name()) : null, ri).setName(schema.get(at++).name()));
            }
            for (Column<?> c : right.columns()) {
                if (!keys.contains(c.name())) {
                    out.add(gather(c, ri, null, null).setName(schema.get(at++).name()));
                }
            }
            context.info(String.format(Locale.ROOT, "%,d rows", li.size()));
            return Map.of("table", Columns.table(left.name(), out));
        }

        /** Rows of c by index (-1 missing); a key column falls back to the other side's key for -1 rows. */
        @SuppressWarnings({"unchecked", "rawtypes"})
        private static Column<?> gather(Column<?> c, List<Integer> rows, Column<?> otherKey, List<Integer> other) {
            Column out = c.emptyCopy();
            for (int k = 0; k < rows.size(); k++) {
                int r = rows.get(k);
                if (r >= 0) {
                    out.append(c, r);
                } else if (otherKey != null && other.get(k) >= 0) {
                    String text = Cells.text(otherKey, other.get(k));
                    if (text == null) {
                        out.appendMissing();
                    } else {
                        out.appendCell(text);
                    }
                } else {
                    out.appendMissing();
                }
            }
            return out;
        }
    }

    static final class Concat implements NodeType {
        private static final NodeDescriptor D = new NodeDescriptor("transform.combine.concat", 1,
                "Concatenate rows", "Combine", "Stacks the rows of the second table under the first, matching "
                + "columns by name; a column missing on one side is missing in its rows. Types must agree.",
                List.of(PortSpec.of("first", PortType.TABLE, "The first table"),
                        PortSpec.of("second", PortType.TABLE, "The table to add below")),
                List.of(PortSpec.of("table", PortType.TABLE, "All rows")), List.of(
                        Params.bool("addSource", "Add source column", false, "Add a column 'source' saying which "
                                + "input each row came from (first / second).")));

        @Override
        public NodeDescriptor descriptor() {
            return D;
        }

        private static TableSchema schema(TableSchema a, TableSchema b, NodeParams p) throws NodeException {
            List<ColumnSchema> out = new ArrayList<>(a.columns());
            for (ColumnSchema c : b.columns()) {
                var mine = a.column(c.name());
                if (mine.isPresent() && mine.get().kind() != c.kind()) {
                    throw new NodeException(String.format(Locale.ROOT, "'%s' holds %s values in the first table "
                            + "and %s in the second; change one type first", c.name(), mine.get().kind().id(),
                            c.kind().id()));
                }
                if (mine.isEmpty()) {
                    out.add(c);
                }
            }
            if (p.bool("addSource", false)) {
                out.add(new ColumnSchema(Columns.freeName(out.stream().map(ColumnSchema::name).toList(), "source"),
                        io.tablewise.node.ColumnKind.TEXT));
            }
            return new TableSchema(out);
        }

        @Override
        public Map<String, TableSchema> configure(ConfigureContext context) throws NodeException {
            TableSchema a = context.inputSchemas().get("first");
            TableSchema b = context.inputSchemas().get("second");
            return a == null || b == null ? Map.of() : Map.of("table", schema(a, b, context.params()));
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public Map<String, Object> execute(NodeContext context) throws NodeException {
            Table a = context.input("first", Table.class);
            Table b = context.input("second", Table.class);
            TableSchema schema = schema(TableSchema.of(a), TableSchema.of(b), context.params());
            List<Column<?>> out = new ArrayList<>();
            for (ColumnSchema s : schema.columns()) {
                boolean inA = a.columnNames().contains(s.name());
                boolean inB = b.columnNames().contains(s.name());
                if (!inA && !inB) {
                    tech.tablesaw.api.StringColumn source = tech.tablesaw.api.StringColumn.create(s.name());
                    for (int i = 0; i < a.rowCount(); i++) {
                        source.append("first");
                    }
                    for (int i = 0; i < b.rowCount(); i++) {
                        source.append("second");
                    }
                    out.add(source);
                    continue;
                }
                Column col = (inA ? a.column(s.name()) : b.column(s.name())).emptyCopy();
                for (Table t : List.of(a, b)) {
                    if (t.columnNames().contains(s.name())) {
                        Column<?> c = t.column(s.name());
                        for (int i = 0; i < c.size(); i++) {
                            col.append(c, i);
                        }
                    } else {
                        for (int i = 0; i < t.rowCount(); i++) {
                            col.appendMissing();
                        }
                    }
                }
                out.add(col);
            }
            return Map.of("table", Columns.table(a.name(), out));
        }
    }

    static final class Split implements NodeType {
        private static final NodeDescriptor D = new NodeDescriptor("transform.split.split", 1, "Split rows",
                "Split", "Splits rows into train and test (and optionally validation) outputs: random, stratified "
                + "by a target so each class keeps its share, or by time (the latest rows are the test rows). "
                + "Seeded: the same seed gives the same split.",
                List.of(PortSpec.of("table", PortType.TABLE, "The rows to split")),
                List.of(PortSpec.of("train", PortType.TABLE, "Training rows"),
                        PortSpec.of("validation", PortType.TABLE, "Validation rows (empty when its share is 0)"),
                        PortSpec.of("test", PortType.TABLE, "Test rows")),
                List.of(Params.choice("method", "Method", "random, stratified (by the target) or time (by the "
                                + "time column: the latest rows are held out).", "stratified", "random", "time"),
                        Params.decimal("testShare", "Test share", 0.2, 0.01, 0.9, "The share of rows held out "
                                + "for testing."),
                        Params.decimal("validationShare", "Validation share", 0.0, 0.0, 0.5, "The share of rows "
                                + "for validation (0: none)."),
                        Params.optionalColumn("target", "Target", "For stratified splits: the class column."),
                        Params.optionalColumn("time", "Time column", "For time splits: the column that orders "
                                + "rows."),
                        Params.integer("seed", "Seed", 42, null, null, "Seed of the random split.")));

        @Override
        public NodeDescriptor descriptor() {
            return D;
        }

        private static void check(TableSchema in, NodeParams p) throws NodeException {
            String method = p.string("method", "stratified");
            if (method.equals("stratified")) {
                Columns.require(in, p.string("target", ""), "target");
            }
            if (method.equals("time")) {
                Columns.require(in, p.string("time", ""), "time");
            }
            if (p.decimal("testShare", 0.2) + p.decimal("validationShare", 0) >= 0.95) {
                throw new NodeException("validationShare", "test and validation together leave too few training "
                        + "rows");
            }
        }

        @Override
        public Map<String, TableSchema> configure(ConfigureContext context) throws NodeException {
            TableSchema in = context.inputSchemas().get("table");
            if (in == null) {
                return Map.of();
            }
            check(in, context.params());
            return Map.of("train", in, "validation", in, "test", in);
        }

        /** Train, validation and test row indices, each in row order. */
        static int[][] split(Table t, NodeParams p) {
            int n = t.rowCount();
            double test = p.decimal("testShare", 0.2);
            double validation = p.decimal("validationShare", 0);
            long seed = p.integer("seed", 42);
            String method = p.string("method", "stratified");
            int[] order;
            if (method.equals("time")) {
                Integer[] rows = new Integer[n];
                Arrays.setAll(rows, i -> i);
                Arrays.sort(rows, RowTransforms.byColumn(t.column(p.string("time", "")), false));
                order = Arrays.stream(rows).mapToInt(Integer::intValue).toArray();
                int trainEnd = (int) Math.round(n * (1 - test - validation));
                int validationEnd = (int) Math.round(n * (1 - test));
                return new int[][] {sorted(order, 0, trainEnd), sorted(order, trainEnd, validationEnd),
                    sorted(order, validationEnd, n)};
            }
            String[] labels = method.equals("stratified") ? Values.labels(t.column(p.string("target", ""))) : null;
            if (labels != null) {
                for (int i = 0; i < labels.length; i++) {
                    labels[i] = labels[i] == null ? "\u0000missing" : labels[i];
                }
            }
            int[] all = new int[n];
            Arrays.setAll(all, i -> i);
            int[][] first = RowSampler.split(all, labels, test, seed);
            if (validation <= 0) {
                return new int[][] {first[0], new int[0], first[1]};
            }
            int[][] second = RowSampler.split(first[0], labels, validation / (1 - test), seed + 1);
            return new int[][] {second[0], second[1], first[1]};
        }

        private static int[] sorted(int[] order, int from, int to) {
            int[] out = Arrays.copyOfRange(order, from, to);
            Arrays.sort(out);
            return out;
        }

        @Override
        public Map<String, Object> execute(NodeContext context) throws NodeException {
            Table t = context.input("table", Table.class);
            check(TableSchema.of(t), context.params());
            Map.Entry<Table, TransformChain> up = TransformChain.upstreamOf(context.lineage("table"), t);
            if (up.getValue().learns() && splittable(up.getKey(), context.params())) {
                return refitted(up.getKey(), up.getValue(), context);
            }
            int[][] parts = split(t, context.params());
            context.info(String.format(Locale.ROOT, "train %,d, validation %,d, test %,d rows", parts[0].length,
                    parts[1].length, parts[2].length));
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("train", Columns.gather(t, parts[0]));
            out.put("validation", Columns.gather(t, parts[1]));
            out.put("test", Columns.gather(t, parts[2]));
            return out;
        }

        /** True when the rows before the upstream transforms can be split (they hold the target or time column). */
        private static boolean splittable(Table source, NodeParams p) {
            String method = p.string("method", "stratified");
            String column = method.equals("stratified") ? p.string("target", "")
                    : method.equals("time") ? p.string("time", "") : null;
            return column == null || source.columnNames().contains(column);
        }

        /**
         * Transforms right upstream learned from all rows would carry the test rows' statistics (a mean, a scale)
         * into the training rows: they are refitted on the training rows only and replayed on the others.
         */
        private static Map<String, Object> refitted(Table source, TransformChain chain, NodeContext context)
                throws NodeException {
            int[][] parts = split(source, context.params());
            TransformChain.FitResult fit = chain.fitApply(source, parts[0]);
            TransformContext quiet = TransformContext.NONE;
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("train", fit.train());
            out.put("validation", fit.fitted().apply(Columns.gather(source, parts[1]), quiet));
            out.put("test", fit.fitted().apply(Columns.gather(source, parts[2]), quiet));
            context.info(String.format(Locale.ROOT, "train %,d, validation %,d, test %,d rows; the %d transforms "
                    + "before the split learned from the training rows only", ((Table) out.get("train")).rowCount(),
                    ((Table) out.get("validation")).rowCount(), ((Table) out.get("test")).rowCount(),
                    chain.steps().size()));
            return out;
        }
    }
}
