package io.tablewise.model;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tech.tablesaw.api.NumberColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import io.tablewise.ml.LearnedModel;
import io.tablewise.ml.Learner;
import io.tablewise.ml.Evaluation;
import io.tablewise.ml.ProblemType;
import io.tablewise.ml.QuickModel;
import io.tablewise.ml.QuickModelResult;
import io.tablewise.ml.RowSampler;
import io.tablewise.ml.Values;
import io.tablewise.node.CancelledException;
import io.tablewise.node.ColumnSchema;
import io.tablewise.node.NodeException;
import io.tablewise.node.ProgressMonitor;
import io.tablewise.node.Suggestions;
import io.tablewise.node.TableSchema;
import io.tablewise.transform.TransformChain;

/**
 * The quick build: the rows with a target are split into training and test rows (stratified for
 * classification, seeded), any transforms upstream and the automatic preprocessing are fitted on the training
 * rows only, gradient-boosted trees (or, in auto mode, the learner AutoML found best) are trained there, and the
 * model is evaluated once on the test rows. For
 * binary problems the threshold that maximises the objective (F1 for threshold-free objectives such as AUC) is
 * chosen on validation rows carved out of the training rows, stored with the model, and used on the test rows.
 */
public final class ModelBuilder {
    /** Integer targets with at most this many values are classes. */
    static final int MAX_CLASSES = 20;

    private ModelBuilder() {
    }

    /** The problem type a target asks for: text, boolean and small-integer targets are classes. */
    public static ProblemType detect(Column<?> target) {
        String[] labels = Values.labels(target);
        long distinct = Arrays.stream(labels).filter(l -> l != null).distinct().limit(MAX_CLASSES + 1L).count();
        boolean integral = target instanceof NumberColumn<?, ?> n && isIntegral(n);
        if (target instanceof NumberColumn && !(integral && distinct <= MAX_CLASSES)) {
            return ProblemType.REGRESSION;
        }
        return distinct <= 2 ? ProblemType.BINARY : ProblemType.MULTICLASS;
    }

