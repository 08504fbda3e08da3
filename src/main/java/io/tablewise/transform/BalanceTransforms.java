package io.tablewise.transform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.NumberColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import io.tablewise.ml.RowSampler;
import io.tablewise.ml.Stats;
import io.tablewise.node.NodeException;
import io.tablewise.node.NodeParams;
import io.tablewise.node.TableSchema;

/**
 * The balance group for a binary target: random oversampling of the minority class, random undersampling of the
 * majority class, and SMOTE. Use them on training rows only: a fitted chain skips them on test rows and new data.
 */
final class BalanceTransforms {
    private BalanceTransforms() {
    }

    static List<Transform> all() {
        return List.of(new Oversample(), new Undersample(), new Smote());
    }

    static List<io.tablewise.node.ParamSpec> params(String ratioHelp) {
        return List.of(
                Params.column("target", "Target", "The binary column whose classes to balance."),
                Params.decimal("ratio", "Minority : majority", 1.0, 0.01, 1.0, ratioHelp),
                Params.integer("seed", "Seed", 42, null, null, "Seed of the random choices."));
    }

    /** Row indices of the minority (index 0) and majority (index 1) classes; fails unless there are two classes. */
    static int[][] classes(Table t, String target) throws NodeException {
        Column<?> c = t.column(target);
        Map<String, List<Integer>> rows = new HashMap<>();
        for (int i = 0; i < c.size(); i++) {
            String v = Cells.text(c, i);
            if (v != null) {
                rows.computeIfAbsent(v, k -> new ArrayList<>()).add(i);
            }
        }
        if (rows.size() != 2) {
            throw new NodeException("target", "balancing needs exactly two classes in '" + target + "', found "
                    + rows.size());
        }
        List<List<Integer>> sorted = new ArrayList<>(rows.values());
        sorted.sort((a, b) -> a.size() != b.size() ? a.size() - b.size() : 0);
        return new int[][] {sorted.get(0).stream().mapToInt(Integer::intValue).toArray(),
            sorted.get(1).stream().mapToInt(Integer::intValue).toArray()};
    }

    abstract static class Balance implements Transform {
        @Override
        public boolean trainingOnly() {
            return true;
        }

        @Override
        public TableSchema outputSchema(TableSchema input, NodeParams p) throws NodeException {
            Columns.require(input, p.string("target", ""), "target");
            return input;
        }
    }

    static final class Oversample extends Balance {
        @Override
        public TransformSpec spec() {
            return new TransformSpec("balance", "oversample", "Oversample minority", "Adds random copies of "
                    + "minority-class rows until minority : majority reaches the ratio. Training rows only.",
                    params("The share of the majority count the minority should reach (1 = equal)."));
        }

        @Override
        public Table apply(Table input, NodeParams p, FittedState state, TransformContext context)
                throws NodeException {
            if (input.rowCount() == 0) {
                return input;
            }
            int[][] cls = classes(input, p.string("target", ""));
            int want = (int) Math.round(cls[1].length * p.decimal("ratio", 1));
            int extra = Math.max(0, want - cls[0].length);
            SplittableRandom random = new SplittableRandom(p.integer("seed", 42));
            int[] rows = new int[input.rowCount() + extra];
            for (int i = 0; i < input.rowCount(); i++) {
                rows[i] = i;
            }
            for (int i = 0; i < extra; i++) {
                rows[input.rowCount() + i] = cls[0][random.nextInt(cls[0].length)];
            }
            context.info(String.format(Locale.ROOT, "%,d minority rows copied", extra));
            return Columns.gather(input, rows);
        }
    }

    static final class Undersample extends Balance {
        @Override
        public TransformSpec spec() {
            return new TransformSpec("balance", "undersample", "Undersample majority", "Keeps a random subset of "
                    + "majority-class rows so that minority : majority reaches the ratio. Training rows only.",
                    params("The minority count as a share of the majority count to keep (1 = equal)."));
        }

        @Override
        public Table apply(Table input, NodeParams p, FittedState state, TransformContext context)
                throws NodeException {
            if (input.rowCount() == 0) {
                return input;
            }
            int[][] cls = classes(input, p.string("target", ""));
            int keep = (int) Math.min(cls[1].length, Math.round(cls[0].length / p.decimal("ratio", 1)));
            int[] order = RowSampler.permutation(cls[1].length, p.integer("seed", 42));
            int[] majority = Arrays.stream(order).map(i -> cls[1][i]).toArray();
            boolean[] kept = new boolean[input.rowCount()];
            for (int r : cls[0]) {
                kept[r] = true;
            }
            for (int i = 0; i < keep; i++) {
                kept[majority[i]] = true;
            }
            for (int i = 0; i < kept.length; i++) {
                kept[i] |= MissingTransforms.isMissing(input.column(p.string("target", "")), i);
            }
            return RowTransforms.keep(input, kept, false);
        }
    }

    static final class Smote extends Balance {
        @Override
        public TransformSpec spec() {
            List<io.tablewise.node.ParamSpec> params = new ArrayList<>(params("The share of the majority count the "
                    + "minority should reach (1 = equal)."));
            params.add(Params.integer("neighbours", "Neighbours k", 5, 1.0, 50.0, "Synthetic rows lie between a "
                    + "minority row and one of its k nearest minority neighbours."));
            return new TransformSpec("balance", "smote", "SMOTE", "Adds synthetic minority-class rows: each lies "
                    + "at a random point between a minority row and one of its k nearest minority neighbours "
                    + "(distance on standardised numeric columns; other columns are copied from the first row). "
                    + "Training rows only.", params);
        }

