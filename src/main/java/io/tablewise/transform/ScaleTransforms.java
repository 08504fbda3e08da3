package io.tablewise.transform;

import java.util.List;
import java.util.Map;

import io.tablewise.ml.Stats;
import io.tablewise.node.NodeParams;

/** The scale group: standard, min-max, robust, log and power transforms of numeric columns. */
final class ScaleTransforms {
    private ScaleTransforms() {
    }

    static List<Transform> all() {
        return List.of(new Standard(), new MinMax(), new Robust(), new Log(), new Power());
    }

    private static TransformSpec scaleSpec(String name, String title, String help) {
        return new TransformSpec("scale", name, title, help, List.of(Params.columns(NumericColumnsTransform.COLUMNS,
                "Columns", "The numeric columns to scale (empty: every numeric column).")));
    }

    /** (x - mean) / std, learned on the fitting rows. */
    static final class Standard extends NumericColumnsTransform {
        @Override
        public Reach reach() {
            return Reach.ROW;
        }

        @Override
        public TransformSpec spec() {
            return scaleSpec("standard", "Standard scale", "Centres each column on its mean and divides by its "
                    + "standard deviation (population), both learned on the training rows; a constant column "
                    + "becomes 0.");
        }

        @Override
        Map<String, Object> fitColumn(double[] v) {
            return Map.of("mean", Stats.mean(v), "std", Stats.populationStd(v));
        }

        @Override
        List<LearnedFrom.Need> needs(String c) {
            return List.of(LearnedFrom.Need.of(c, LearnedFrom.Kind.MEAN), LearnedFrom.Need.of(c,
                    LearnedFrom.Kind.POPULATION_STD));
        }

        @Override
        Map<String, Object> fromNeeds(String c, Map<LearnedFrom.Need, Object> v) {
            return Map.of("mean", LearnedFrom.number(v, needs(c).get(0)), "std", LearnedFrom.number(v,
                    needs(c).get(1)));
        }

        @Override
        double apply(double x, Map<String, Object> s) {
            double sd = num(s, "std");
            return sd == 0 || Double.isNaN(sd) ? 0 : (x - num(s, "mean")) / sd;
        }
    }

    /** (x - min) / (max - min). */
    static final class MinMax extends NumericColumnsTransform {
        @Override
        public Reach reach() {
            return Reach.ROW;
        }

        @Override
        public TransformSpec spec() {
            return scaleSpec("min-max", "Min-max scale", "Maps each column's training range onto 0..1 (values outside "
                    + "the training range fall outside 0..1); a constant column becomes 0.");
        }

        @Override
        Map<String, Object> fitColumn(double[] v) {
            return Map.of("min", v.length == 0 ? Double.NaN : v[0], "max", v.length == 0 ? Double.NaN
                    : v[v.length - 1]);
        }

        @Override
        List<LearnedFrom.Need> needs(String c) {
            return List.of(LearnedFrom.Need.of(c, LearnedFrom.Kind.MIN), LearnedFrom.Need.of(c, LearnedFrom.Kind.MAX));
        }

        @Override
        Map<String, Object> fromNeeds(String c, Map<LearnedFrom.Need, Object> v) {
            return Map.of("min", LearnedFrom.number(v, needs(c).get(0)), "max", LearnedFrom.number(v,
                    needs(c).get(1)));
        }

        @Override
        double apply(double x, Map<String, Object> s) {
            double range = num(s, "max") - num(s, "min");
            return range == 0 || Double.isNaN(range) ? 0 : (x - num(s, "min")) / range;
        }
    }

    /** (x - median) / IQR. */
    static final class Robust extends NumericColumnsTransform {
        @Override
        public Reach reach() {
            return Reach.ROW;
        }

        @Override
        public TransformSpec spec() {
            return scaleSpec("robust", "Robust scale", "Centres each column on its median and divides by its "
                    + "interquartile range, so outliers do not distort the scale; a column with no spread becomes 0.");
        }

        @Override
        Map<String, Object> fitColumn(double[] v) {
            return Map.of("median", Stats.quantile(v, 0.5),
                    "iqr", Stats.quantile(v, 0.75) - Stats.quantile(v, 0.25));
        }

        @Override
        List<LearnedFrom.Need> needs(String c) {
            return List.of(new LearnedFrom.Need(c, LearnedFrom.Kind.QUANTILE, 0.25),
                    new LearnedFrom.Need(c, LearnedFrom.Kind.QUANTILE, 0.5),
                    new LearnedFrom.Need(c, LearnedFrom.Kind.QUANTILE, 0.75));
        }

