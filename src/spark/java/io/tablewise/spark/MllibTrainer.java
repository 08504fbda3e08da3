package io.tablewise.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.ml.classification.GBTClassificationModel;
import org.apache.spark.ml.classification.GBTClassifier;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.linalg.Matrix;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.regression.DecisionTreeRegressionModel;
import org.apache.spark.ml.regression.GBTRegressionModel;
import org.apache.spark.ml.regression.GBTRegressor;
import org.apache.spark.ml.regression.LinearRegression;
import org.apache.spark.ml.regression.LinearRegressionModel;
import org.apache.spark.ml.tree.ContinuousSplit;
import org.apache.spark.ml.tree.InternalNode;
import org.apache.spark.ml.tree.Node;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

import tech.tablesaw.api.Table;

import io.tablewise.ml.ExternalModels;
import io.tablewise.ml.FeatureEncoder;
import io.tablewise.ml.LearnedModel;
import io.tablewise.ml.Learner;
import io.tablewise.ml.ProblemType;
import io.tablewise.ml.Values;
import io.tablewise.model.FinalTrainer;
import io.tablewise.node.NodeException;
import io.tablewise.transform.TransformChain;

/**
 * A model build's final model trained by Spark MLlib on every training row (run option {@code tablewise.mllib=gbt}
 * or {@code linear}): the build's transforms and feature encoding, fitted on the driver's sample of the training
 * rows, are replayed on every training row in the executors; MLlib's gradient-boosted trees (two classes, or numbers)
 * or logistic / linear regression learn from all of them; the result becomes a Tablewise model of the boosted-tree or
 * linear family ({@link ExternalModels}), saved, scored, explained and served like any other.
 */
final class MllibTrainer implements FinalTrainer {
    /** The run option naming the MLlib algorithm; its settings are {@code conf.tablewise.mllib.*}. */
    static final String ALGORITHM = "conf.tablewise.mllib";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String algorithm;
    private final Dataset<Row> rows;
    private final int[] testRows;
    private final Map<String, String> options;
    private long trained;

    /**
     * @param algorithm {@code gbt} or {@code linear}
     * @param rows every training row on Spark, as they reach the build (before the transforms it refits)
     * @param testRows the test rows of the table the build receives on the driver
     * @param options the run's settings ({@code conf.tablewise.mllib.*})
     */
    MllibTrainer(String algorithm, Dataset<Row> rows, int[] testRows, Map<String, String> options) {
        if (!algorithm.equals("gbt") && !algorithm.equals("linear")) {
            throw new IllegalArgumentException("tablewise.mllib=" + algorithm + " is not an MLlib algorithm "
                    + "Tablewise trains; use gbt (gradient-boosted trees) or linear (logistic or linear regression)");
        }
        this.algorithm = algorithm;
        this.rows = rows;
        this.testRows = testRows.clone();
        this.options = options;
    }

    private int trees() {
        return (int) setting("trees", 100);
    }

    private int depth() {
        return (int) setting("depth", 5);
    }

    private double stepSize() {
        return setting("stepSize", 0.1);
    }

    private int bins() {
        return (int) setting("maxBins", 64);
    }

    private double regularisation() {
        return setting("regParam", 0.0);
    }

    private double setting(String name, double otherwise) {
        String v = options.get(ALGORITHM + "." + name);
        if (v == null) {
            return otherwise;
        }
        try {
            return Double.parseDouble(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("tablewise.mllib." + name + "=" + v + " is not a number");
        }
    }

    @Override
    public int[] testRows() {
        return testRows.clone();
    }

    @Override
    public Learner like() {
        return algorithm.equals("gbt") ? new Learner.Boosted(trees(), depth(), stepSize(), 1, 1, 1, 1)
                : Learner.LibLinear.defaults();
    }

    @Override
    public String name(ProblemType type) {
        String what = algorithm.equals("gbt") ? "gradient-boosted trees"
                : type == ProblemType.REGRESSION ? "linear regression" : "logistic regression";
        return what + " (Spark MLlib" + (trained > 0 ? String.format(Locale.ROOT, ", on all %,d training rows",
                trained) : "") + ")";
    }

    @Override
    public Map<String, Object> settings() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("algorithm", "mllib-" + algorithm);
        if (algorithm.equals("gbt")) {
            out.put("trees", trees());
            out.put("depth", depth());
            out.put("stepSize", stepSize());
            out.put("maxBins", bins());
        } else {
            out.put("regParam", regularisation());
        }
        out.put("trainingRows", trained);
        return out;
    }

