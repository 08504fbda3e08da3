package io.tablewise.ml;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.Output;
import org.tribuo.OutputFactory;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.common.xgboost.XGBoostFeatureImportance;
import org.tribuo.common.xgboost.XGBoostModel;
import org.tribuo.common.xgboost.XGBoostTrainer.BoosterType;
import org.tribuo.common.xgboost.XGBoostTrainer.LoggingVerbosity;
import org.tribuo.common.xgboost.XGBoostTrainer.TreeMethod;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.xgboost.XGBoostRegressionTrainer;

import io.tablewise.node.CancelledException;

/**
 * A fast default model that gives a first read of how predictable a target is: gradient-boosted trees
 * (XGBoost, {@value #TREES} trees of depth {@value #DEPTH}, learning rate {@value #ETA}, 80% row and column
 * subsampling) on the features of a {@link FeatureEncoder} fitted on the training rows, scored once on the
 * held-out rows. Column importance is each input column's share of the total split gain of its features.
 */
public final class QuickModel {
    static final int TREES = 100;
    static final int DEPTH = 6;
    static final double ETA = 0.1;
    private static final String CONSTANT = "\u0000constant";
    private static final String ALGORITHM = "gradient-boosted trees (XGBoost: " + TREES + " trees, depth " + DEPTH
            + ", learning rate " + ETA + ")";

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
        FeatureEncoder encoder = FeatureEncoder.fit(table, features, trainRows);
        check(cancelled);
        int threads = Runtime.getRuntime().availableProcessors();
        QuickModelResult.Builder out = new QuickModelResult.Builder(ALGORITHM, type, trainRows.length,
                testRows.length, encoder.choices());
        if (encoder.featureNames().isEmpty()) {
            return out.failed("no usable input columns", seconds(start));
        }
        if (type == ProblemType.REGRESSION) {
            RegressionFactory factory = new RegressionFactory();
            MutableDataset<Regressor> data = dataset(table, encoder, trainRows, factory,
                    r -> new Regressor("target", Values.number(y, r)));
            check(cancelled);
            org.tribuo.Model<Regressor> model = new XGBoostRegressionTrainer(BoosterType.GBTREE, TreeMethod.HIST,
                    XGBoostRegressionTrainer.RegressionType.LINEAR, TREES, ETA, 0, DEPTH, 1, 0.8, 0.8, 1, 0,
                    threads, LoggingVerbosity.SILENT, seed).train(data);
            check(cancelled);
            List<Prediction<Regressor>> predictions = model.predict(examples(table, encoder, testRows,
                    r -> new Regressor("target", Values.number(y, r))));
            double[] actual = new double[testRows.length];
            double[] predicted = new double[testRows.length];
            for (int i = 0; i < testRows.length; i++) {
                actual[i] = Values.number(y, testRows[i]);
                predicted[i] = predictions.get(i).getOutput().getValues()[0];
            }
            return out.done(Metrics.regression(actual, predicted), "r2", null,
                    importances(model, encoder), seconds(start));
        }
        List<String> classes = classes(y, trainRows);
        if (classes.size() < 2) {
            return out.failed("the training rows have a single class", seconds(start));
        }
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> data = dataset(table, encoder, trainRows, factory,
                r -> new Label(Values.label(y, r)));
        check(cancelled);
        XGBoostModel<Label> model = new XGBoostClassificationTrainer(BoosterType.GBTREE, TreeMethod.HIST, TREES,
                ETA, 0, DEPTH, 1, 0.8, 0.8, 1, 0, threads, LoggingVerbosity.SILENT, seed).train(data);
        check(cancelled);
        List<Prediction<Label>> predictions = model.predict(examples(table, encoder, testRows,
                r -> new Label(Values.label(y, r))));
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < classes.size(); i++) {
            index.put(classes.get(i), i);
        }
        int[] actual = new int[testRows.length];
        double[][] probabilities = new double[testRows.length][classes.size()];
        int unseen = 0;
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < testRows.length; i++) {
            Integer a = index.get(Values.label(y, testRows[i]));
            if (a == null) {
                unseen++;
                continue;
            }
            actual[kept.size()] = a;
            for (Map.Entry<String, Label> e : predictions.get(i).getOutputScores().entrySet()) {
                Integer c = index.get(e.getKey());
                if (c != null) {
                    probabilities[kept.size()][c] = e.getValue().getScore();
                }
            }
            kept.add(i);
        }
        int n = kept.size();
        int positive = classes.size() == 2 ? 1 : -1;
        Metrics.Classification metrics = Metrics.classification(classes, java.util.Arrays.copyOf(actual, n),
                java.util.Arrays.copyOf(probabilities, n), positive);
        if (unseen > 0) {
            out.note(unseen + " held-out rows have a class never seen in training and are not scored");
        }
        return out.done(metrics.values(), classes.size() == 2 ? "auc" : "balanced_accuracy",
                metrics.confusion(), importances(model, encoder), seconds(start));
    }

    /**
     * The classes of the training rows, most frequent first (ties by name), so that in the binary case the
     * minority class comes second and is the positive class.
     */
    static List<String> classes(Column<?> y, int[] rows) {
        Map<String, Integer> counts = new HashMap<>();
        for (int r : rows) {
            counts.merge(Values.label(y, r), 1, Integer::sum);
        }
        return counts.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue).reversed()
                        .thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey).toList();
    }

    private static int[] labelled(Column<?> y, int[] rows, ProblemType type) {
        return java.util.Arrays.stream(rows)
                .filter(r -> type == ProblemType.REGRESSION ? !Double.isNaN(Values.number(y, r))
                        : Values.label(y, r) != null)
                .toArray();
    }

    private static <T extends Output<T>> MutableDataset<T> dataset(Table table, FeatureEncoder encoder, int[] rows,
                                                                   OutputFactory<T> factory,
                                                                   java.util.function.IntFunction<T> output) {
        MutableDataset<T> data = new MutableDataset<>(new SimpleDataSourceProvenance("tablewise table", factory),
                factory);
        for (Example<T> e : examples(table, encoder, rows, output)) {
            data.add(e);
        }
        return data;
    }

    private static <T extends Output<T>> List<Example<T>> examples(Table table, FeatureEncoder encoder, int[] rows,
                                                                   java.util.function.IntFunction<T> output) {
        List<String> names = encoder.featureNames();
        List<Example<T>> out = new ArrayList<>(rows.length);
        String[] buffer = new String[names.size() + 1];
        double[] values = new double[names.size() + 1];
        for (int r : rows) {
            double[] x = encoder.encode(table, r);
            // a constant feature keeps a row whose every value is missing a valid Tribuo example; trees never
            // split on it
            buffer[0] = CONSTANT;
            values[0] = 1;
            int n = 1;
            for (int f = 0; f < x.length; f++) {
                if (!Double.isNaN(x[f])) {
                    buffer[n] = names.get(f);
                    values[n++] = x[f];
                }
            }
            out.add(new ArrayExample<>(output.apply(r), java.util.Arrays.copyOf(buffer, n),
                    java.util.Arrays.copyOf(values, n)));
        }
        return out;
    }

    /** Each input column's share of the total gain, largest first. */
    private static List<QuickModelResult.Importance> importances(org.tribuo.Model<?> trained, FeatureEncoder encoder) {
        if (!(trained instanceof XGBoostModel<?> model)) {
            return List.of();
        }
        Map<String, String> source = new HashMap<>();
        for (int i = 0; i < encoder.featureNames().size(); i++) {
            source.put(encoder.featureNames().get(i), encoder.featureSources().get(i));
        }
        Map<String, Double> byColumn = new LinkedHashMap<>();
        double total = 0;
        for (XGBoostFeatureImportance importance : model.getFeatureImportance()) {
            for (Map.Entry<String, Double> e : importance.getTotalGain().entrySet()) {
                String column = source.get(e.getKey());
                if (column != null) {
                    byColumn.merge(column, e.getValue(), Double::sum);
                    total += e.getValue();
                }
            }
        }
        double sum = total;
        return byColumn.entrySet().stream()
                .map(e -> new QuickModelResult.Importance(e.getKey(), sum == 0 ? 0 : e.getValue() / sum))
                .sorted(Comparator.comparingDouble(QuickModelResult.Importance::share).reversed()
                        .thenComparing(QuickModelResult.Importance::column))
                .toList();
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