        @Override
        Map<String, Object> fromNeeds(String c, Map<LearnedFrom.Need, Object> v) {
            List<LearnedFrom.Need> n = needs(c);
            return Map.of("median", LearnedFrom.number(v, n.get(1)), "iqr", LearnedFrom.number(v, n.get(2))
                    - LearnedFrom.number(v, n.get(0)));
        }

        @Override
        double apply(double x, Map<String, Object> s) {
            double iqr = num(s, "iqr");
            return iqr == 0 || Double.isNaN(iqr) ? 0 : (x - num(s, "median")) / iqr;
        }
    }

    /** log, log1p or log10; learns nothing. */
    static final class Log extends NumericColumnsTransform {
        @Override
        public Reach reach() {
            return Reach.ROW;
        }

        @Override
        public TransformSpec spec() {
            return new TransformSpec("scale", "log", "Log transform", "Takes the natural logarithm of x + 1 "
                    + "(log1p, safe for zeros), of x, or the base-10 logarithm; values outside the domain become "
                    + "missing with a warning.", List.of(
                    Params.columns(COLUMNS, "Columns", "The numeric columns to transform (empty: every numeric "
                            + "column)."),
                    Params.choice("function", "Function", "log1p: ln(x + 1), needs x > -1; ln: needs x > 0; log10: "
                            + "needs x > 0.", "log1p", "ln", "log10")));
        }

        @Override
        public boolean learns() {
            return false;
        }

        @Override
        public FittedState fit(tech.tablesaw.api.Table rows, NodeParams params)
                throws io.tablewise.node.NodeException {
            FittedState columns = super.fit(rows, params);
            java.util.Map<String, Object> fn = new java.util.LinkedHashMap<>();
            columns.columns().keySet().forEach(c -> fn.put(c, Map.of("function", params.string("function",
                    "log1p"))));
            return FittedState.perColumn(fn);
        }

        @Override
        Map<String, Object> fitColumn(double[] v) {
            return Map.of();
        }

        @Override
        double apply(double x, Map<String, Object> s) {
            return switch (String.valueOf(s.get("function"))) {
                case "ln" -> x > 0 ? Math.log(x) : Double.NaN;
                case "log10" -> x > 0 ? Math.log10(x) : Double.NaN;
                default -> x > -1 ? Math.log1p(x) : Double.NaN;
            };
        }
    }

    /** Yeo-Johnson or Box-Cox with lambda by maximum likelihood, then standardised (as scikit-learn). */
    static final class Power extends NumericColumnsTransform {
        @Override
        public Reach reach() {
            return Reach.ROW;
        }

        @Override
        public TransformSpec spec() {
            return new TransformSpec("scale", "power", "Power transform", "Makes skewed columns more "
                    + "Gaussian: Yeo-Johnson (any values) or Box-Cox (positive values), with the exponent lambda "
                    + "chosen by maximum likelihood on the training rows, then standardised.", List.of(
                    Params.columns(COLUMNS, "Columns", "The numeric columns to transform (empty: every numeric "
                            + "column)."),
                    Params.choice("method", "Method", "Yeo-Johnson works with zeros and negatives; Box-Cox needs "
                            + "positive values.", "yeo-johnson", "box-cox")));
        }

        @Override
        public FittedState fit(tech.tablesaw.api.Table rows, NodeParams params)
                throws io.tablewise.node.NodeException {
            List<String> names = PowerFit.columns(io.tablewise.node.TableSchema.of(rows), params);
            double[][] values = new double[names.size()][];
            long[] counts = new long[names.size()];
            for (int c = 0; c < values.length; c++) {
                values[c] = java.util.Arrays.stream(Columns.numbers(rows, names.get(c))).filter(x -> !Double.isNaN(x))
                        .toArray();
                counts[c] = values[c].length;
            }
            return PowerFit.fit(names, counts, params.string("method", "yeo-johnson"), PowerFit.over(values));
        }

        @Override
        Map<String, Object> fitColumn(double[] v) {
            throw new UnsupportedOperationException("fit is overridden");
        }

        @Override
        double apply(double x, Map<String, Object> s) {
            boolean boxCox = "box-cox".equals(s.get("method"));
            if (boxCox && x <= 0) {
                return Double.NaN;
            }
            double t = PowerMath.transform(x, num(s, "lambda"), boxCox);
            double sd = num(s, "std");
            return sd == 0 || Double.isNaN(sd) ? 0 : (t - num(s, "mean")) / sd;
        }
    }
}
