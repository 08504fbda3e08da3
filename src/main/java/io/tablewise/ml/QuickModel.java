package io.tablewise.ml;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import io.tablewise.node.CancelledException;

/**
 * A fast default model that gives a first read of how predictable a target is: gradient-boosted trees
 * ({@link LearnedModel} with its default settings: 100 trees of depth 6, learning rate 0.1, 80% row and column
 * subsampling) on features fitted on the training rows, scored once on the held-out rows. Column importance is
 * each input column's share of the total split gain of its features.
 */
public final class QuickModel {
    private static final Learner.Boosted SETTINGS = Learner.Boosted.defaults();
    private static final String ALGORITHM = "gradient-boosted trees (XGBoost: " + SETTINGS.trees() + " trees, depth "
            + SETTINGS.depth() + ", learning rate " + SETTINGS.eta() + ")";

    private QuickModel() {
    }

    /**
     * Trains on {@code train} rows and scores on {@code test} rows (rows with a missing target are skipped).
     *
     * @param table the data
     * @param target the target column
     * @param type the problem type
     * @param features the input columns
     * @param train training rows
     * @param test held-out rows
     * @param seed the seed of the trees' subsampling
     * @param cancelled checked between the steps
     * @return the result
     */
    public static QuickModelResult build(Table table, String target, ProblemType type, List<String> features,
                                         int[] train, int[] test, long seed, BooleanSupplier cancelled) {
        long start = System.nanoTime();
        try {
            return train(table, target, type, features, train, test, seed, cancelled, start);
        } catch (CancelledException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            // e.g. no native XGBoost library for this platform: the rest of the report still stands
            return new QuickModelResult.Builder(ALGORITHM, type, train.length, test.length, List.of())
                    .failed("the model library failed (" + e + ")", seconds(start));
        }
    }

    private static QuickModelResult train(Table table, String target, ProblemType type, List<String> features,
                                          int[] train, int[] test, long seed, BooleanSupplier cancelled,
                                          long start) {
        Column<?> y = table.column(target);
        int[] trainRows = labelled(y, train, type);
        int[] testRows = labelled(y, test, type);
        check(cancelled);
        LearnedModel model;
        try {
            model = LearnedModel.train(table, target, type, features, trainRows, SETTINGS, seed);
        } catch (IllegalArgumentException e) {
            return new QuickModelResult.Builder(ALGORITHM, type, trainRows.length, testRows.length,
                    FeatureEncoder.fit(table, features, trainRows).choices()).failed(e.getMessage(), seconds(start));
        }
        check(cancelled);
        QuickModelResult.Builder out = new QuickModelResult.Builder(ALGORITHM, type, trainRows.length,
                testRows.length, model.encoder().choices());
        if (type == ProblemType.REGRESSION) {
            double[] predicted = model.values(table, testRows);
            double[] actual = Arrays.stream(testRows).mapToDouble(r -> Values.number(y, r)).toArray();
            return out.done(Metrics.regression(actual, predicted), "r2", null, model.importances(), seconds(start));
        }
        List<String> classes = model.classes();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < classes.size(); i++) {
            index.put(classes.get(i), i);
        }
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < testRows.length; i++) {
            if (index.containsKey(Values.label(y, testRows[i]))) {
                kept.add(testRows[i]);
            }
        }
        int unseen = testRows.length - kept.size();
        int[] scored = kept.stream().mapToInt(Integer::intValue).toArray();
        double[][] probabilities = model.probabilities(table, scored);
        int[] actual = Arrays.stream(scored).map(r -> index.get(Values.label(y, r))).toArray();
        Metrics.Classification metrics = Metrics.classification(classes, actual, probabilities,
                classes.size() == 2 ? 1 : -1);
        if (unseen > 0) {
            out.note(unseen + " held-out rows have a class never seen in training and are not scored");
        }
        return out.done(metrics.values(), classes.size() == 2 ? "auc" : "balanced_accuracy",
                metrics.confusion(), model.importances(), seconds(start));
    }

    /**
     * The classes of the training rows, most frequent first (ties by name), so that in the binary case the
     * minority class comes second and is the positive class.
     */
    static List<String> classes(Column<?> y, int[] rows) {
        return LearnedModel.classes(y, rows);
    }

    /** The rows with a target value. */
    public static int[] labelled(Column<?> y, int[] rows, ProblemType type) {
        return Arrays.stream(rows)
                .filter(r -> type == ProblemType.REGRESSION ? !Double.isNaN(Values.number(y, r))
                        : Values.label(y, r) != null)
                .toArray();
    }

    private static void check(BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            throw new CancelledException();
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