        @Override
        public Table apply(Table input, NodeParams p, FittedState state, TransformContext context)
                throws NodeException {
            if (input.rowCount() == 0) {
                return input;
            }
            String target = p.string("target", "");
            int[][] cls = classes(input, target);
            int[] minority = cls[0];
            int extra = Math.max(0, (int) Math.round(cls[1].length * p.decimal("ratio", 1)) - minority.length);
            Table out = withSynthetic(input, minority, extra, p);
            context.info(String.format(Locale.ROOT, "%,d synthetic minority rows added", extra));
            return out;
        }

        /**
         * The rows of {@code input} followed by {@code extra} synthetic rows made from its rows {@code minority}
         * (which alone decide them: their values, in their order, and the seed).
         */
        static Table withSynthetic(Table input, int[] minority, int extra, NodeParams p) throws NodeException {
            String target = p.string("target", "");
            List<String> numeric = TableSchema.of(input).columns().stream()
                    .filter(c -> c.kind().isNumeric() && !c.name().equals(target)).map(c -> c.name()).toList();
            if (numeric.isEmpty() || minority.length < 2) {
                throw new NodeException("target", "SMOTE needs numeric columns and at least two minority rows");
            }
            double[][] x = new double[numeric.size()][];
            for (int f = 0; f < x.length; f++) {
                x[f] = Columns.numbers(input, numeric.get(f));
            }
            double[] scale = new double[x.length];
            for (int f = 0; f < x.length; f++) {
                double[] column = x[f];
                double[] v = Arrays.stream(minority).mapToDouble(r -> column[r]).filter(d -> !Double.isNaN(d))
                        .toArray();
                double sd = Stats.populationStd(v);
                scale[f] = sd > 0 ? sd : 1;
            }
            int k = (int) Math.min(p.integer("neighbours", 5), minority.length - 1);
            SplittableRandom random = new SplittableRandom(p.integer("seed", 42));
            int[] base = new int[extra];
            int[] partner = new int[extra];
            double[] gap = new double[extra];
            Map<Integer, int[]> neighbours = new HashMap<>();
            for (int s = 0; s < extra; s++) {
                int a = minority[random.nextInt(minority.length)];
                int[] near = neighbours.computeIfAbsent(a, r -> nearest(x, scale, minority, r, k));
                base[s] = a;
                partner[s] = near[random.nextInt(near.length)];
                gap[s] = random.nextDouble();
            }
            int[] rows = new int[input.rowCount() + extra];
            for (int i = 0; i < input.rowCount(); i++) {
                rows[i] = i;
            }
            System.arraycopy(base, 0, rows, input.rowCount(), extra);
            Table out = Columns.gather(input, rows);
            List<Column<?>> replaced = new ArrayList<>();
            for (int f = 0; f < x.length; f++) {
                NumberColumn<?, ?> c = (NumberColumn<?, ?>) out.column(numeric.get(f));
                double[] v = Columns.numbers(out, c.name());
                for (int s = 0; s < extra; s++) {
                    double from = x[f][base[s]];
                    double to = x[f][partner[s]];
                    v[input.rowCount() + s] = Double.isNaN(to) ? from : from + gap[s] * (to - from);
                }
                replaced.add(sameKind(c, v));
            }
            return Columns.withColumns(out, replaced);
        }

        /** The values in a column of the same storage as {@code like} (whole numbers rounded). */
        private static Column<?> sameKind(NumberColumn<?, ?> like, double[] v) {
            if (like instanceof IntColumn) {
                IntColumn c = IntColumn.create(like.name(), v.length);
                for (int i = 0; i < v.length; i++) {
                    if (Double.isNaN(v[i])) {
                        c.setMissing(i);
                    } else {
                        c.set(i, (int) Math.round(v[i]));
                    }
                }
                return c;
            }
            if (like instanceof LongColumn) {
                LongColumn c = LongColumn.create(like.name(), v.length);
                for (int i = 0; i < v.length; i++) {
                    if (Double.isNaN(v[i])) {
                        c.setMissing(i);
                    } else {
                        c.set(i, Math.round(v[i]));
                    }
                }
                return c;
            }
            return DoubleColumn.create(like.name(), v);
        }

        private static int[] nearest(double[][] x, double[] scale, int[] pool, int a, int k) {
            double[] dist = new double[pool.length];
            Integer[] order = new Integer[pool.length];
            for (int i = 0; i < pool.length; i++) {
                order[i] = i;
                double d = 0;
                for (int f = 0; f < x.length; f++) {
                    double u = x[f][a];
                    double v = x[f][pool[i]];
                    if (!Double.isNaN(u) && !Double.isNaN(v)) {
                        d += (u - v) * (u - v) / (scale[f] * scale[f]);
                    }
                }
                dist[i] = pool[i] == a ? Double.POSITIVE_INFINITY : d;
            }
            Arrays.sort(order, (i, j) -> Double.compare(dist[i], dist[j]));
            int[] out = new int[k];
            for (int i = 0; i < k; i++) {
                out[i] = pool[order[i]];
            }
            return out;
        }
    }
}
