package io.tablewise.ml;

import java.util.List;

import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.common.liblinear.LibLinearModel;
import org.tribuo.common.sgd.AbstractLinearSGDModel;
import org.tribuo.math.la.DenseMatrix;

/** The weights of Tablewise's linear families, read from Tribuo's models into {@link LinearWeights}. */
final class LinearModels {
    /** Tribuo's name of the feature that is 1 in every row (a second intercept for the linear models). */
    private static final String CONSTANT = "\u0000constant";

    private LinearModels() {
    }

    /** The weights, or null when the model is not one of the linear families. */
    static LinearWeights weights(LearnedModel m) {
        Model<?> model = m.tribuoModel();
        if (model instanceof AbstractLinearSGDModel<?> sgd) {
            return sgd(m, sgd);
        }
        if (model instanceof LibLinearModel<?> lib) {
            return liblinear(m, lib);
        }
        return null;
    }

    /** Tribuo's SGD models keep one row of weights per output, the features by id and the bias last. */
    private static LinearWeights sgd(LearnedModel m, AbstractLinearSGDModel<?> model) {
        DenseMatrix w = model.getWeightsCopy();
        ImmutableFeatureMap ids = model.getFeatureIDMap();
        int[] outputOf = outputOrder(m, model);
        int outputs = outputOf.length;
        double[][] weights = new double[outputs][m.encoder().featureNames().size()];
        double[] bias = new double[outputs];
        int biasColumn = w.getDimension2Size() - 1;
        for (int id = 0; id < outputs; id++) {
            int k = outputOf[id];
            int row = id;
            bias[k] = w.get(row, biasColumn) + constantWeight(ids, row, w::get);
            fill(m, ids, weights[k], f -> w.get(row, f));
        }
        return new LinearWeights(weights, bias, m.type() == ProblemType.REGRESSION
                ? LinearWeights.Link.IDENTITY : LinearWeights.Link.SOFTMAX);
    }

    /**
     * LibLinear keeps a decision function per class (one for two classes: the first label's log-odds); features are
     * Tribuo's ids plus one, and a positive bias setting adds a feature of that value.
     */
    private static LinearWeights liblinear(LearnedModel m, LibLinearModel<?> model) {
        List<de.bwaldvogel.liblinear.Model> inner = model.getInnerModels();
        ImmutableFeatureMap ids = model.getFeatureIDMap();
        int features = m.encoder().featureNames().size();
        if (m.type() == ProblemType.REGRESSION) {
            de.bwaldvogel.liblinear.Model lib = inner.get(0);
            double[][] weights = new double[1][features];
            double[] bias = {lib.getDecfunBias(0) + constantWeight(ids, 0, (o, f) -> lib.getDecfunCoef(f + 1, 0))};
            fill(m, ids, weights[0], f -> lib.getDecfunCoef(f + 1, 0));
            return new LinearWeights(weights, bias, LinearWeights.Link.IDENTITY);
        }
        de.bwaldvogel.liblinear.Model lib = inner.get(0);
        int[] labels = lib.getLabels();
        @SuppressWarnings("unchecked")
        ImmutableOutputInfo<Label> info = (ImmutableOutputInfo<Label>) model.getOutputIDInfo();
        if (labels.length != 2) {
            return null; // one-against-rest probabilities are not a link of margins Tablewise explains exactly
        }
        // one margin per class: the first label's decision value and its negation
        double[][] weights = new double[2][features];
        double[] bias = new double[2];
        for (int l = 0; l < 2; l++) {
            int k = m.classes().indexOf(info.getOutput(labels[l]).getLabel());
            double sign = l == 0 ? 1 : -1;
            bias[k] = sign * (lib.getDecfunBias(0) + constantWeight(ids, 0, (o, f) -> lib.getDecfunCoef(f + 1, 0)));
            fill(m, ids, weights[k], f -> sign * lib.getDecfunCoef(f + 1, 0));
        }
        return new LinearWeights(weights, bias, LinearWeights.Link.LOGISTIC_PER_CLASS);
    }

    /** For each of Tribuo's output ids, the output's index in {@link LearnedModel#classes()} order. */
    private static int[] outputOrder(LearnedModel m, Model<?> model) {
        if (m.type() == ProblemType.REGRESSION) {
            return new int[model.getOutputIDInfo().size()];
        }
        @SuppressWarnings("unchecked")
        ImmutableOutputInfo<Label> info = (ImmutableOutputInfo<Label>) model.getOutputIDInfo();
        int[] out = new int[info.size()];
        for (int id = 0; id < out.length; id++) {
            out[id] = m.classes().indexOf(info.getOutput(id).getLabel());
        }
        return out;
    }

    private interface Weight {
        double get(int output, int featureId);
    }

    private static double constantWeight(ImmutableFeatureMap ids, int output, Weight w) {
        int c = ids.getID(CONSTANT);
        return c < 0 ? 0 : w.get(output, c);
    }

    private static void fill(LearnedModel m, ImmutableFeatureMap ids, double[] out,
                             java.util.function.IntToDoubleFunction byId) {
        List<String> names = m.encoder().featureNames();
        for (int f = 0; f < names.size(); f++) {
            int id = ids.getID(names.get(f));
            out[f] = id < 0 ? 0 : byId.applyAsDouble(id);
        }
    }
}
