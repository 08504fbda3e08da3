package io.tablewise.ml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Output;
import org.tribuo.OutputFactory;
import org.tribuo.Prediction;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.common.xgboost.XGBoostFeatureImportance;
import org.tribuo.common.xgboost.XGBoostModel;
import org.tribuo.impl.ArrayExample;
import org.tribuo.protos.core.ModelProto;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/**
 * A trained model of any {@link Learner} family with its feature encoding: trained on chosen rows, scoring any table
 * that has the encoded columns, and saved as the encoder's JSON-able state plus Tribuo's protobuf form of the model
 * (never Java serialisation; loading checks the model class against an allow-list before anything is built).
 * Boosted trees and forests are scored by walking their trees in Java; the other families through Tribuo.
 */
public final class LearnedModel {
    /** The model classes a saved file may hold. */
    static final Set<String> ALLOWED = Set.of("org.tribuo.common.xgboost.XGBoostModel",
            "org.tribuo.classification.sgd.linear.LinearSGDModel", "org.tribuo.regression.sgd.linear.LinearSGDModel",
            "org.tribuo.classification.liblinear.LibLinearClassificationModel",
            "org.tribuo.regression.liblinear.LibLinearRegressionModel", "org.tribuo.common.tree.TreeModel",
            "org.tribuo.regression.rtree.IndependentRegressionTreeModel", "org.tribuo.common.nearest.KNNModel");
    static final String CONSTANT = "\u0000constant";
    /**
     * One native XGBoost call at a time in this JVM: training already uses every core through OpenMP, and once (in
     * CI) a training that overlapped a cancelled one found its booster configured with the other's features.
     */
    static final Object NATIVE = new Object();
    /** Tribuo's trainers report every run at INFO level on stderr; the leaderboard already says what matters. */
    private static final java.util.logging.Logger TRIBUO_LOG = java.util.logging.Logger.getLogger("org.tribuo");

