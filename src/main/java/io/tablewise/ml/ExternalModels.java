package io.tablewise.ml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;

import tech.tablesaw.api.Table;

import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Output;
import org.tribuo.OutputFactory;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.protos.ClassificationLinearSGDProto;
import org.tribuo.common.xgboost.protos.XGBoostModelProto;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.LinearParameters;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.protos.core.ModelProto;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.sgd.protos.RegressionLinearSGDProto;

/**
 * Models whose parameters were learned by another engine (Spark MLlib, on more rows than one computer holds) made into
 * Tablewise models of the families it already saves, scores, explains and serves: boosted regression trees become an
 * XGBoost booster (written as XGBoost's own JSON model, so the Java tree walk, TreeSHAP and XGBoost itself score it
 * alike), linear weights a Tribuo linear model. Nothing here knows Spark: the caller hands over plain arrays.
 */
public final class ExternalModels {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ExternalModels() {
    }

    /**
     * One regression tree over the encoder's features, nodes numbered from the root (0): an inner node sends a row
     * with {@code x[feature] <= threshold} to {@code left}, others to {@code right}; a leaf ({@code left == -1}) adds
     * {@code value}. {@code cover}: the training rows (or weight) that reached each node. {@code missingLeft}: where a
     * missing value goes at each inner node (the side its training stand-in went), or null for the heavier side.
     * {@code gain}: how much each split reduced the loss over its rows (the model's column importance adds them up),
     * or null.
     */
    public record Tree(int[] left, int[] right, int[] feature, double[] threshold, double[] value, double[] cover,
                       boolean[] missingLeft, double[] gain) {
        /** A tree whose missing values take the heavier side, its splits' gains unknown. */
        public Tree(int[] left, int[] right, int[] feature, double[] threshold, double[] value, double[] cover) {
            this(left, right, feature, threshold, value, cover, null, null);
        }
    }

    /**
     * The feature encoding an outside learner trains on, learned on {@code rows} as {@link LearnedModel#train} learns
     * it; a missing value becomes the training median (the outside learner never sees a missing value), and the
     * features are standardised when {@code scaled}.
     *
     * @throws IllegalArgumentException when no column is usable
     */
    public static FeatureEncoder encoding(Table table, List<String> features, int[] rows, boolean scaled) {
        FeatureEncoder e = FeatureEncoder.fit(table, features, rows);
        if (e.featureNames().isEmpty()) {
            throw new IllegalArgumentException("no usable input columns");
        }
        e = e.withMissingProfile(table, rows, true);
        return scaled ? e.standardised(table, rows) : e;
    }

    /**
     * A linear model: for classification, one row of weights and a bias per class in {@code classes} order, the
     * probabilities their softmax (a binary logistic regression: zeros for the first class, its weights for the
     * second); for regression, one row, the value itself.
     */
    public static LearnedModel linear(ProblemType type, List<String> classes, FeatureEncoder encoder,
                                      double[][] weights, double[] bias) {
        boolean regression = type == ProblemType.REGRESSION;
        Model<?> skeleton = skeleton(regression, classes, encoder, new Learner.LinearSgd(0.1, 1));
        org.tribuo.ImmutableFeatureMap ids = skeleton.getFeatureIDMap();
        int outputs = skeleton.getOutputIDInfo().size();
        DenseMatrix w = new DenseMatrix(outputs, ids.size() + 1);
        List<String> names = encoder.featureNames();
        for (int id = 0; id < outputs; id++) {
            int k = regression ? 0 : classes.indexOf(((Label) skeleton.getOutputIDInfo().getOutput(id)).getLabel());
            for (int f = 0; f < names.size(); f++) {
                int column = ids.getID(names.get(f));
                if (column >= 0) {
                    w.set(id, column, weights[k][f]);
                }
            }
            w.set(id, ids.size(), bias[k]); // the constant feature keeps weight 0; the bias is the last column
        }
        ModelProto proto = skeleton.serialize();
        Any params = Any.pack(new LinearParameters(w).serialize());
        try {
            Any data = proto.getSerializedData();
            Any replaced = regression
                    ? Any.pack(data.unpack(RegressionLinearSGDProto.class).toBuilder().setParams(params
                            .unpack(org.tribuo.math.protos.ParametersProto.class)).build())
                    : Any.pack(data.unpack(ClassificationLinearSGDProto.class).toBuilder().setParams(params
                            .unpack(org.tribuo.math.protos.ParametersProto.class)).build());
            return new LearnedModel(type, classes, encoder, Model.deserialize(proto.toBuilder()
                    .setSerializedData(replaced).build()));
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("Tribuo's linear model changed its format", e);
        }
    }

