package io.tablewise.model;

import java.util.List;
import java.util.Map;

import tech.tablesaw.api.Table;

import io.tablewise.ml.LearnedModel;
import io.tablewise.ml.Learner;
import io.tablewise.ml.ProblemType;
import io.tablewise.node.NodeException;
import io.tablewise.transform.TransformChain;

/**
 * The final model of a build trained somewhere other than on the rows the build holds — Spark MLlib on every training
 * row of a table too large for one computer. The build does everything else as usual on the rows it holds (a sample
 * of the training rows and of the test rows): it fits the upstream transforms, chooses the threshold with a model of
 * the same kind, evaluates, explains and keeps the baseline.
 */
public interface FinalTrainer {
    /** Which rows of the table the build receives are the test rows (the rest are training rows). */
    int[] testRows();

    /** A family of the same kind that trains here: the threshold's probe, and the learner's scaling. */
    Learner like();

    /** The model's algorithm in words, as a run and the model view show it. */
    String name(ProblemType type);

    /** The settings the model was trained with (its manifest's {@code settings}). */
    Map<String, Object> settings();

    /**
     * Trains the final model.
     *
     * @param chain the upstream transforms as fitted on the build's training rows (the trainer replays them on its own
     *     rows)
     * @param train the build's training rows after the chain
     * @param rows the rows of {@code train} that have a target value
     * @throws NodeException when it cannot, naming why
     */
    LearnedModel train(TransformChain.Fitted chain, Table train, String target, ProblemType type,
                       List<String> features, int[] rows, long seed) throws NodeException;
}
