package io.tablewise.explain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tablewise.ml.DecisionTrees;
import io.tablewise.ml.LearnedModel;
import io.tablewise.ml.LinearWeights;
import io.tablewise.ml.ProblemType;

/**
 * SHAP values of a {@link LearnedModel} for rows of encoded features, by the best method the model allows: exact
 * TreeSHAP for boosted trees, forests and decision trees with node counts; exact linear SHAP for the linear models;
 * a sampling estimate with standard errors otherwise. Features are summed back to the input column they encode.
 * Two classes give one output (log-odds or probability of the positive class); more give one per class.
 */
public final class ModelShap {
    /** Background rows a sampling estimate compares each row with (twice as many permutations). */
    public static final int SAMPLING_BACKGROUND = 50;
    /** The fewest rows a sampling estimate compares with. */
    static final int MIN_BACKGROUND = 10;

    private final LearnedModel model;
    private final List<String> columns;
    private final int[] columnOf;
    private final DecisionTrees trees;
    private final TreeShap treeShap;
    private final LinearWeights linear;

    /** Prepares the explanation of {@code model} (reading its trees once). */
    public ModelShap(LearnedModel model) {
        this.model = model;
        Map<String, Integer> index = new LinkedHashMap<>();
        List<String> sources = model.encoder().featureSources();
        columnOf = new int[sources.size()];
        for (int f = 0; f < sources.size(); f++) {
            columnOf[f] = index.computeIfAbsent(sources.get(f), k -> index.size());
        }
        columns = List.copyOf(index.keySet());
        DecisionTrees t = null;
        try {
            t = model.decisionTrees().orElse(null);
        } catch (IllegalArgumentException e) {
            t = null; // node counts that do not fit the tree: explained by sampling instead
        }
        trees = t;
        treeShap = t == null ? null : new TreeShap(t, sources.size());
        linear = t == null ? model.linearWeights().orElse(null) : null;
    }

    /** The method this model is explained by. */
    public ShapValues.Method method() {
        return treeShap != null ? ShapValues.Method.TREE : linear != null ? ShapValues.Method.LINEAR
                : ShapValues.Method.SAMPLING;
    }

    /**
     * The work of explaining one row in elementary steps: a tree model's walk, a linear model's weights, or a
     * sampling estimate's model calls (each counted as a thousand).
     */
    public double costPerRow() {
        return switch (method()) {
            case TREE -> treeShap.costPerRow();
            case LINEAR -> columnOf.length * (double) linear.bias().length;
            case SAMPLING -> 2.0 * SAMPLING_BACKGROUND * (columns.size() + 1) * 1000;
        };
    }

    /** The input columns the values are reported for. */
    public List<String> columns() {
        return columns;
    }

    /**
     * The SHAP values of {@code x} (rows of {@link LearnedModel#features}). A sampling estimate compares each row
     * with {@code background} (encoded rows; the model's own background when it kept one, else these rows).
     *
     * @throws IllegalArgumentException when a sampling estimate has no background rows
     */
    public ShapValues explain(double[][] x, double[][] background, long seed) {
        return switch (method()) {
            case TREE -> tree(x);
            case LINEAR -> linear(x);
            case SAMPLING -> sampling(x, background, seed);
        };
    }