    static {
        TRIBUO_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    private final ProblemType type;
    private final List<String> classes;
    private final FeatureEncoder encoder;
    private final Model<?> model;
    /** The boosters' trees for scoring in Java, read on first use (null entries: score through XGBoost). */
    private volatile List<TreeScorer> scorers;
    /**
     * A decision tree's training rows per node (nodes numbered depth first, the {@code <=} side before the other),
     * counted when it was built: what exact explanations weigh the branches with; null for other families and for
     * trees saved before it was kept.
     */
    private final double[] treeCover;
    /**
     * Nearest neighbours: a seeded sample of training rows, encoded, that a sampling estimate of SHAP values compares
     * rows with; null for other families and for models saved before it was kept.
     */
    private final double[][] background;
    /** Training rows kept for {@link #background}. */
    public static final int BACKGROUND_ROWS = 50;

    private LearnedModel(ProblemType type, List<String> classes, FeatureEncoder encoder, Model<?> model,
                         double[] treeCover, double[][] background) {
        this.type = type;
        this.classes = List.copyOf(classes);
        this.encoder = encoder;
        this.model = model;
        this.treeCover = treeCover;
        this.background = background;
    }

    LearnedModel(ProblemType type, List<String> classes, FeatureEncoder encoder, Model<?> model) {
        this(type, classes, encoder, model, null, null);
    }

    /** The problem type. */
    public ProblemType type() {
        return type;
    }

    /** The classes, most frequent in training first (binary: the positive class is the second). */
    public List<String> classes() {
        return classes;
    }

    /** The feature encoding learned on the training rows. */
    public FeatureEncoder encoder() {
        return encoder;
    }

    /** The Tribuo model (for exports). */
    public Model<?> tribuoModel() {
        return model;
    }

    /**
     * Trains {@code learner} on {@code rows} (which must all have a target value); the features are standardised
     * on the same rows when the learner needs it.
     *
     * @throws IllegalArgumentException when there is nothing to learn from (no usable column, one class)
     */
    public static LearnedModel train(Table table, String target, ProblemType type, List<String> features, int[] rows,
                                     Learner learner, long seed) {
        Column<?> y = table.column(target);
        FeatureEncoder encoder = FeatureEncoder.fit(table, features, rows);
        if (encoder.featureNames().isEmpty()) {
            throw new IllegalArgumentException("no usable input columns");
        }
        // XGBoost's trees send a new blank down the heavier branch (TreeScorer); every other family takes the median
        encoder = encoder.withMissingProfile(table, rows, !learner.nativeCode());
        if (learner.scaled()) {
            encoder = encoder.standardised(table, rows);
        }
        int threads = Runtime.getRuntime().availableProcessors();
        if (type == ProblemType.REGRESSION) {
            RegressionFactory factory = new RegressionFactory();
            MutableDataset<Regressor> data = dataset(table, encoder, rows, factory,
                    r -> new Regressor("target", Values.number(y, r)));
            return withCover(new LearnedModel(type, List.of(), encoder, fit(learner.regressor(seed, threads), data,
                    learner)), table, rows);
        }
        List<String> classes = classes(y, rows);
        if (classes.size() < 2) {
            throw new IllegalArgumentException("the training rows have a single class");
        }
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> data = dataset(table, encoder, rows, factory, r -> new Label(Values.label(y, r)));
        return withCover(new LearnedModel(type, classes, encoder, fit(learner.classifier(seed, threads), data,
                learner)), table, rows);
    }

    /**
     * A decision tree with the count of training rows at each of its nodes; nearest neighbours with a sample of its
     * training rows; any other model as it is (what explaining it needs).
     */
    private static LearnedModel withCover(LearnedModel m, Table table, int[] rows) {
        if (m.model instanceof org.tribuo.common.nearest.KNNModel) {
            return new LearnedModel(m.type, m.classes, m.encoder, m.model, null,
                    ExplanationState.background(m, table, rows));
        }
        if (m.model instanceof org.tribuo.common.tree.TreeModel) {
            return new LearnedModel(m.type, m.classes, m.encoder, m.model, ExplanationState.treeCover(m, table, rows),
                    null);
        }
        return m;
    }

    /** Nearest neighbours' sample of encoded training rows, or null (see {@link #background}); saved with it. */
    public double[][] background() {
        return background == null ? null : background.clone();
    }

    /** The same model with its sample of training rows read back from its folder. */
    public LearnedModel withBackground(double[][] rows) {
        return new LearnedModel(type, classes, encoder, model, treeCover, rows);
    }

    /** The decision tree's training rows per node, or null (see {@link #treeCover}); saved with the model. */
    public double[] treeCover() {
        return treeCover == null ? null : treeCover.clone();
    }

    /** The same model with the decision tree's node counts read back from its folder. */
    public LearnedModel withTreeCover(double[] cover) {
        return new LearnedModel(type, classes, encoder, model, cover == null ? null : cover.clone(), background);
    }

    /**
     * The trees of a boosted-tree, forest or decision-tree model as arrays, with what explaining them needs (the
     * training weight of every node); empty for other families, and for a decision tree saved before node counts were
     * kept.
     */
    public java.util.Optional<DecisionTrees> decisionTrees() {
        if (model instanceof XGBoostModel && treeScorers() != null) {
            return java.util.Optional.ofNullable(XGBoostTrees.of(this, treeScorers(), classOrder()));
        }
        if (model instanceof org.tribuo.common.tree.TreeModel && treeCover != null) {
            return java.util.Optional.of(TribuoTrees.of(this, treeCover));
        }
        return java.util.Optional.empty();
    }

    /** The weights of a linear model (see {@link LinearWeights}), in {@link #classes()} order; else empty. */
    public java.util.Optional<LinearWeights> linearWeights() {
        if (!encoder.isStandardised()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.ofNullable(LinearModels.weights(this));
    }

    /**
     * The model's answers for rows given as encoded features ({@link #features}): class probabilities in
     * {@link #classes()} order, or {@code [value]} for regression; through Tribuo (the sampling estimate of the
     * families without an exact explanation).
     */
    @SuppressWarnings("unchecked")
    public double[][] outputsOfFeatures(double[][] x) {
        List<String> names = encoder.featureNames();
        boolean regression = type == ProblemType.REGRESSION;
        List<Example<Label>> labelled = new ArrayList<>();
        List<Example<Regressor>> valued = new ArrayList<>();
        for (double[] row : x) {
            List<String> n = new ArrayList<>();
            List<Double> v = new ArrayList<>();
            n.add(CONSTANT);
            v.add(1.0);
            for (int f = 0; f < row.length; f++) {
                if (!Double.isNaN(row[f])) {
                    n.add(names.get(f));
                    v.add(row[f]);
                }
            }
            String[] fn = n.toArray(new String[0]);
            double[] fv = v.stream().mapToDouble(Double::doubleValue).toArray();
            if (regression) {
                valued.add(new ArrayExample<>(RegressionFactory.UNKNOWN_REGRESSOR, fn, fv));
            } else {
                labelled.add(new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, fn, fv));
            }
        }
        double[][] out = new double[x.length][];
        if (regression) {
            List<Prediction<Regressor>> p = predict((Model<Regressor>) model, valued);
            for (int i = 0; i < x.length; i++) {
                out[i] = new double[] {p.get(i).getOutput().getValues()[0]};
            }
            return out;
        }
        List<Prediction<Label>> p = predict((Model<Label>) model, labelled);
        for (int i = 0; i < x.length; i++) {
            out[i] = new double[classes.size()];
            for (Map.Entry<String, Label> e : p.get(i).getOutputScores().entrySet()) {
                int c = classes.indexOf(e.getKey());
                if (c >= 0) {
                    out[i][c] = e.getValue().getScore();
                }
            }
        }
        return out;
    }

    /** The rows encoded as the model reads them, one array per row in {@link FeatureEncoder#featureNames()} order. */
    public double[][] features(Table table, int[] rows) {
        Column<?>[] source = encoder.columns(table);
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = new double[encoder.featureNames().size()];
            encoder.encode(source, rows[i], out[i]);
        }
        return out;
    }

