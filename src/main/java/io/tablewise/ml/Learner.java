package io.tablewise.ml;

import java.util.LinkedHashMap;
import java.util.Map;

import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.dtree.impurity.GiniIndex;
import org.tribuo.classification.ensemble.VotingCombiner;
import org.tribuo.classification.liblinear.LibLinearClassificationTrainer;
import org.tribuo.classification.liblinear.LinearClassificationType;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.common.nearest.KNNModel;
import org.tribuo.common.nearest.KNNTrainer;
import org.tribuo.common.xgboost.XGBoostTrainer.BoosterType;
import org.tribuo.common.xgboost.XGBoostTrainer.LoggingVerbosity;
import org.tribuo.common.xgboost.XGBoostTrainer.TreeMethod;
import org.tribuo.math.distance.DistanceType;
import org.tribuo.math.neighbour.NeighboursQueryFactoryType;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.liblinear.LibLinearRegressionTrainer;
import org.tribuo.regression.liblinear.LinearRegressionType;
import org.tribuo.regression.rtree.CARTRegressionTrainer;
import org.tribuo.regression.rtree.impurity.MeanSquaredError;
import org.tribuo.regression.sgd.objectives.SquaredLoss;
import org.tribuo.regression.xgboost.XGBoostRegressionTrainer;

/**
 * An algorithm family with its hyper-parameters: what AutoML searches over and what a model records. Each makes a
 * fresh Tribuo trainer per call (Tribuo trainers advance their random state on every {@code train()}, so a reused
 * trainer would not give the same model twice).
 */
