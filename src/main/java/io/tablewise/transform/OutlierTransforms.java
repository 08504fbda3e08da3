package io.tablewise.transform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tech.tablesaw.api.Table;

import io.tablewise.ml.Stats;
import io.tablewise.node.NodeException;
import io.tablewise.node.NodeParams;
import io.tablewise.node.TableSchema;

/**
 * The outliers group: clip values to bounds, or remove rows outside them. Bounds are learned per column on the
 * training rows: quantiles (default 1% and 99%), or median ± k · robust standard deviation, where the robust
 * standard deviation is 1.4826 · MAD (the median absolute deviation; equal to the standard deviation for normal
 * data).
 */
final class OutlierTransforms {
    private OutlierTransforms() {
    }

    static List<Transform> all() {
        return List.of(new Clip(), new Remove());
    }

    static List<io.tablewise.node.ParamSpec> params() {
        return List.of(
                Params.columns("columns", "Columns", "The numeric columns (empty: every numeric column)."),
                Params.choice("method", "Bounds", "quantile: between two quantiles; robust: median ± k robust "
                        + "standard deviations.", "quantile", "robust"),
                Params.decimal("lower", "Lower quantile", 0.01, 0.0, 0.5, "For the quantile bounds."),
                Params.decimal("upper", "Upper quantile", 0.99, 0.5, 1.0, "For the quantile bounds."),
                Params.decimal("k", "k", 3.0, 0.1, 100.0, "For the robust bounds: how many robust standard "
                        + "deviations from the median."));
    }

    static FittedState bounds(Table rows, NodeParams p) throws NodeException {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String name : Columns.chosen(TableSchema.of(rows), p, "columns", true)) {
            double[] v = Arrays.stream(Columns.numbers(rows, name)).filter(x -> !Double.isNaN(x)).sorted().toArray();
            double lo;
            double hi;
            if (p.string("method", "quantile").equals("robust")) {
                double[] b = robust(Stats.quantile(v, 0.5), LearnedFrom.medianAbsoluteDeviation(v), p);
                lo = b[0];
                hi = b[1];
            } else {
                lo = Stats.quantile(v, p.decimal("lower", 0.01));
                hi = Stats.quantile(v, p.decimal("upper", 0.99));
            }
            out.put(name, Map.of("lower", lo, "upper", hi));
        }
        return FittedState.perColumn(out);
    }

    /** Median ± k robust standard deviations (1.4826 · MAD). */
    private static double[] robust(double median, double mad, NodeParams p) {
        double sd = 1.4826 * mad;
        double k = p.decimal("k", 3);
        return new double[] {median - k * sd, median + k * sd};
    }

    @SuppressWarnings("unchecked")
    static double bound(FittedState s, String column, String which) {
        return NumericColumnsTransform.num((Map<String, Object>) s.columns().get(column), which);
    }

    static TableSchema check(TableSchema input, NodeParams p, String purpose, boolean decimals) throws NodeException {
        List<String> names = Columns.chosen(input, p, "columns", true);
        Columns.requireNumeric(input, names, "columns", purpose);
        if (!decimals) {
            return input;
        }
        return Columns.retyped(input, names, io.tablewise.node.ColumnKind.DECIMAL);
    }

    /** Both outlier transforms learn per-column bounds on the fitting rows. */
    abstract static class Bounded implements Transform {
        @Override
        public boolean learns() {
            return true;
        }

        @Override
        public FittedState fit(Table rows, NodeParams p) throws NodeException {
            return bounds(rows, p);
        }

        /** Two aggregates per column: the two quantiles, or the median and the median absolute deviation. */
        @Override
        public LearnedFrom learnedFrom(TableSchema input, NodeParams p) throws NodeException {
            boolean robust = p.string("method", "quantile").equals("robust");
            List<String> names = Columns.chosen(input, p, "columns", true);
            List<LearnedFrom.Need> needs = new ArrayList<>();
            for (String n : names) {
                needs.add(new LearnedFrom.Need(n, LearnedFrom.Kind.QUANTILE, robust ? 0.5 : p.decimal("lower",
                        0.01)));
                needs.add(robust ? LearnedFrom.Need.of(n, LearnedFrom.Kind.MEDIAN_ABSOLUTE_DEVIATION)
                        : new LearnedFrom.Need(n, LearnedFrom.Kind.QUANTILE, p.decimal("upper", 0.99)));
            }
            return new LearnedFrom(needs, values -> {
                Map<String, Object> out = new LinkedHashMap<>();
                for (int i = 0; i < names.size(); i++) {
                    double a = LearnedFrom.number(values, needs.get(2 * i));
                    double b = LearnedFrom.number(values, needs.get(2 * i + 1));
                    double[] bounds = robust ? robust(a, b, p) : new double[] {a, b};
                    out.put(names.get(i), Map.of("lower", bounds[0], "upper", bounds[1]));
                }
                return FittedState.perColumn(out);
            });
        }
    }

    static final class Clip extends Bounded {
        @Override
        public Reach reach() {
            return Reach.ROW;
        }

        @Override
        public TransformSpec spec() {
            return new TransformSpec("outliers", "clip", "Clip outliers", "Caps values below the lower bound or "
                    + "above the upper bound at the bound (winsorising); bounds learned on the training rows.",
                    params());
        }

        @Override
        public TableSchema outputSchema(TableSchema input, NodeParams p) throws NodeException {
            return check(input, p, "clipping", true);
        }

        @Override
        public Table apply(Table input, NodeParams p, FittedState state, TransformContext context) {
            List<tech.tablesaw.columns.Column<?>> out = new ArrayList<>();
            for (String name : state.columns().keySet()) {
                double lo = bound(state, name, "lower");
                double hi = bound(state, name, "upper");
                double[] v = Columns.numbers(input, name);
                long clipped = 0;
                for (int i = 0; i < v.length; i++) {
                    if (v[i] < lo || v[i] > hi) {
                        v[i] = Math.max(lo, Math.min(hi, v[i]));
                        clipped++;
                    }
                }
                if (clipped > 0) {
                    context.warn(String.format(Locale.ROOT, "%s: %,d values clipped to [%s, %s]", name, clipped,
                            io.tablewise.data.CellFormat.decimal(lo), io.tablewise.data.CellFormat.decimal(hi)));
                }
                out.add(Columns.decimal(name, v));
            }
            return Columns.withColumns(input, out);
        }
    }

    static final class Remove extends Bounded {
        @Override
        public Reach reach() {
            return Reach.ROW;
        }

        @Override
        public TransformSpec spec() {
            return new TransformSpec("outliers", "remove", "Remove outlier rows", "Removes rows with a value "
                    + "outside the bounds in any chosen column; bounds learned on the training rows. Missing values "
                    + "are kept.", params());
        }

        @Override
        public TableSchema outputSchema(TableSchema input, NodeParams p) throws NodeException {
            return check(input, p, "outlier removal", false);
        }

        @Override
        public Table apply(Table input, NodeParams p, FittedState state, TransformContext context) {
            boolean[] drop = new boolean[input.rowCount()];
            for (String name : state.columns().keySet()) {
                double lo = bound(state, name, "lower");
                double hi = bound(state, name, "upper");
                double[] v = Columns.numbers(input, name);
                for (int i = 0; i < v.length; i++) {
                    drop[i] |= v[i] < lo || v[i] > hi;
                }
            }
            Table out = RowTransforms.keep(input, drop, true);
            if (out.rowCount() < input.rowCount()) {
                context.warn(String.format(Locale.ROOT, "%,d outlier rows removed",
                        input.rowCount() - out.rowCount()));
            }
            return out;
        }
    }
}