    private static <T extends Output<T>> Model<T> fit(Trainer<T> trainer, MutableDataset<T> data, Learner learner) {
        if (!learner.nativeCode()) {
            return timeless(trainer.train(data));
        }
        synchronized (NATIVE) {
            return timeless(trainer.train(data));
        }
    }

    /** The moment every model and data source is stamped with: the time of a build lives in its run record. */
    static final java.time.OffsetDateTime NO_TIME = java.time.OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0,
            java.time.ZoneOffset.UTC);

    /**
     * The same model with its training time replaced by {@link #NO_TIME}, so the same data, settings and seed give
     * byte-identical model files (Tribuo stamps the time into the model's provenance; nothing else in it varies).
     */
    @SuppressWarnings("unchecked")
    static <T extends Output<T>> Model<T> timeless(Model<T> model) {
        org.tribuo.provenance.ModelProvenance p = model.getProvenance();
        org.tribuo.provenance.ModelProvenance fixed = new org.tribuo.provenance.ModelProvenance(p.getClassName(),
                NO_TIME, p.getDatasetProvenance(), p.getTrainerProvenance(),
                new java.util.LinkedHashMap<>(p.getInstanceProvenance().getMap()));
        try {
            java.lang.reflect.Method copy = Model.class.getDeclaredMethod("copy", String.class,
                    org.tribuo.provenance.ModelProvenance.class);
            copy.setAccessible(true); // Tribuo's own copy-with-provenance, protected in Model
            return (Model<T>) copy.invoke(model, model.getName(), fixed);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return model; // the model is right either way; only its bytes would carry the time
        }
    }

    /** The classes of the rows, most frequent first (ties by name). */
    public static List<String> classes(Column<?> y, int[] rows) {
        Map<String, Integer> counts = new HashMap<>();
        for (int r : rows) {
            String v = Values.label(y, r);
            if (v != null) {
                counts.merge(v, 1, Integer::sum);
            }
        }
        return counts.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue).reversed()
                        .thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey).toList();
    }

    /**
     * Class probabilities of each row, in {@link #classes()} order (classification): boosted trees and forests
     * walked in Java, about twenty times faster than Tribuo's per-row prediction, which scores the other families
     * and any booster the Java scorer does not handle.
     */
    public double[][] probabilities(Table table, int[] rows) {
        return model instanceof XGBoostModel && treeScorers() != null ? fastProbabilities(table, rows)
                : tribuoProbabilities(table, rows);
    }

    /** Predicted values of each row (regression), the same way. */
    public double[] values(Table table, int[] rows) {
        return model instanceof XGBoostModel && treeScorers() != null ? fastValues(table, rows)
                : tribuoValues(table, rows);
    }

    /** The same through Tribuo's own prediction (the other families; and to check the fast path against). */
    @SuppressWarnings("unchecked")
    double[][] tribuoProbabilities(Table table, int[] rows) {
        Model<Label> m = (Model<Label>) model;
        List<Prediction<Label>> predictions = inParts(rows, part -> predict(m, examples(table, encoder, part,
                r -> LabelFactory.UNKNOWN_LABEL)));
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < classes.size(); i++) {
            index.put(classes.get(i), i);
        }
        double[][] out = new double[rows.length][classes.size()];
        for (int i = 0; i < rows.length; i++) {
            for (Map.Entry<String, Label> e : predictions.get(i).getOutputScores().entrySet()) {
                Integer c = index.get(e.getKey());
                if (c != null) {
                    out[i][c] = e.getValue().getScore();
                }
            }
        }
        return out;
    }

    /** The same through Tribuo's own prediction (the other families; and to check the fast path against). */
    @SuppressWarnings("unchecked")
    double[] tribuoValues(Table table, int[] rows) {
        Model<Regressor> m = (Model<Regressor>) model;
        List<Prediction<Regressor>> predictions = inParts(rows, part -> predict(m, examples(table, encoder, part,
                r -> RegressionFactory.UNKNOWN_REGRESSOR)));
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = predictions.get(i).getOutput().getValues()[0];
        }
        return out;
    }

    /** Rows at which scoring is split over the processors: below it, handing parts to threads costs more. */
    private static final int PARALLEL_ROWS = 4096;

    /**
     * Predictions of the rows in order, made in parts on all processors when there are many rows and the model is
     * not the native library (which takes one call at a time). Rows are scored independently, so the parts give
     * exactly what one call gives.
     */
    private <T extends Output<T>> List<Prediction<T>> inParts(int[] rows,
            java.util.function.Function<int[], List<Prediction<T>>> score) {
        int cores = Runtime.getRuntime().availableProcessors();
        if (rows.length < PARALLEL_ROWS || cores < 2 || model instanceof XGBoostModel) {
            return score.apply(rows);
        }
        int parts = Math.min(cores, rows.length / (PARALLEL_ROWS / 2));
        int size = (rows.length + parts - 1) / parts;
        List<List<Prediction<T>>> done = java.util.stream.IntStream.range(0, parts).parallel()
                .mapToObj(p -> score.apply(java.util.Arrays.copyOfRange(rows, p * size,
                        Math.min(rows.length, (p + 1) * size)))).toList();
        List<Prediction<T>> out = new ArrayList<>(rows.length);
        done.forEach(out::addAll);
        return out;
    }

    private <T extends Output<T>> List<Prediction<T>> predict(Model<T> m, List<Example<T>> examples) {
        if (!(m instanceof XGBoostModel)) {
            return m.predict(examples);
        }
        synchronized (NATIVE) {
            return m.predict(examples);
        }
    }

    /** {@link FeatureEncoder#missingNeverSeen()} by XGBoost's feature index (Tribuo's feature id); null if unknown. */
    private boolean[] neverMissingById() {
        boolean[] byFeature = encoder.missingNeverSeen();
        if (byFeature == null) {
            return null;
        }
        org.tribuo.ImmutableFeatureMap ids = ((XGBoostModel<?>) model).getFeatureIDMap();
        boolean[] out = new boolean[ids.size()];
        List<String> names = encoder.featureNames();
        for (int f = 0; f < names.size(); f++) {
            int id = ids.getID(names.get(f));
            if (id >= 0) {
                out[id] = byFeature[f];
            }
        }
        return out;
    }

    /** The boosters as Java tree scorers, or null when one of them has something only XGBoost can score. */
    private List<TreeScorer> treeScorers() {
        List<TreeScorer> known = scorers;
        if (known == null) {
            List<TreeScorer> read = new java.util.ArrayList<>();
            try {
                for (ml.dmlc.xgboost4j.java.Booster b : ((XGBoostModel<?>) model).getInnerModels()) {
                    byte[] json;
                    synchronized (NATIVE) {
                        json = b.toByteArray("json");
                    }
                    read.add(TreeScorer.of(json, neverMissingById()));
                }
            } catch (IOException | ml.dmlc.xgboost4j.java.XGBoostError e) {
                read.add(null);
            }
            known = read;
            scorers = known;
        }
        return known.contains(null) ? null : known;
    }

    /**
     * Raw booster outputs for many rows, walking the trees in Java: the rows are encoded and scored a block at a
     * time on every core, with no per-row objects.
     */
    private float[][] javaScores(List<TreeScorer> trees, Table table, int[] rows) {
        return javaScores(trees, table, rows, null)[0];
    }

    /**
     * The same after each number of boosting rounds in {@code rounds} ({@code [stage][row][output]}); all the
     * rounds when {@code rounds} is null (one stage).
     */
    private float[][][] javaScores(List<TreeScorer> trees, Table table, int[] rows, int[] rounds) {
        XGBoostModel<?> xgb = (XGBoostModel<?>) model;
        org.tribuo.ImmutableFeatureMap ids = xgb.getFeatureIDMap();
        List<String> names = encoder.featureNames();
        int width = ids.size();
        int[] column = new int[names.size()];
        for (int f = 0; f < names.size(); f++) {
            column[f] = ids.getID(names.get(f));
        }
        int constant = ids.getID(CONSTANT);
        Column<?>[] source = encoder.columns(table);
        int outputs = type == ProblemType.REGRESSION ? trees.size() : classes.size();
        int stages = rounds == null ? 1 : rounds.length;
        float[][][] out = new float[stages][rows.length][];
        int block = 64; // rows scored together: their features stay in the cache while every tree passes
        java.util.stream.IntStream.range(0, (rows.length + block - 1) / block).parallel().forEach(b -> {
            double[] x = new double[names.size()];
            int from = b * block;
            int n = Math.min(rows.length, from + block) - from;
            float[] features = new float[n * width];
            java.util.Arrays.fill(features, Float.NaN);
            for (int i = 0; i < n; i++) {
                encoder.encode(source, rows[from + i], x);
                int at = i * width;
                if (constant >= 0) {
                    features[at + constant] = 1;
                }
                for (int f = 0; f < x.length; f++) {
                    if (column[f] >= 0 && !Double.isNaN(x[f])) {
                        features[at + column[f]] = (float) x[f];
                    }
                }
            }
            int per = trees.get(0).outputs();
            float[][] scores = new float[stages][n * per];
            for (int t = 0; t < trees.size(); t++) { // one booster for classes; one per output for regression
                if (rounds == null) {
                    trees.get(t).scoreBlock(features, width, n, scores[0]);
                } else {
                    trees.get(t).scoreStaged(features, width, n, rounds, scores);
                }
                for (int s = 0; s < stages; s++) {
                    for (int i = 0; i < n; i++) {
                        if (t == 0) {
                            out[s][from + i] = new float[outputs];
                        }
                        if (trees.size() == 1) {
                            System.arraycopy(scores[s], i * per, out[s][from + i], 0, outputs);
                        } else {
                            out[s][from + i][t] = scores[s][i * per];
                        }
                    }
                }
            }
        });
        return out;
    }

    /**
     * The boosting rounds this model can be read at with {@link #stagedPredictions}: its number of rounds for
     * gradient-boosted trees, 0 for any other model (forests grow their trees in one round).
     */
    public int rounds() {
        if (!(model instanceof XGBoostModel) || treeScorers() == null) {
            return 0;
        }
        int least = Integer.MAX_VALUE;
        for (TreeScorer t : treeScorers()) {
            least = Math.min(least, t.rounds());
        }
        return least <= 1 ? 0 : least;
    }

    /**
     * What the model would predict had it been trained for only {@code rounds[s]} boosting rounds, for each stage
     * {@code s} (increasing, at most {@link #rounds()}): {@code [stage][row][class]} probabilities in
     * {@link #classes()} order, or {@code [stage][row][0]} values for regression. One walk of the trees serves every
     * stage, so a search can stop boosting early without training once per number of rounds.
     */
    public double[][][] stagedPredictions(Table table, int[] rows, int[] rounds) {
        if (rounds() == 0) {
            throw new IllegalStateException("only gradient-boosted trees have boosting rounds");
        }
        float[][][] raw = javaScores(treeScorers(), table, rows, rounds);
        int[] classOf = classOrder();
        double[][][] out = new double[rounds.length][rows.length][];
        for (int s = 0; s < rounds.length; s++) {
            for (int i = 0; i < rows.length; i++) {
                out[s][i] = type == ProblemType.REGRESSION ? new double[] {raw[s][i][0]}
                        : reorder(raw[s][i], classOf);
            }
        }
        return out;
    }

    /** For each of Tribuo's output ids, the index of its class in {@link #classes()}. */
    private int[] classOrder() {
        if (type == ProblemType.REGRESSION) {
            return new int[0];
        }
        @SuppressWarnings("unchecked")
        org.tribuo.ImmutableOutputInfo<Label> info = (org.tribuo.ImmutableOutputInfo<Label>) model.getOutputIDInfo();
        int[] classOf = new int[classes.size()];
        for (int id = 0; id < classes.size(); id++) {
            classOf[id] = classes.indexOf(info.getOutput(id).getLabel());
        }
        return classOf;
    }

    private double[] reorder(float[] raw, int[] classOf) {
        double[] out = new double[classes.size()];
        for (int id = 0; id < classOf.length && id < raw.length; id++) {
            out[classOf[id]] = raw[id];
        }
        return out;
    }

    /** Class probabilities of many rows, in {@link #classes()} order, through {@link #javaScores}. */
    double[][] fastProbabilities(Table table, int[] rows) {
        int[] classOf = classOrder();
        float[][] raw = javaScores(treeScorers(), table, rows);
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = reorder(raw[i], classOf);
        }
        return out;
    }

    /** Predicted values of many rows (regression), through {@link #javaScores}. */
    double[] fastValues(Table table, int[] rows) {
        float[][] raw = javaScores(treeScorers(), table, rows);
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = raw[i][0];
        }
        return out;
    }

    /**
     * Each input column's share of the model's own measure of importance, largest first: split gain for boosted
     * trees and forests, absolute weights (of standardised features, summed over the classes) for the linear
     * models, splits for a decision tree; empty for nearest neighbours, whose column impact is only the
     * permutation importance measured on the test rows. {@link #importanceMeaning()} says which.
     */
    public List<QuickModelResult.Importance> importances() {
        List<Map<String, Double>> parts = new ArrayList<>();
        if (model instanceof XGBoostModel<?> xgb) {
            synchronized (NATIVE) { // read from the boosters by XGBoost
                for (XGBoostFeatureImportance importance : xgb.getFeatureImportance()) {
                    parts.add(importance.getTotalGain());
                }
            }
        } else {
            for (List<com.oracle.labs.mlrg.olcut.util.Pair<String, Double>> top : model.getTopFeatures(-1).values()) {
                Map<String, Double> part = new HashMap<>();
                top.forEach(p -> part.merge(p.getA(), Math.abs(p.getB()), Double::sum));
                parts.add(part);
            }
        }
        Map<String, String> source = new HashMap<>();
        for (int i = 0; i < encoder.featureNames().size(); i++) {
            source.put(encoder.featureNames().get(i), encoder.featureSources().get(i));
        }
        Map<String, Double> byColumn = new LinkedHashMap<>();
        double total = 0;
        for (Map<String, Double> part : parts) {
            for (Map.Entry<String, Double> e : part.entrySet()) {
                String column = source.get(e.getKey()); // the constant and the linear models' bias have none
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

    /** What {@link #importances()} measures, in words (empty when the model has no measure of its own). */
    public String importanceMeaning() {
        if (model instanceof XGBoostModel) {
            return "Share of the model's total split gain.";
        }
        if (model instanceof org.tribuo.common.tree.TreeModel) {
            return "Share of the tree's splits.";
        }
        if (model instanceof org.tribuo.ONNXExportable) {
            return "Share of the model's absolute weights on standardised features.";
        }
        return "";
    }

    /** Whether Tribuo can export this model to ONNX (the linear families). */
    public boolean exportsOnnx() {
        return model instanceof org.tribuo.ONNXExportable;
    }

    /**
     * Writes the model as ONNX (see {@link #exportsOnnx()}). Its input is one float row per example with the
     * features of {@link #onnxInputs()}, in that order, encoded as {@link #encoder()} does.
     */
    public void saveOnnx(Path file) throws IOException {
        ((org.tribuo.ONNXExportable) model).saveONNXModel("io.tablewise", 1, file);
    }

    /** The ONNX input's columns: feature names in the model's order, the constant as "(constant 1)". */
    public List<String> onnxInputs() {
        List<String> out = new ArrayList<>();
        org.tribuo.ImmutableFeatureMap ids = model.getFeatureIDMap();
        for (int id = 0; id < ids.size(); id++) {
            String name = ids.get(id).getName();
            out.add(CONSTANT.equals(name) ? "(constant 1)" : name);
        }
        return out;
    }

    /** Writes the model in Tribuo's protobuf form. */
    public void saveModel(Path file) throws IOException {
        synchronized (NATIVE) { // the boosters are written by XGBoost
            model.serializeToFile(file);
        }
    }

    /**
     * Reads a model written by {@link #saveModel}; the class named in the file must be on the allow-list, so a
     * tampered or foreign file fails with a message instead of building anything else.
     */
    public static LearnedModel load(Path file, ProblemType type, List<String> classes, FeatureEncoder encoder)
            throws IOException {
        ModelProto proto;
        try {
            byte[] bytes = Files.readAllBytes(file);
            // every class named anywhere in the file is checked before Tribuo loads any of them
            ModelClassCheck.check(bytes, file.getFileName().toString());
            proto = ModelProto.parseFrom(bytes);
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new IOException(file.getFileName() + " is not a Tablewise model file (" + e.getMessage() + ")");
        }
        if (!ALLOWED.contains(proto.getClassName())) {
            throw new IOException(file.getFileName() + " holds a '" + proto.getClassName() + "', which Tablewise "
                    + "does not load");
        }
        try {
            Model<?> read;
            synchronized (NATIVE) { // the boosters are rebuilt by XGBoost
                read = Model.deserialize(proto);
            }
            return new LearnedModel(type, classes, encoder, read, null, null);
        } catch (RuntimeException e) {
            throw new IOException(file.getFileName() + " could not be read: " + e.getMessage(), e);
        }
    }

    private static <T extends Output<T>> MutableDataset<T> dataset(Table table, FeatureEncoder encoder, int[] rows,
                                                                   OutputFactory<T> factory, IntFunction<T> output) {
        MutableDataset<T> data = new MutableDataset<>(new SimpleDataSourceProvenance("tablewise table", NO_TIME,
                factory), factory);
        for (Example<T> e : examples(table, encoder, rows, output)) {
            data.add(e);
        }
        return data;
    }

    private static <T extends Output<T>> List<Example<T>> examples(Table table, FeatureEncoder encoder, int[] rows,
                                                                   IntFunction<T> output) {
        List<String> names = encoder.featureNames();
        List<Example<T>> out = new ArrayList<>(rows.length);
        String[] buffer = new String[names.size() + 1];
        double[] values = new double[names.size() + 1];
        Column<?>[] source = encoder.columns(table);
        double[] x = new double[names.size()];
        for (int r : rows) {
            encoder.encode(source, r, x);
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
}