public sealed interface Learner
        permits Learner.Boosted, Learner.Forest, Learner.LinearSgd, Learner.LibLinear, Learner.Tree,
                Learner.Neighbours {

    /** The families' ids, the default first. */
    java.util.List<String> IDS = java.util.List.of("xgboost", "forest", "liblinear", "sgd-linear", "cart", "knn");

    /**
     * A family's default settings by its id.
     *
     * @throws IllegalArgumentException for an unknown id, naming the known ones
     */
    static Learner defaults(String id) {
        return switch (id) {
            case "xgboost" -> Boosted.defaults();
            case "forest" -> Forest.defaults();
            case "liblinear" -> LibLinear.defaults();
            case "sgd-linear" -> LinearSgd.defaults();
            case "cart" -> Tree.defaults();
            case "knn" -> Neighbours.defaults();
            default -> throw new IllegalArgumentException("unknown algorithm '" + id + "'; the algorithms are "
                    + String.join(", ", IDS));
        };
    }

    /**
     * The learner written by {@link #asMap()} (a model's settings, a run record): the family by its id, every
     * setting by name.
     *
     * @throws IllegalArgumentException for an unknown family or a missing or malformed setting, naming it
     */
    static Learner fromMap(Map<String, Object> settings) {
        Learner family = defaults(String.valueOf(settings.get("algorithm")));
        java.lang.reflect.RecordComponent[] parts = family.getClass().getRecordComponents();
        Object[] values = new Object[parts.length];
        Class<?>[] types = new Class<?>[parts.length];
        for (int i = 0; i < parts.length; i++) {
            types[i] = parts[i].getType();
            if (!(settings.get(parts[i].getName()) instanceof Number n)) {
                throw new IllegalArgumentException("the setting '" + parts[i].getName() + "' of " + family.id()
                        + " is missing or not a number");
            }
            values[i] = types[i] == int.class ? (Object) n.intValue() : (Object) n.doubleValue();
        }
        try {
            return (Learner) family.getClass().getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("cannot rebuild " + family.id() + " from " + settings, e);
        }
    }

    /**
     * The learner written by {@link #text()}: {@code algorithm=xgboost, trees=100, depth=6, ...} (the braces of a
     * printed map allowed), e.g. a model node's pinned settings.
     *
     * @throws IllegalArgumentException naming the part that cannot be read
     */
    static Learner parse(String text) {
        String body = text.strip();
        if (body.startsWith("{") && body.endsWith("}")) {
            body = body.substring(1, body.length() - 1);
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        for (String part : body.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("'" + part.strip() + "' is not NAME=VALUE");
            }
            String name = part.substring(0, eq).strip();
            String value = part.substring(eq + 1).strip();
            if (name.equals("algorithm")) {
                settings.put(name, value);
                continue;
            }
            try {
                settings.put(name, Double.parseDouble(value));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("the setting '" + name + "' is not a number: '" + value + "'");
            }
        }
        if (!settings.containsKey("algorithm")) {
            throw new IllegalArgumentException("the settings name no algorithm (algorithm=" + String.join("|", IDS)
                    + ")");
        }
        return fromMap(settings);
    }

    /** The settings as {@link #parse} reads them: {@code algorithm=xgboost, trees=100, depth=6, ...}. */
    default String text() {
        StringBuilder b = new StringBuilder();
        asMap().forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k).append('=').append(v));
        return b.toString();
    }

    /** A short stable name, saved with the model. */
    String id();

    /** What an analyst reads: the algorithm in words. */
    String name(ProblemType type);

    /** The hyper-parameters: the record's components, in their order. */
    default Map<String, Object> parameters() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (java.lang.reflect.RecordComponent c : getClass().getRecordComponents()) {
            try {
                m.put(c.getName(), c.getAccessor().invoke(this));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + c.getName(), e);
            }
        }
        return m;
    }

    /** Whether the features must be standardised with missing values filled (linear models, distances). */
    default boolean scaled() {
        return false;
    }

    /** Whether the family can learn this kind of problem. */
    default boolean supports(ProblemType type) {
        return true;
    }

    /** Whether training goes through XGBoost's native code (one call at a time per JVM). */
    default boolean nativeCode() {
        return false;
    }

    /** A fresh classification trainer. */
    Trainer<Label> classifier(long seed, int threads);

    /** A fresh regression trainer. */
    Trainer<Regressor> regressor(long seed, int threads);

    /** The algorithm's id followed by its hyper-parameters, for manifests and leaderboards. */
    default Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("algorithm", id());
        m.putAll(parameters());
        return m;
    }

    /**
     * Gradient-boosted trees (XGBoost, histogram method).
     *
     * @param trees number of trees
     * @param depth maximum depth
     * @param eta learning rate
     * @param subsample share of rows per tree
     * @param colsample share of features per tree
     * @param minChildWeight minimum hessian weight in a leaf
     * @param lambda L2 regularisation
     */
    record Boosted(int trees, int depth, double eta, double subsample, double colsample, double minChildWeight,
                   double lambda) implements Learner {
        /** The quick build's defaults. */
        public static Boosted defaults() {
            return new Boosted(100, 6, 0.1, 0.8, 0.8, 1, 1);
        }

        /** The same settings with another number of trees (boosting rounds). */
        public Boosted withTrees(int n) {
            return new Boosted(n, depth, eta, subsample, colsample, minChildWeight, lambda);
        }

        @Override
        public String id() {
            return "xgboost";
        }

        @Override
        public String name(ProblemType type) {
            return "gradient-boosted trees (XGBoost)";
        }

        @Override
        public boolean nativeCode() {
            return true;
        }

        @Override
        public Trainer<Label> classifier(long seed, int threads) {
            return new XGBoostClassificationTrainer(BoosterType.GBTREE, TreeMethod.HIST, trees, eta, 0, depth,
                    minChildWeight, subsample, colsample, lambda, 0, threads, LoggingVerbosity.SILENT, seed);
        }

        @Override
        public Trainer<Regressor> regressor(long seed, int threads) {
            return new XGBoostRegressionTrainer(BoosterType.GBTREE, TreeMethod.HIST,
                    XGBoostRegressionTrainer.RegressionType.LINEAR, trees, eta, 0, depth, minChildWeight, subsample,
                    colsample, lambda, 0, threads, LoggingVerbosity.SILENT, seed);
        }
    }

    /**
     * A random forest: XGBoost's forest mode (one round of many parallel trees on bootstrap-like row samples and
     * per-split feature samples), about twenty times faster than Tribuo's own random forest.
     *
     * @param trees number of trees
     * @param depth maximum depth
     * @param rowShare share of rows per tree
     * @param featureShare share of features tried at each split
     */
    record Forest(int trees, int depth, double rowShare, double featureShare) implements Learner {
        /** A forest that works on most tables. */
        public static Forest defaults() {
            return new Forest(100, 10, 0.63, 0.5);
        }

        @Override
        public String id() {
            return "forest";
        }

        @Override
        public String name(ProblemType type) {
            return "random forest (XGBoost forest mode)";
        }

        @Override
        public boolean nativeCode() {
            return true;
        }

        private Map<String, Object> xgboost(String objective, long seed, int threads) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("objective", objective);
            p.put("booster", "gbtree");
            p.put("tree_method", "hist");
            p.put("num_parallel_tree", trees);
            p.put("eta", 1.0);
            p.put("max_depth", depth);
            p.put("subsample", rowShare);
            p.put("colsample_bynode", featureShare);
            p.put("min_child_weight", 1.0);
            p.put("lambda", 1e-5); // a forest averages fully grown trees: next to no shrinkage of the leaves
            p.put("nthread", threads);
            p.put("seed", seed);
            p.put("verbosity", 0);
            return p;
        }

        @Override
        public Trainer<Label> classifier(long seed, int threads) {
            return new XGBoostClassificationTrainer(1, xgboost("multi:softprob", seed, threads));
        }

        @Override
        public Trainer<Regressor> regressor(long seed, int threads) {
            return new XGBoostRegressionTrainer(XGBoostRegressionTrainer.RegressionType.LINEAR, 1,
                    xgboost("reg:squarederror", seed, threads));
        }
    }

    /**
     * Logistic regression (classification) or linear regression, trained by stochastic gradient descent with
     * AdaGrad on standardised features. Tribuo's defaults (learning rate 1, 5 epochs, unscaled inputs) underfit, so
     * both the rate and the epochs are searched.
     *
     * @param learningRate AdaGrad's initial learning rate
     * @param epochs passes over the training rows
     */
    record LinearSgd(double learningRate, int epochs) implements Learner {
        /** Settings that converge on standardised features. */
        public static LinearSgd defaults() {
            return new LinearSgd(0.1, 10);
        }

        @Override
        public String id() {
            return "sgd-linear";
        }

        @Override
        public String name(ProblemType type) {
            return type == ProblemType.REGRESSION ? "linear regression (SGD)" : "logistic regression (SGD)";
        }

        @Override
        public boolean scaled() {
            return true;
        }

        @Override
        public Trainer<Label> classifier(long seed, int threads) {
            return new org.tribuo.classification.sgd.linear.LinearSGDTrainer(new LogMulticlass(),
                    new AdaGrad(learningRate, 1e-6), epochs, -1, 1, seed);
        }

        @Override
        public Trainer<Regressor> regressor(long seed, int threads) {
            return new org.tribuo.regression.sgd.linear.LinearSGDTrainer(new SquaredLoss(),
                    new AdaGrad(learningRate, 1e-6), epochs, -1, 1, seed);
        }
    }

    /**
     * L2-regularised logistic regression (classification) or L2-loss support vector regression, solved exactly by
     * LibLinear on standardised features.
     *
     * @param cost the inverse regularisation strength C
     */
    record LibLinear(double cost) implements Learner {
        /** LibLinear's usual starting point. */
        public static LibLinear defaults() {
            return new LibLinear(1);
        }

        @Override
        public String id() {
            return "liblinear";
        }

        @Override
        public String name(ProblemType type) {
            return type == ProblemType.REGRESSION ? "linear support vector regression (LibLinear)"
                    : "logistic regression (LibLinear)";
        }

        @Override
        public boolean scaled() {
            return true;
        }

        @Override
        public Trainer<Label> classifier(long seed, int threads) {
            return new LibLinearClassificationTrainer(new LinearClassificationType(
                    LinearClassificationType.LinearType.L2R_LR), cost, 1000, 0.001, seed);
        }

        @Override
        public Trainer<Regressor> regressor(long seed, int threads) {
            return new LibLinearRegressionTrainer(new LinearRegressionType(
                    LinearRegressionType.LinearType.L2R_L2LOSS_SVR), cost, 1000, 0.001, 0.1, seed);
        }
    }

    /**
     * One decision tree (CART: Gini impurity for classes, squared error for numbers).
     *
     * @param depth maximum depth
     * @param minLeafWeight minimum number of rows in a leaf
     */
    record Tree(int depth, double minLeafWeight) implements Learner {
        /** A tree deep enough to be useful and still readable. */
        public static Tree defaults() {
            return new Tree(8, 10);
        }

        @Override
        public String id() {
            return "cart";
        }

        @Override
        public String name(ProblemType type) {
            return "decision tree (CART)";
        }

        @Override
        public Trainer<Label> classifier(long seed, int threads) {
            return new CARTClassificationTrainer(depth, (float) minLeafWeight, 0f, 1f, false, new GiniIndex(), seed);
        }

        @Override
        public Trainer<Regressor> regressor(long seed, int threads) {
            return new CARTRegressionTrainer(depth, (float) minLeafWeight, 0f, 1f, false, new MeanSquaredError(),
                    seed);
        }
    }

    /**
     * k nearest neighbours on standardised features (Euclidean distance; the neighbours' vote shares are the class
     * probabilities). Scoring compares each row with every training row, so AutoML tries it on small tables only;
     * and on classes only: Tribuo 4.3.2's nearest-neighbour regression does not average the neighbours (measured:
     * for neighbours worth 9, 10 and 11 it predicts 9).
     *
     * @param k the number of neighbours
     */
    record Neighbours(int k) implements Learner {
        /** The most training rows AutoML tries it on. */
        public static final int MAX_ROWS = 10_000;

        /** A neighbourhood that smooths noise on most small tables. */
        public static Neighbours defaults() {
            return new Neighbours(15);
        }

        @Override
        public String id() {
            return "knn";
        }

        @Override
        public String name(ProblemType type) {
            return "k nearest neighbours";
        }

        @Override
        public boolean scaled() {
            return true;
        }

        @Override
        public Trainer<Label> classifier(long seed, int threads) {
            return new KNNTrainer<>(k, DistanceType.L2.getDistance(), threads, new VotingCombiner(),
                    KNNModel.Backend.STREAMS, NeighboursQueryFactoryType.BRUTE_FORCE);
        }

        @Override
        public boolean supports(ProblemType type) {
            return type != ProblemType.REGRESSION;
        }

        @Override
        public Trainer<Regressor> regressor(long seed, int threads) {
            throw new IllegalArgumentException("k nearest neighbours predicts classes only");
        }
    }
}