    @Override
    public LearnedModel train(TransformChain.Fitted chain, Table train, String target, ProblemType type,
                              List<String> features, int[] labelled, long seed) throws NodeException {
        boolean linear = algorithm.equals("linear");
        List<String> classes = type == ProblemType.REGRESSION ? List.of()
                : LearnedModel.classes(train.column(target), labelled);
        if (!linear && type == ProblemType.MULTICLASS) {
            throw new NodeException("target", "Spark MLlib's gradient-boosted trees tell two classes apart and '"
                    + target + "' has " + classes.size() + "; run with --conf tablewise.mllib=linear (logistic "
                    + "regression), or without tablewise.mllib to train on the driver's sample");
        }
        FeatureEncoder encoder;
        try {
            encoder = ExternalModels.encoding(train, features, labelled, linear);
        } catch (IllegalArgumentException e) {
            throw new NodeException("target", "no model can be built: " + e.getMessage());
        }
        Dataset<Row> encoded = encoded(chain, encoder, target, type, classes).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            trained = encoded.count();
            if (trained == 0) {
                throw new NodeException("target", "no training row has a value in '" + target + "'");
            }
            return linear ? linear(encoded, type, classes, encoder) : boosted(encoded, type, classes, encoder, seed);
        } finally {
            encoded.unpersist();
        }
    }

    /** Every training row through the fitted chain and the encoding, in the executors: (label, features). */
    private Dataset<Row> encoded(TransformChain.Fitted chain, FeatureEncoder encoder, String target, ProblemType type,
                                 List<String> classes) throws NodeException {
        List<String> groups = ScoreStep.windowGroups(chain, rows);
        Dataset<Row> in = rows;
        if (!groups.isEmpty()) {
            org.apache.spark.sql.Column[] by = groups.stream().map(c -> org.apache.spark.sql.functions.col(
                    SparkAggregates.quoted(c))).toArray(org.apache.spark.sql.Column[]::new);
            in = in.repartition(by).sortWithinPartitions(by);
        }
        String state;
        try {
            state = JSON.writeValueAsString(Map.of("chain", chain.describe(), "encoder", encoder.state()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        StructType out = new StructType().add("label", DataTypes.DoubleType, false).add("features", new VectorUDT(),
                false);
        return in.mapPartitions(new Encode(state, in.schema(), groups.stream().mapToInt(in.schema()::fieldIndex)
                .toArray(), target, type == ProblemType.REGRESSION, classes), Encoders.row(out));
    }

    private LearnedModel linear(Dataset<Row> encoded, ProblemType type, List<String> classes, FeatureEncoder e) {
        if (type == ProblemType.REGRESSION) {
            return fromLinear(new LinearRegression().setStandardization(false).setRegParam(regularisation())
                    .setElasticNetParam(0).setMaxIter(100).setTol(1e-9).fit(encoded), e);
        }
        return fromLogistic(new LogisticRegression().setFamily(type == ProblemType.BINARY ? "binomial"
                : "multinomial").setStandardization(false).setRegParam(regularisation()).setElasticNetParam(0)
                .setMaxIter(200).setTol(1e-9).fit(encoded), type, classes, e);
    }

    /** MLlib's linear regression as Tablewise's linear model. */
    static LearnedModel fromLinear(LinearRegressionModel m, FeatureEncoder e) {
        return ExternalModels.linear(ProblemType.REGRESSION, List.of(), e, new double[][] {m.coefficients()
                .toArray()}, new double[] {m.intercept()});
    }

    /** MLlib's logistic regression (label k: the k-th class) as Tablewise's linear model. */
    static LearnedModel fromLogistic(LogisticRegressionModel m, ProblemType type, List<String> classes,
                                     FeatureEncoder e) {
        int features = e.featureNames().size();
        double[][] w = new double[classes.size()][features];
        double[] b = new double[classes.size()];
        if (type == ProblemType.BINARY) {
            w[1] = m.coefficients().toArray(); // the log-odds of label 1, the second class
            b[1] = m.intercept();
        } else {
            Matrix c = m.coefficientMatrix();
            for (int k = 0; k < classes.size(); k++) {
                for (int f = 0; f < features; f++) {
                    w[k][f] = c.apply(k, f);
                }
                b[k] = m.interceptVector().apply(k);
            }
        }
        return ExternalModels.linear(type, classes, e, w, b);
    }

    private LearnedModel boosted(Dataset<Row> encoded, ProblemType type, List<String> classes, FeatureEncoder e,
                                 long seed) {
        if (type == ProblemType.REGRESSION) {
            GBTRegressionModel m = new GBTRegressor().setMaxIter(trees()).setMaxDepth(depth()).setStepSize(stepSize())
                    .setMaxBins(bins()).setSeed(seed).fit(encoded);
            return fromTrees(m.trees(), m.treeWeights(), type, classes, e);
        }
        GBTClassificationModel m = new GBTClassifier().setMaxIter(trees()).setMaxDepth(depth())
                .setStepSize(stepSize()).setMaxBins(bins()).setSeed(seed).fit(encoded);
        return fromTrees(m.trees(), m.treeWeights(), type, classes, e);
    }

    /**
     * MLlib's boosted trees as Tablewise's boosted-tree model: each tree's leaves times its weight; for two classes
     * times 2 as well (MLlib's logistic loss on labels ±1 gives P(label 1) = 1 / (1 + exp(-2F))).
     */
    static LearnedModel fromTrees(DecisionTreeRegressionModel[] trees, double[] weights, ProblemType type,
                                  List<String> classes, FeatureEncoder e) {
        double scale = type == ProblemType.REGRESSION ? 1 : 2;
        List<ExternalModels.Tree> out = new ArrayList<>();
        double[] fill = e.trainingMedians();
        for (int k = 0; k < trees.length; k++) {
            out.add(tree(trees[k].rootNode(), scale * weights[k], fill));
        }
        return ExternalModels.boostedTrees(type, classes, e, out, 0);
    }

    /**
     * MLlib's tree as arrays, nodes numbered depth first; leaves scaled by {@code weight}; a missing value goes where
     * its training stand-in {@code fill[feature]} went (MLlib saw the median in its place).
     */
    static ExternalModels.Tree tree(Node root, double weight, double[] fill) {
        List<Node> nodes = new ArrayList<>();
        collect(root, nodes);
        int n = nodes.size();
        int[] left = new int[n];
        int[] right = new int[n];
        int[] feature = new int[n];
        double[] threshold = new double[n];
        double[] value = new double[n];
        double[] cover = new double[n];
        boolean[] missingLeft = new boolean[n];
        double[] gain = new double[n];
        java.util.IdentityHashMap<Node, Integer> index = new java.util.IdentityHashMap<>();
        for (int i = 0; i < n; i++) {
            index.put(nodes.get(i), i);
        }
        for (int i = 0; i < n; i++) {
            Node node = nodes.get(i);
            cover[i] = node.impurityStats().count();
            if (node instanceof InternalNode inner) {
                if (!(inner.split() instanceof ContinuousSplit split)) {
                    throw new IllegalStateException("MLlib made a categorical split Tablewise did not ask for");
                }
                left[i] = index.get(inner.leftChild());
                right[i] = index.get(inner.rightChild());
                feature[i] = split.featureIndex();
                threshold[i] = split.threshold();
                missingLeft[i] = fill[feature[i]] <= threshold[i];
                gain[i] = inner.gain() * cover[i]; // MLlib's impurity drop per row, over the node's rows
            } else {
                left[i] = -1;
                right[i] = -1;
                feature[i] = -1;
                value[i] = weight * node.prediction();
            }
        }
        return new ExternalModels.Tree(left, right, feature, threshold, value, cover, missingLeft, gain);
    }

    private static void collect(Node node, List<Node> into) {
        into.add(node);
        if (node instanceof InternalNode inner) {
            collect(inner.leftChild(), into);
            collect(inner.rightChild(), into);
        }
    }

    /** Encodes one part in an executor. */
    static final class Encode implements MapPartitionsFunction<Row, Row> {
        private static final long serialVersionUID = 1L;
        private static final Map<String, Object[]> LOADED = new ConcurrentHashMap<>();
        private final String state;
        private final StructType in;
        private final int[] groups;
        private final String target;
        private final boolean regression;
        private final List<String> classes;

        Encode(String state, StructType in, int[] groups, String target, boolean regression, List<String> classes) {
            this.state = state;
            this.in = in;
            this.groups = groups;
            this.target = target;
            this.regression = regression;
            this.classes = List.copyOf(classes);
        }

        @Override
        public Iterator<Row> call(Iterator<Row> part) throws Exception {
            Object[] loaded = LOADED.computeIfAbsent(state, Encode::load);
            TransformChain.Fitted chain = (TransformChain.Fitted) loaded[0];
            FeatureEncoder encoder = (FeatureEncoder) loaded[1];
            double[] medians = encoder.trainingMedians();
            return PartSlices.map(part, groups, slice -> {
                Table t = chain.apply(SparkTables.table(in, slice), io.tablewise.transform.TransformContext.NONE);
                tech.tablesaw.columns.Column<?> y = t.column(target);
                tech.tablesaw.columns.Column<?>[] source = encoder.columns(t);
                List<Row> out = new ArrayList<>(t.rowCount());
                for (int r = 0; r < t.rowCount(); r++) {
                    double label;
                    if (regression) {
                        label = Values.number(y, r);
                    } else {
                        String l = y.isMissing(r) ? null : Values.label(y, r);
                        label = l == null ? Double.NaN : classes.indexOf(l);
                    }
                    if (Double.isNaN(label) || label < 0) {
                        continue; // no target value, or a class too rare to be in the driver's sample
                    }
                    double[] x = new double[encoder.featureNames().size()];
                    encoder.encode(source, r, x);
                    for (int f = 0; f < x.length; f++) {
                        // a blank the training rows also had stays missing in the encoding (trees route it); MLlib
                        // takes no missing value: it sees the training median, where the saved trees send a blank
                        x[f] = Double.isNaN(x[f]) ? medians[f] : x[f];
                    }
                    out.add(RowFactory.create(label, Vectors.dense(x)));
                }
                return out.iterator();
            });
        }

        private static Object[] load(String state) {
            try {
                Map<String, Object> s = JSON.readValue(state, new TypeReference<Map<String, Object>>() { });
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> chain = (List<Map<String, Object>>) s.get("chain");
                @SuppressWarnings("unchecked")
                Map<String, Object> encoder = (Map<String, Object>) s.get("encoder");
                return new Object[] {TransformChain.Fitted.fromDescription(chain), FeatureEncoder.fromState(encoder)};
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