    private ShapValues tree(double[][] x) {
        double[][][] phi = treeShap.explain(x);
        double[][] totals = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            totals[i] = treeShap.output(x[i]);
        }
        ShapValues.Space space = model.type() == ProblemType.REGRESSION ? ShapValues.Space.VALUE
                : trees.margins() ? ShapValues.Space.CLASS_MARGIN : ShapValues.Space.PROBABILITY;
        return finish(phi, treeShap.expected(), totals, space, ShapValues.Method.TREE, null, 0);
    }

    private ShapValues linear(double[][] x) {
        int outputs = linear.bias().length;
        double[][][] phi = new double[x.length][outputs][];
        double[][] totals = new double[x.length][outputs];
        for (int i = 0; i < x.length; i++) {
            for (int k = 0; k < outputs; k++) {
                double[] w = linear.weights()[k];
                double[] p = new double[w.length];
                double t = linear.bias()[k];
                for (int f = 0; f < w.length; f++) {
                    double v = Double.isNaN(x[i][f]) ? 0 : x[i][f]; // standardised: 0 is the training mean
                    p[f] = w[f] * v;
                    t += p[f];
                }
                phi[i][k] = p;
                totals[i][k] = t;
            }
        }
        ShapValues.Space space = switch (linear.link()) {
            case IDENTITY -> ShapValues.Space.VALUE;
            case SOFTMAX -> ShapValues.Space.CLASS_MARGIN;
            case LOGISTIC_PER_CLASS -> ShapValues.Space.LOG_ODDS;
        };
        return finish(phi, linear.bias().clone(), totals, space, ShapValues.Method.LINEAR, null, 0);
    }

    private ShapValues sampling(double[][] x, double[][] background, long seed) {
        double[][] kept = model.background();
        double[][] bg = kept != null ? kept : sample(background != null ? background : x, seed);
        if (bg.length < MIN_BACKGROUND) {
            throw new IllegalArgumentException("this model was saved before Tablewise kept what explaining it "
                    + "needs (training rows to compare with, or a decision tree's node counts); explain at least "
                    + MIN_BACKGROUND + " rows at once, which are then compared with each other, or rebuild the model");
        }
        int[][] groups = groups();
        SamplingShap s = new SamplingShap(model::outputsOfFeatures, groups, bg, seed);
        double[] base = s.base();
        int outputs = base.length;
        double[][][] values = new double[x.length][outputs][columns.size()];
        double[][][] errors = new double[x.length][outputs][columns.size()];
        double[][] totals = new double[x.length][];
        double[][] answers = model.outputsOfFeatures(x);
        java.util.stream.IntStream.range(0, x.length).parallel().forEach(i -> {
            s.explain(x[i], i, values[i], errors[i]);
            totals[i] = answers[i];
        });
        ShapValues.Space space = model.type() == ProblemType.REGRESSION ? ShapValues.Space.VALUE
                : ShapValues.Space.PROBABILITY;
        return select(values, errors, base, totals, space, ShapValues.Method.SAMPLING, s.samples());
    }

    /** A seeded sample of at most {@link #SAMPLING_BACKGROUND} rows. */
    private static double[][] sample(double[][] rows, long seed) {
        if (rows.length <= SAMPLING_BACKGROUND) {
            return rows;
        }
        int[] order = new int[rows.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Random random = new java.util.Random(seed);
        double[][] out = new double[SAMPLING_BACKGROUND][];
        for (int i = 0; i < SAMPLING_BACKGROUND; i++) {
            int j = i + random.nextInt(order.length - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
            out[i] = rows[order[i]];
        }
        return out;
    }

    private int[][] groups() {
        List<List<Integer>> lists = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            lists.add(new ArrayList<>());
        }
        for (int f = 0; f < columnOf.length; f++) {
            lists.get(columnOf[f]).add(f);
        }
        int[][] out = new int[columns.size()][];
        for (int c = 0; c < out.length; c++) {
            out[c] = lists.get(c).stream().mapToInt(Integer::intValue).toArray();
        }
        return out;
    }

    /** Per-feature values summed to columns, then the outputs chosen. */
    private ShapValues finish(double[][][] phi, double[] base, double[][] totals, ShapValues.Space space,
                              ShapValues.Method method, double[][][] errors, int samples) {
        double[][][] byColumn = new double[phi.length][][];
        for (int i = 0; i < phi.length; i++) {
            byColumn[i] = new double[phi[i].length][columns.size()];
            for (int k = 0; k < phi[i].length; k++) {
                for (int f = 0; f < phi[i][k].length; f++) {
                    byColumn[i][k][columnOf[f]] += phi[i][k][f];
                }
            }
        }
        return select(byColumn, errors, base, totals, space, method, samples);
    }

    /**
     * Two classes: one output, the positive class's log-odds (the difference of the two margins; a per-class
     * log-odds margin is already it) or its probability. Otherwise every output as it is.
     */
    private ShapValues select(double[][][] values, double[][][] errors, double[] base, double[][] totals,
                              ShapValues.Space space, ShapValues.Method method, int samples) {
        List<String> classes = model.classes();
        if (model.type() == ProblemType.REGRESSION) {
            return new ShapValues(columns, List.of("prediction"), space, method, base, values, errors, totals,
                    samples);
        }
        if (model.type() != ProblemType.BINARY) {
            return new ShapValues(columns, classes, space, method, base, values, errors, totals, samples);
        }
        boolean difference = space == ShapValues.Space.CLASS_MARGIN;
        ShapValues.Space binary = difference || space == ShapValues.Space.LOG_ODDS ? ShapValues.Space.LOG_ODDS
                : space;
        double[][][] v = new double[values.length][1][];
        double[][][] e = errors == null ? null : new double[values.length][1][];
        double[][] t = new double[values.length][1];
        for (int i = 0; i < values.length; i++) {
            v[i][0] = values[i][1].clone();
            if (difference) {
                for (int c = 0; c < v[i][0].length; c++) {
                    v[i][0][c] -= values[i][0][c];
                }
            }
            if (e != null) {
                e[i][0] = errors[i][1];
            }
            t[i][0] = difference ? totals[i][1] - totals[i][0] : totals[i][1];
        }
        double[] b = {difference ? base[1] - base[0] : base[1]};
        return new ShapValues(columns, List.of(classes.get(1)), binary, method, b, v, e, t, samples);
    }
}