    /**
     * Boosted regression trees: each tree's leaves add to the positive class's log-odds (binary classification) or to
     * the value (regression), starting from {@code base}.
     *
     * @throws IllegalArgumentException for more than two classes
     */
    public static LearnedModel boostedTrees(ProblemType type, List<String> classes, FeatureEncoder encoder,
                                            List<Tree> trees, double base) {
        if (type == ProblemType.MULTICLASS) {
            throw new IllegalArgumentException("boosted trees from outside are binary or regression models");
        }
        boolean regression = type == ProblemType.REGRESSION;
        Model<?> skeleton = skeleton(regression, classes, encoder, new Learner.Boosted(1, 1, 0.1, 1, 1, 1, 1));
        org.tribuo.ImmutableFeatureMap ids = skeleton.getFeatureIDMap();
        List<String> names = encoder.featureNames();
        int[] idOf = new int[names.size()];
        for (int f = 0; f < idOf.length; f++) {
            idOf[f] = ids.getID(names.get(f));
        }
        @SuppressWarnings("unchecked")
        org.tribuo.ImmutableOutputInfo<Label> labels = (org.tribuo.ImmutableOutputInfo<Label>) skeleton
                .getOutputIDInfo();
        int positive = regression ? 0 : labels.getID(new Label(classes.get(1)));
        byte[] booster = boosterJson(trees, idOf, ids.size(), regression, positive, base);
        ModelProto proto = skeleton.serialize();
        try {
            XGBoostModelProto inner = proto.getSerializedData().unpack(XGBoostModelProto.class);
            ModelProto replaced = proto.toBuilder().setSerializedData(Any.pack(inner.toBuilder().setModels(0,
                    ByteString.copyFrom(booster)).build())).build();
            Model<?> read;
            synchronized (LearnedModel.NATIVE) {
                read = Model.deserialize(replaced);
            }
            return new LearnedModel(type, classes, encoder, read);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("Tribuo's XGBoost model changed its format", e);
        }
    }