    private static boolean isIntegral(NumberColumn<?, ?> n) {
        for (int i = 0; i < n.size(); i++) {
            if (!n.isMissing(i) && n.getDouble(i) != Math.rint(n.getDouble(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * What the analyst must hear before trusting the model: columns that alone predict the target (almost) perfectly
     * on the training rows, the insights report's leakage rule (bank marketing's call duration, known only after
     * the call).
     */
    static List<String> leakCautions(Table train, String target, ProblemType type, List<String> features,
                                     int[] trainRows, long seed) {
        List<String> out = new ArrayList<>();
        for (io.tablewise.insights.QualityWarning w : io.tablewise.insights.LeakCheck.check(train, target, type,
                features, trainRows, seed)) {
            out.add("possible leak: " + w.explanation() + " " + w.suggestion());
        }
        return out;
    }

    /** A near-perfect test score, which on real data usually means a leak rather than a great model. */
    static List<String> scoreCautions(ProblemType type, Evaluation evaluation) {
        Map<String, Double> m = evaluation.metrics();
        String best = type == ProblemType.REGRESSION ? "r2" : m.containsKey("auc") ? "auc" : "accuracy";
        Double score = m.get(best);
        if (score != null && score >= 0.99) {
            return List.of(String.format(java.util.Locale.ROOT, "near-perfect test %s %.4f: real data rarely allows "
                    + "this; check that no input is recorded after the outcome or derived from it", best, score));
        }
        return List.of();
    }

    /** Builds and evaluates a model on a table used as it is. */
    public static TrainedModel build(Table table, BuildOptions o, ProgressMonitor monitor) throws NodeException {
        return build(table, new TransformChain(List.of()), o, monitor);
    }

    /**
     * Builds and evaluates a model on raw rows that first go through {@code chain}: the rows are split, the
     * chain is fitted on the training rows only and replayed on the test rows (balancing steps on training rows
     * only), then the model is trained and evaluated; the fitted chain is kept with the model.
     */
    public static TrainedModel build(Table source, TransformChain chain, BuildOptions o, ProgressMonitor monitor)
            throws NodeException {
        return build(source, chain, o, null, monitor);
    }

    /**
     * The same with given test rows instead of the options' split (a benchmark's reference split): the other rows
     * with a target value are the training rows.
     *
     * @param heldOut indices of the source's rows held out for the test; null to split by the options
     */
    public static TrainedModel build(Table source, TransformChain chain, BuildOptions o, int[] heldOut,
                                     ProgressMonitor monitor) throws NodeException {
        return build(source, chain, o, heldOut, null, monitor);
    }

    /**
     * Rebuilds a model from a run record: a quick build with exactly {@code exact} (every setting, the boosting
     * rounds kept) instead of a family's defaults, on the same rows, split and seed, so its predictions are the
     * recorded model's.
     */
    public static TrainedModel rebuild(Table source, BuildOptions o, Learner exact, ProgressMonitor monitor)
            throws NodeException {
        return build(source, new TransformChain(List.of()), o, null, exact, monitor);
    }

    /**
     * The same with {@code exact} (or the options' algorithm) and, when {@code elsewhere} is not null, its final model
     * trained by it on its own rows ({@link FinalTrainer}) and its test rows.
     */
    static TrainedModel build(Table source, TransformChain chain, BuildOptions o, int[] heldOut,
                              Learner exact, FinalTrainer elsewhere, ProgressMonitor monitor) throws NodeException {
        return elsewhere == null ? build(source, chain, o, heldOut, exact, monitor)
                : built(source, chain, o, elsewhere.testRows(), elsewhere.like(), elsewhere, monitor);
    }

    /**
     * The same with exactly {@code exact} (pinned settings) instead of the options' mode and algorithm, when it is not
     * null.
     */
    static TrainedModel build(Table source, TransformChain chain, BuildOptions o, int[] heldOut,
                              Learner exact, ProgressMonitor monitor) throws NodeException {
        return built(source, chain, o, heldOut, exact, null, monitor);
    }

    private static TrainedModel built(Table source, TransformChain chain, BuildOptions o, int[] heldOut,
                                      Learner exact, FinalTrainer elsewhere, ProgressMonitor monitor)
            throws NodeException {
        long start = System.nanoTime();
        if (o.target() == null || !source.columnNames().contains(o.target())) {
            throw new NodeException("target", "the table has no column '" + o.target() + "'"
                    + Suggestions.didYouMeanOrColumns(String.valueOf(o.target()), source.columnNames())
                    + (chain.steps().isEmpty() ? "" : " before the transforms that feed the model"));
        }
        Column<?> rawTarget = source.column(o.target());
        ProblemType type = o.problemType() != null ? o.problemType() : detect(rawTarget);
        if (type == ProblemType.REGRESSION && !(rawTarget instanceof NumberColumn)) {
            throw new NodeException("problemType", "'" + o.target() + "' holds text; regression needs numbers");
        }
        int[] all = new int[source.rowCount()];
        Arrays.setAll(all, i -> i);
        int[] rows = QuickModel.labelled(rawTarget, all, type);
        if (rows.length < 10) {
            throw new NodeException("target", "only " + rows.length + " rows have a value in '" + o.target()
                    + "'; a model needs at least 10");
        }
        int[][] split = heldOut == null ? split(rawTarget, type, o) : given(rows, heldOut);
        monitor.progress(0.05, "fitting " + chain.steps().size() + " transforms on the training rows");
        TransformChain.FitResult fitted = chain.fitApply(source, split[0]);
        Table train = fitted.train();
        Table rawTest = io.tablewise.transform.Columns.gather(source, split[1]);
        Table test = fitted.fitted().apply(rawTest, io.tablewise.transform.TransformContext.NONE);
        if (!train.columnNames().contains(o.target()) || !test.columnNames().contains(o.target())) {
            throw new NodeException("target", "the transforms before the model remove '" + o.target() + "'");
        }
        for (String x : o.exclude()) {
            if (!train.columnNames().contains(x)) {
                throw new NodeException("exclude", "the table has no column '" + x + "'"
                        + Suggestions.didYouMeanOrColumns(x, train.columnNames()));
            }
        }
        Column<?> y = train.column(o.target());
        int[] trainRows = QuickModel.labelled(y, range(train.rowCount()), type);
        int[] testRows = QuickModel.labelled(test.column(o.target()), range(test.rowCount()), type);
        List<String> features = new ArrayList<>(train.columnNames());
        features.remove(o.target());
        features.removeAll(o.exclude());
        String objective = o.objectiveFor(type);
        Learner learner;
        try {
            learner = exact != null ? exact : Learner.defaults(o.algorithm());
        } catch (IllegalArgumentException e) {
            throw new NodeException("algorithm", e.getMessage());
        }
        boolean searching = exact == null && o.mode().equals("auto");
        if (!searching && !io.tablewise.ml.NativeBoosting.canTrain(learner)) {
            throw new NodeException("algorithm", io.tablewise.ml.NativeBoosting.unavailable().orElseThrow()
                    + ". Choose liblinear, sgd-linear, cart or knn, or an automatic build (it uses those here)");
        }
        if (!searching && !learner.supports(type)) {
            throw new NodeException("algorithm", learner.name(type) + " predicts classes only; choose another "
                    + "algorithm for a " + type.name().toLowerCase(java.util.Locale.ROOT) + " problem");
        }
        // measured before the search, so that the search's budget leaves it its time
        monitor.progress(0.08, "checking each column for a leak of the target");
        List<String> cautions = leakCautions(train, o.target(), type, features, trainRows, o.seed());
        List<java.util.Map<String, Object>> leaderboard = null;
        if (searching) {
            double left = o.budgetSeconds() - (System.nanoTime() - start) / 1e9;
            monitor.progress(0.1, String.format(java.util.Locale.ROOT, "searching for %.0f s", left));
            AutoMl.Result search;
            try {
                search = AutoMl.search(train, o.target(), type, features, trainRows, objective, left,
                        o.maxCandidates(), o.seed(), monitor);
            } catch (IllegalArgumentException e) {
                throw new NodeException("target", "no model can be built: " + e.getMessage());
            }
            learner = search.best();
            leaderboard = AutoMl.describe(search.leaderboard(), type, objective);
            double over = (System.nanoTime() - start) / 1e9 + search.finishingSeconds() - o.budgetSeconds();
            if (over > 0.1 * o.budgetSeconds()) {
                monitor.notice(0.9, String.format(java.util.Locale.ROOT, "the final model, threshold and evaluation "
                        + "on %,d training rows may take up to about %.0f s more than the budget of %.0f s",
                        trainRows.length, over, o.budgetSeconds()));
            }
        }
        LearnedModel model;
        try {
            if (elsewhere != null) {
                monitor.progress(0.5, "training the final model: " + elsewhere.name(type));
                model = elsewhere.train(fitted.fitted(), train, o.target(), type, features, trainRows, o.seed());
            } else {
                monitor.progress(0.9, "training the final model on " + trainRows.length + " rows");
                model = LearnedModel.train(train, o.target(), type, features, trainRows, learner, o.seed());
            }
        } catch (IllegalArgumentException e) {
            throw new NodeException("target", "no model can be built: " + e.getMessage());
        }
        if (monitor.isCancelled()) {
            throw new CancelledException();
        }
        double threshold = Double.NaN;
        if (type == ProblemType.BINARY && !Double.isNaN(o.threshold())) {
            threshold = o.threshold();
        } else if (type == ProblemType.BINARY) {
            monitor.progress(0.92, "choosing the threshold on validation rows");
            threshold = validationThreshold(train, o.target(), features, trainRows, learner, objective,
                    model.classes().get(1), o.seed());
        }
        monitor.progress(0.95, "evaluating on " + testRows.length + " test rows");
        Evaluation evaluation = evaluate(model, test, test.column(o.target()), type, testRows, objective, threshold);
        monitor.progress(0.97, "measuring permutation importance");
        List<QuickModelResult.Importance> permutation = PermutationImportance.compute(model, test, o.target(), type,
                testRows, objective, o.seed());
        monitor.progress(0.98, "explaining the model on test rows (SHAP values, partial dependence)");
        io.tablewise.explain.ModelExplanation explanation = Explanations.summarise(model, fitted.fitted(),
                rawTest, test, testRows, o.seed()).withBias(BiasCheck.candidates(model, threshold, rawTest, test,
                testRows, o.target()));
        if (monitor.isCancelled()) {
            throw new CancelledException();
        }
        List<String> rawInputs = chain.steps().isEmpty() ? model.encoder().inputColumns()
                : source.columnNames().stream().filter(c -> !c.equals(o.target())).toList();
        List<ColumnSchema> inputs = rawInputs.stream().map(c -> TableSchema.describe(source.column(c))).toList();
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("algorithm", elsewhere != null ? elsewhere.name(type) : learner.name(type));
        info.put("mode", elsewhere != null ? "elsewhere" : exact != null ? "pinned" : o.mode());
        if (leaderboard != null) {
            info.put("leaderboard", leaderboard);
            info.put("candidates", leaderboard.size());
        }
        info.put("inputProfile", InputProfile.measure(source, rawInputs, split[0]));
        info.put("trainRows", trainRows.length);
        info.put("testRows", testRows.length);
        info.put("seed", o.seed());
        info.put("dataRows", source.rowCount());
        info.put("dataColumns", source.columnCount());
        // the endpoint accepts these in a request (an id, the target) and ignores them; other names are mistakes
        info.put("dataColumnNames", source.columnNames());
        info.put("dataFingerprint", fingerprint(source));
        info.put("transforms", chain.steps().stream().map(s -> s.transform().spec().id()).toList());
        info.put("createdAt", LocalDateTime.now().withNano(0).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
        cautions.addAll(scoreCautions(type, evaluation));
        if (!cautions.isEmpty()) {
            info.put("warnings", cautions);
        }
        info.put("seconds", (System.nanoTime() - start) / 1e9);
        monitor.progress(1, "model ready");
        return new TrainedModel(fitted.fitted(), model, o.target(), type, inputs, threshold, objective,
                elsewhere != null ? elsewhere.settings() : learner.asMap(), evaluation, model.importances(), permutation, info, explanation,
                Monitoring.atBuild(model, threshold, source, rawInputs, split[0], train, trainRows, o.seed()));
    }

    /**
     * The rows that have a target value, split into training and test rows ({@code [0]}, {@code [1]}) as a build
     * with these options splits them: stratified by class for classification, by the options' share and seed.
     */
    public static int[][] split(Column<?> target, ProblemType type, BuildOptions o) {
        int[] rows = QuickModel.labelled(target, range(target.size()), type);
        String[] labels = type == ProblemType.REGRESSION ? null : Values.labels(target);
        return RowSampler.split(rows, labels, o.testShare(), o.seed());
    }

    /** {@code rows} split into the ones not in {@code test} and the ones in it. */
    private static int[][] given(int[] rows, int[] test) {
        java.util.BitSet held = new java.util.BitSet();
        Arrays.stream(test).forEach(held::set);
        return new int[][] {Arrays.stream(rows).filter(r -> !held.get(r)).toArray(),
            Arrays.stream(rows).filter(held::get).toArray()};
    }

    private static int[] range(int n) {
        int[] r = new int[n];
        Arrays.setAll(r, i -> i);
        return r;
    }

    /**
     * The binary threshold, chosen without the test rows: a model with the same learner is trained on 75% of the
     * training rows (at most {@value AutoMl#MAX_FULL_ROWS} of them) and the threshold that maximises the objective is
     * read off the other 25%.
     */
    static double validationThreshold(Table train, String target, List<String> features, int[] rows,
                                      Learner learner, String objective, String positiveClass,
                                      long seed) {
        Column<?> y = train.column(target);
        String[] labels = Values.labels(y);
        int[][] inner = RowSampler.split(rows, labels, 0.25, seed + 5);
        // on big tables the probe learns from a sample, as the search's finalists do: the threshold needs a model
        // of the same kind, not a second copy of the final one
        int[] fit = inner[0].length <= AutoMl.MAX_FULL_ROWS ? inner[0]
                : RowSampler.split(inner[0], labels, 1 - AutoMl.MAX_FULL_ROWS / (double) inner[0].length, seed + 7)[0];
        LearnedModel probe;
        try {
            probe = LearnedModel.train(train, target, ProblemType.BINARY, features, fit, learner, seed);
        } catch (IllegalArgumentException e) {
            return 0.5;
        }
        int positive = probe.classes().indexOf(positiveClass);
        if (positive < 0 || inner[1].length == 0) {
            return 0.5;
        }
        double[][] p = probe.probabilities(train, inner[1]);
        boolean[] isPositive = new boolean[inner[1].length];
        double[] score = new double[inner[1].length];
        for (int i = 0; i < score.length; i++) {
            isPositive[i] = positiveClass.equals(Values.label(y, inner[1][i]));
            score[i] = p[i][positive];
        }
        return Evaluation.chooseThreshold(isPositive, score, objective);
    }

    static Evaluation evaluate(LearnedModel model, Table table, Column<?> y, ProblemType type, int[] test,
                               String objective) {
        return evaluate(model, table, y, type, test, objective, Double.NaN);
    }

    static Evaluation evaluate(LearnedModel model, Table table, Column<?> y, ProblemType type, int[] test,
                               String objective, double threshold) {
        int[] rows = known(model, y, test);
        return evaluate(model.classes(), y, type, rows, predictions(model, table, rows), objective, threshold);
    }

    /**
     * The rows the model can be scored on: every row for regression; for classes, the rows whose class the model
     * knows (a class seen only in the test rows cannot be scored).
     */
    static int[] known(LearnedModel model, Column<?> y, int[] rows) {
        if (model.type() == ProblemType.REGRESSION) {
            return rows;
        }
        return Arrays.stream(rows).filter(r -> model.classes().contains(Values.label(y, r))).toArray();
    }

    /** The model's predictions of the rows: class probabilities in its classes' order, or {value} for regression. */
    static double[][] predictions(LearnedModel model, Table table, int[] rows) {
        if (model.type() != ProblemType.REGRESSION) {
            return model.probabilities(table, rows);
        }
        return Arrays.stream(model.values(table, rows)).mapToObj(v -> new double[] {v}).toArray(double[][]::new);
    }

    /**
     * Evaluates predictions (one per entry of {@code rows}, as {@link #predictions} gives them) against the targets
     * in {@code y}.
     */
    static Evaluation evaluate(List<String> classes, Column<?> y, ProblemType type, int[] rows, double[][] predicted,
                               String objective, double threshold) {
        if (type == ProblemType.REGRESSION) {
            return Evaluation.regression(Arrays.stream(rows).mapToDouble(r -> Values.number(y, r)).toArray(),
                    Arrays.stream(predicted).mapToDouble(p -> p[0]).toArray());
        }
        if (type == ProblemType.BINARY) {
            boolean[] positive = new boolean[rows.length];
            double[] score = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                positive[i] = classes.get(1).equals(Values.label(y, rows[i]));
                score[i] = predicted[i][1];
            }
            return Evaluation.binary(classes, positive, score, objective, threshold);
        }
        int[] actual = Arrays.stream(rows).map(r -> classes.indexOf(Values.label(y, r))).toArray();
        return Evaluation.multiclass(classes, actual, predicted);
    }

    /** A cheap content fingerprint: a hash over column names, types and every value's text. */
    static String fingerprint(Table t) {
        long h = 1125899906842597L;
        for (Column<?> c : t.columns()) {
            h = 31 * h + c.name().hashCode();
            h = 31 * h + c.type().name().hashCode();
            for (int i = 0; i < c.size(); i++) {
                h = 31 * h + (c.isMissing(i) ? 0 : c.getString(i).hashCode());
            }
        }
        return String.format("%016x", h);
    }
}