    /**
     * XGBoost's JSON model of the trees: {@code reg:squarederror}, or for two classes {@code multi:softprob} as
     * Tablewise's own boosters are, each round a tree for the positive class and a zero leaf for the other (the
     * softmax of {@code (0, z)} is the logistic of {@code z}). A split {@code x <= t} becomes XGBoost's
     * {@code x < t'} with {@code t'} the next float above {@code t} (XGBoost compares 32-bit floats).
     */
    static byte[] boosterJson(List<Tree> trees, int[] idOf, int features, boolean regression, int positive,
                              double base) {
        List<Map<String, Object>> out = new ArrayList<>();
        List<Integer> info = new ArrayList<>();
        for (Tree t : trees) {
            if (regression) {
                out.add(tree(t, idOf, features, out.size()));
                info.add(0);
                continue;
            }
            double total = t.cover()[0];
            Tree zero = new Tree(new int[] {-1}, new int[] {-1}, new int[] {0}, new double[] {0}, new double[] {0},
                    new double[] {total});
            for (int g = 0; g < 2; g++) {
                out.add(tree(g == positive ? t : zero, idOf, features, out.size()));
                info.add(g);
            }
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("gbtree_model_param", Map.of("num_parallel_tree", "1", "num_trees", String.valueOf(out.size()),
                "size_leaf_vector", "0"));
        model.put("tree_info", info);
        model.put("trees", out);
        Map<String, Object> learner = new LinkedHashMap<>();
        learner.put("attributes", Map.of());
        learner.put("feature_names", List.of());
        learner.put("feature_types", List.of());
        learner.put("gradient_booster", Map.of("model", model, "name", "gbtree"));
        learner.put("learner_model_param", Map.of("base_score", number(regression ? base : 0.5), "num_class",
                regression ? "0" : "2", "num_feature", String.valueOf(features), "num_target", "1"));
        learner.put("objective", regression ? Map.of("name", "reg:squarederror", "reg_loss_param",
                Map.of("scale_pos_weight", "1")) : Map.of("name", "multi:softprob", "softmax_multiclass_param",
                Map.of("num_class", "2")));
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("learner", learner);
        root.put("version", List.of(1, 6, 2));
        try {
            return JSON.writeValueAsBytes(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> tree(Tree t, int[] idOf, int features, int id) {
        int n = t.left().length;
        List<Integer> parents = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            parents.add(Integer.MAX_VALUE);
        }
        List<Float> conditions = new ArrayList<>();
        List<Integer> indices = new ArrayList<>();
        List<Integer> defaultLeft = new ArrayList<>();
        List<Float> weights = new ArrayList<>();
        List<Float> hessian = new ArrayList<>();
        List<Float> gains = new ArrayList<>();
        List<Integer> zeros = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean leaf = t.left()[i] < 0;
            if (!leaf) {
                parents.set(t.left()[i], i);
                parents.set(t.right()[i], i);
            }
            conditions.add(leaf ? (float) t.value()[i] : above(t.threshold()[i]));
            weights.add(leaf ? (float) t.value()[i] : 0f);
            int f = leaf ? 0 : idOf[t.feature()[i]];
            if (f < 0) {
                throw new IllegalArgumentException("a tree splits on feature " + t.feature()[i] + ", which the model "
                        + "has no id for");
            }
            indices.add(f);
            boolean missingLeft = t.missingLeft() != null ? !leaf && t.missingLeft()[i]
                    : !leaf && t.cover()[t.left()[i]] >= t.cover()[t.right()[i]]; // as XGBoost would learn it
            defaultLeft.add(missingLeft ? 1 : 0);
            hessian.add((float) t.cover()[i]);
            gains.add(leaf || t.gain() == null ? 0f : (float) t.gain()[i]);
            zeros.add(0);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("base_weights", weights);
        out.put("categories", List.of());
        out.put("categories_nodes", List.of());
        out.put("categories_segments", List.of());
        out.put("categories_sizes", List.of());
        out.put("default_left", defaultLeft);
        out.put("id", id);
        out.put("left_children", java.util.Arrays.stream(t.left()).boxed().toList());
        out.put("loss_changes", gains);
        out.put("parents", parents);
        out.put("right_children", java.util.Arrays.stream(t.right()).boxed().toList());
        out.put("split_conditions", conditions);
        out.put("split_indices", indices);
        out.put("split_type", zeros);
        out.put("sum_hessian", hessian);
        out.put("tree_param", Map.of("num_deleted", "0", "num_feature", String.valueOf(features), "num_nodes",
                String.valueOf(n), "size_leaf_vector", "0"));
        return out;
    }

    /**
     * XGBoost's split for {@code x <= t}: the next float above {@code t}'s float, so every {@code x <= t} (whose float
     * is at most {@code t}'s) goes left; a value above {@code t} by less than a float's precision goes left too.
     */
    static float above(double t) {
        return Math.nextUp((float) t);
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%s", (float) v);
    }

    /**
     * A model of the family trained by Tribuo on a handful of made-up rows that hold every feature and every class, so
     * its feature and output maps are the real model's; its parameters are then replaced.
     */
    private static Model<?> skeleton(boolean regression, List<String> classes, FeatureEncoder encoder,
                                     Learner learner) {
        List<String> names = new ArrayList<>();
        names.add(LearnedModel.CONSTANT);
        names.addAll(encoder.featureNames());
        String[] n = names.toArray(new String[0]);
        if (regression) {
            RegressionFactory factory = new RegressionFactory();
            MutableDataset<Regressor> data = made(factory);
            for (int i = 0; i < 2; i++) {
                data.add(new ArrayExample<>(new Regressor("target", i), n, values(n.length, i)));
            }
            synchronized (LearnedModel.NATIVE) {
                return LearnedModel.timeless(learner.regressor(1, 1).train(data));
            }
        }
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> data = made(factory);
        for (int i = 0; i < classes.size(); i++) {
            data.add(new ArrayExample<>(new Label(classes.get(i)), n, values(n.length, i)));
        }
        synchronized (LearnedModel.NATIVE) {
            return LearnedModel.timeless(learner.classifier(1, 1).train(data));
        }
    }

    private static <T extends Output<T>> MutableDataset<T> made(OutputFactory<T> factory) {
        return new MutableDataset<>(new SimpleDataSourceProvenance("trained elsewhere (Spark MLlib)",
                LearnedModel.NO_TIME, factory), factory);
    }

    private static double[] values(int n, int i) {
        double[] v = new double[n];
        java.util.Arrays.fill(v, i + 1.0);
        return v;
    }
}
