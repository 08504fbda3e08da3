package io.tablewise.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import io.tablewise.ml.LearnedModel;
import io.tablewise.ml.Learner;
import io.tablewise.ml.Evaluation;
import io.tablewise.ml.ProblemType;
import io.tablewise.ml.RowSampler;
import io.tablewise.ml.Stats;
import io.tablewise.ml.Values;
import io.tablewise.node.CancelledException;
import io.tablewise.node.ProgressMonitor;

/**
 * A budget-aware search over algorithm families and their hyper-parameters on the training rows only (the test rows are
 * never seen): 20% of the training rows are held out for validation. Each family's default settings are tried first
 * (gradient-boosted trees, logistic or linear regression by LibLinear and by SGD, a random forest, a decision tree, and
 * k nearest neighbours for classes on small tables), then random settings drawn mostly from the strongest families,
 * among those whose defaults came close to the best default ({@link #promising}).
 * Every candidate is first scored after training on a third of the remaining rows; the best third of them (at least
 * two) are trained on all of them and scored again (successive halving with two rungs), each family's best first
 * ({@link #finalists}), each one only if its expected time and the finishing steps after the search still end within
 * the budget ({@link BuildTimes}); the first rung stops at half of what the finishing steps leave. On big tables the
 * rungs use samples of at most {@value #MAX_SMALL_ROWS} and {@value #MAX_FULL_ROWS} rows, so that no single candidate
 * eats the budget; on tables of at most {@value #MAX_CROSS_VALIDATED_ROWS} training rows the second rung scores by
 * {@value #FOLDS}-fold cross-validation instead. Boosted trees stop early: each one is read after about forty numbers of rounds
 * ({@link #stages}) and keeps the number that scored best (on the validation rows, or on the mean over the folds), so a
 * sampled number of trees is an upper bound. The chosen one is refit on every training row. A candidate's spread is the
 * standard deviation of its score over the folds, or over five slices of the validation rows. The search stops at the
 * time budget or the candidate cap, whichever comes first; with a cap and a generous budget the leaderboard is the same
 * on every run.
 */
final class AutoMl {
    private AutoMl() {
    }

    /**
     * One candidate of the leaderboard.
     *
     * @param learner the algorithm and its settings: for boosted trees, with the number of rounds that scored best
     * @param trained the learner as trained: boosted trees with all their rounds, of which {@code learner} keeps the
     *                first rounds (early stopping, read on the validation rows or the folds); otherwise
     *                {@code learner} itself
     * @param rung 1: scored after training on a third of the rows; 2: after training on all of them
     * @param share the share of the training rows it learned from
     * @param folds 0: scored on the held-out validation rows; k: the mean over k-fold cross-validation
     * @param score the validation score (objective)
     * @param spread the standard deviation of the score over the folds, or over five slices of the validation rows
     * @param fitSeconds training time
     * @param predictSeconds scoring time of the validation rows
     */
    record Candidate(Learner learner, Learner trained, int rung, double share, int folds, double score, double spread,
                     double fitSeconds, double predictSeconds) {
    }

    /**
     * The best learner and the leaderboard (best first): one row per candidate tried, a finalist with its full-size
     * score (its first-rung score on a third of the rows is not a second candidate); and the estimated seconds of the
     * finishing steps with the best learner.
     */
    record Result(Learner best, List<Candidate> leaderboard, double finishingSeconds) {
    }

    /**
     * Tables with at most this many training rows score the second rung by {@value #FOLDS}-fold cross-validation:
     * there a single validation split is small enough to pick a model by luck (on bank marketing's 32,950 training
     * rows, the validation AUC of one candidate varies by about 0.006 from one fold to another, more than the gaps
     * between good candidates), and training is cheap enough for a few finalists within the budget.
     */
    static final int MAX_CROSS_VALIDATED_ROWS = 50_000;
    static final int FOLDS = 5;

    /** The most rows a candidate learns from in the second rung, and in the first. */
    static final int MAX_FULL_ROWS = 300_000;
    static final int MAX_SMALL_ROWS = 100_000;

    static boolean higherIsBetter(String objective) {
        return !List.of("log_loss", "rmse", "mae").contains(objective);
    }

    static Result search(Table train, String target, ProblemType type, List<String> features, int[] rows,
                         String objective, double budgetSeconds, int maxCandidates, long seed,
                         ProgressMonitor monitor) {
        long start = System.nanoTime();
        Column<?> y = train.column(target);
        String[] labels = type == ProblemType.REGRESSION ? null : Values.labels(y);
        int[][] split = RowSampler.split(rows, labels, 0.2, seed + 11);
        int[] fit = split[0];
        int[] validation = split[1];
        // big tables are searched on samples, so one candidate cannot take the whole budget
        int[] full = fit.length <= MAX_FULL_ROWS ? fit
                : RowSampler.split(fit, labels, 1 - MAX_FULL_ROWS / (double) fit.length, seed + 17)[0];
        int[] small = RowSampler.split(full, labels, full.length / 3 <= MAX_SMALL_ROWS ? 2.0 / 3
                : 1 - MAX_SMALL_ROWS / (double) full.length, seed + 13)[0];
        boolean neighbours = fit.length <= Learner.Neighbours.MAX_ROWS
                && Learner.Neighbours.defaults().supports(type);
        List<Learner> defaults = defaults(neighbours);
        SplittableRandom random = new SplittableRandom(seed);
        boolean higher = higherIsBetter(objective);
        Comparator<Candidate> best = Comparator.comparingDouble(c -> higher ? -c.score() : c.score());
        warmUp(train, target, type, features, small, defaults.get(0), seed);
        List<Candidate> rung1 = new ArrayList<>();
        boolean crossValidate = rows.length <= MAX_CROSS_VALIDATED_ROWS;
        BuildTimes times = new BuildTimes(crossValidate, full.length / (double) rows.length);
        int tried = 0;
        java.util.Set<String> promising = null; // the families worth sampling, decided once the defaults are in
        // the first rung gets half of what the finishing steps of the best so far leave of the budget
        while (tried < maxCandidates && seconds(start) < firstRungEnd(budgetSeconds, rung1, best, times)) {
            check(monitor);
            Learner s;
            if (tried < defaults.size()) {
                s = defaults.get(tried);
            } else {
                if (promising == null) {
                    promising = promising(rung1, higher);
                }
                s = sample(random, promising);
            }
            tried++;
            monitor.progress(0.1 + 0.4 * Math.min(1, seconds(start) / (budgetSeconds / 2)), progress(tried, s, type,
                    objective, rung1.stream().min(best)));
            Candidate c = score(train, target, type, features, small, validation, objective, s, 1,
                    small.length / (double) rows.length, seed);
            if (c != null) {
                rung1.add(c);
            }
        }
        if (rung1.isEmpty()) {
            throw new IllegalArgumentException("no candidate could be trained in " + budgetSeconds + " s");
        }
        List<Candidate> promoted = finalists(rung1.stream().sorted(best).limit(Math.max(2, rung1.size() / 3))
                .toList());
        List<Candidate> rung2 = new ArrayList<>();
        double reserved = 0; // the longest finishing steps of a finalist scored so far: any of them may win
        java.util.Set<Candidate> rescored = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Candidate c : promoted) {
            if (seconds(start) + times.secondRung(c) + Math.max(reserved, times.finishingOf(c)) > budgetSeconds) {
                continue; // would leave too little for the finishing steps: a cheaper finalist may still fit
            }
            check(monitor);
            monitor.progress(0.5 + 0.4 * Math.min(1, seconds(start) / budgetSeconds), String.format(Locale.ROOT,
                    "full-size candidate %d of %d: %s", rung2.size() + 1, promoted.size(),
                    c.learner().name(type)) + rung2.stream().min(best).map(b -> String.format(Locale.ROOT,
                    ", best %s %.4f so far", objective, b.score())).orElse(""));
            long began = System.nanoTime();
            // a cross-validation that falls behind its estimate stops after a fold rather than eat the finishing time
            long deadline = start + (long) ((budgetSeconds - Math.max(reserved, times.finishingOf(c))) * 1e9);
            Candidate second = crossValidate
                    ? crossValidated(train, target, type, features, rows, labels, objective, c.trained(), seed,
                            deadline)
                    : score(train, target, type, features, full, validation, objective, c.trained(), 2,
                            full.length / (double) rows.length, seed);
            if (second != null) {
                times.measured(c, seconds(began)); // an abandoned cross-validation measured only some folds
                rung2.add(second);
                rescored.add(c);
                reserved = Math.max(reserved, times.finishingOf(second));
            }
        }
        List<Candidate> board = new ArrayList<>(rung2);
        board.sort(best);
        List<Candidate> rest = new ArrayList<>(rung1);
        rest.sort(best);
        Candidate winner = rung2.isEmpty() ? rest.get(0) : board.get(0);
        rest.removeIf(rescored::contains);
        board.addAll(rest);
        return new Result(winner.learner(), board, times.finishingOf(winner));
    }

    /**
     * One small untimed fit before the search: the first fit in a process also loads native code and compiles the
     * training paths (about half a second on 2 cores), which would make the first candidate, and every estimate built
     * on its time, look slower than it is.
     */
    private static void warmUp(Table train, String target, ProblemType type, List<String> features, int[] rows,
                               Learner learner, long seed) {
        try {
            LearnedModel.train(train, target, type, features, Arrays.copyOf(rows, Math.min(rows.length, 300)),
                    learner, seed);
        } catch (RuntimeException e) {
            // too few rows of a class in the slice, say: the search itself reports what cannot be learned
        }
    }

    /** When the first rung stops: half of what the finishing steps of its best candidate so far leave. */
    private static double firstRungEnd(double budgetSeconds, List<Candidate> rung1, Comparator<Candidate> best,
                                       BuildTimes times) {
        double finishing = rung1.stream().min(best).map(times::finishingOf).orElse(0.0);
        return (budgetSeconds - finishing) / 2;
    }

    /**
     * The finalists in the order they are scored again: each family's best first, then each family's second best,
     * and so on, each round best first. The first rung learns from a third of the rows, where simple families look
     * better than they are (linear models lead there on bank marketing and trail by 0.01 AUC once cross-validated),
     * so a family's runners-up must not spend the budget before another family's best is scored.
     *
     * @param ranked the promoted candidates, best first
     */
    static List<Candidate> finalists(List<Candidate> ranked) {
        Map<String, Integer> seen = new java.util.HashMap<>();
        int[] round = new int[ranked.size()];
        for (int i = 0; i < ranked.size(); i++) {
            round[i] = seen.merge(ranked.get(i).learner().id(), 1, Integer::sum) - 1;
        }
        return IntStream.range(0, ranked.size()).boxed().sorted(Comparator.comparingInt((Integer i) -> round[i])
                .thenComparingInt(i -> i)).map(ranked::get).toList();
    }

    private static String progress(int n, Learner next, ProblemType type, String objective,
                                   java.util.Optional<Candidate> best) {
        return String.format(Locale.ROOT, "candidate %d: %s", n, next.name(type))
                + best.map(b -> String.format(Locale.ROOT, ", best %s %.4f so far", objective, b.score())).orElse("");
    }

    /** Each family's default settings, strongest first. */
    static List<Learner> defaults(boolean neighbours) {
        List<Learner> out = new ArrayList<>(List.of(Learner.Boosted.defaults(), Learner.LibLinear.defaults(),
                Learner.Forest.defaults(), Learner.LinearSgd.defaults(), Learner.Tree.defaults()));
        if (neighbours) {
            out.add(Learner.Neighbours.defaults());
        }
        out.removeIf(l -> !io.tablewise.ml.NativeBoosting.canTrain(l)); // e.g. Apple silicon: no XGBoost library
        return out;
    }

    /**
     * Trains and scores one candidate, or returns null when the family cannot learn from these rows (a numeric
     * failure of one family must not end the search). Boosted trees keep the number of rounds that scored best on
     * the validation rows.
     */
    private static Candidate score(Table t, String target, ProblemType type, List<String> features, int[] fit,
                                   int[] validation, String objective, Learner s, int rung, double share,
                                   long seed) {
        long a = System.nanoTime();
        LearnedModel m;
        try {
            m = LearnedModel.train(t, target, type, features, fit, s, seed);
        } catch (RuntimeException e) {
            if (s instanceof Learner.Boosted) {
                throw e; // nothing to learn from at all (no usable column, one class): the build says so
            }
            return null; // e.g. a solver that cannot handle these rows: the other families go on
        }
        long b = System.nanoTime();
        Column<?> y = t.column(target);
        int[] rows = ModelBuilder.known(m, y, validation);
        int[] stages = stages(m.rounds(), rows.length, outputs(m));
        double[][][] predicted = predictions(m, t, rows, stages);
        long c = System.nanoTime();
        double[] scores = new double[predicted.length];
        for (int k = 0; k < scores.length; k++) {
            scores[k] = measure(m, y, type, rows, predicted[k], objective);
        }
        int best = best(scores, higherIsBetter(objective));
        double v = scores[best];
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return null;
        }
        double[] slices = new double[5];
        for (int i = 0; i < slices.length; i++) {
            int slice = i;
            int[] at = IntStream.range(0, rows.length).filter(k -> k % 5 == slice).toArray();
            slices[i] = measure(m, y, type, Arrays.stream(at).map(k -> rows[k]).toArray(),
                    Arrays.stream(at).mapToObj(k -> predicted[best][k]).toArray(double[][]::new), objective);
        }
        return new Candidate(kept(s, stages, best), s, rung, share, 0, v, Stats.sampleStd(known(slices)),
                (b - a) / 1e9, (c - b) / 1e9);
    }

    /**
     * A second-rung candidate scored by {@value #FOLDS}-fold cross-validation over all the training rows: the mean of
     * the folds' scores, and their standard deviation as the spread (boosted trees: at the number of rounds with the
     * best mean); null when a fold cannot be learned, or when the remaining folds, at the pace of the ones done, would
     * end past {@code deadlineNanos}.
     */
    private static Candidate crossValidated(Table t, String target, ProblemType type, List<String> features,
                                            int[] rows, String[] labels, String objective, Learner s, long seed,
                                            long deadlineNanos) {
        int[][] folds = RowSampler.folds(rows, labels, FOLDS, seed + 19);
        Column<?> y = t.column(target);
        double[][] scores = null; // [stage][fold]
        int[] stages = null;
        long fitNanos = 0;
        long predictNanos = 0;
        long began = System.nanoTime();
        for (int f = 0; f < FOLDS; f++) {
            long perFold = f == 0 ? 0 : (System.nanoTime() - began) / f;
            if (f > 0 && System.nanoTime() + perFold * (FOLDS - f) > deadlineNanos) {
                return null; // the remaining folds would end past the deadline: the first-rung score stands
            }
            int held = f;
            int[] fit = IntStream.range(0, FOLDS).filter(g -> g != held)
                    .flatMap(g -> Arrays.stream(folds[g])).sorted().toArray();
            long a = System.nanoTime();
            LearnedModel m;
            try {
                m = LearnedModel.train(t, target, type, features, fit, s, seed);
            } catch (RuntimeException e) {
                return null;
            }
            long b = System.nanoTime();
            int[] scored = ModelBuilder.known(m, y, folds[f]);
            if (f == 0) {
                stages = stages(m.rounds(), scored.length, outputs(m));
                scores = new double[stages == null ? 1 : stages.length][FOLDS];
            }
            double[][][] predicted = predictions(m, t, scored, stages);
            predictNanos += System.nanoTime() - b;
            fitNanos += b - a;
            for (int k = 0; k < scores.length; k++) {
                scores[k][f] = measure(m, y, type, scored, predicted[k], objective);
            }
        }
        double[] means = Arrays.stream(scores).mapToDouble(k -> {
            double[] known = known(k);
            return known.length == 0 ? Double.NaN : Stats.mean(known);
        }).toArray();
        int best = best(means, higherIsBetter(objective));
        if (Double.isNaN(means[best])) {
            return null;
        }
        return new Candidate(kept(s, stages, best), s, 2, (FOLDS - 1) / (double) FOLDS, FOLDS, means[best],
                Stats.sampleStd(known(scores[best])), fitNanos / 1e9, predictNanos / 1e9);
    }

    /**
     * The most predictions (rows × outputs × stages) a staged read keeps at once: the stages are fewer on big
     * validation sets and many classes, so early stopping stays within tens of megabytes.
     */
    static final long MAX_STAGED_VALUES = 2_000_000;

    /**
     * The numbers of boosting rounds a booster of {@code rounds} rounds is read at, when scoring {@code rows} rows of
     * {@code outputs} outputs each: about forty, evenly spaced (fewer, down to two, when {@value #MAX_STAGED_VALUES}
     * predictions would not hold them), the last one all of them; null when it has no rounds to stop early
     * ({@link LearnedModel#rounds()} is 0).
     */
    static int[] stages(int rounds, int rows, int outputs) {
        if (rounds == 0) {
            return null;
        }
        long fit = MAX_STAGED_VALUES / Math.max(1L, (long) rows * outputs);
        int count = (int) Math.max(2, Math.min(40, fit));
        int step = Math.max(1, (rounds + count - 1) / count);
        return IntStream.iterate(rounds, k -> k > 0, k -> k - step).sorted().toArray();
    }

    private static int outputs(LearnedModel m) {
        return m.type() == ProblemType.REGRESSION ? 1 : m.classes().size();
    }

    /** The index of the best score (the first, hence the fewest rounds, among equals); 0 when none is a number. */
    static int best(double[] scores, boolean higher) {
        int best = 0;
        for (int k = 1; k < scores.length; k++) {
            if (Double.isNaN(scores[best]) || (higher ? scores[k] > scores[best] : scores[k] < scores[best])) {
                best = k;
            }
        }
        return best;
    }

    /** The learner that was trained, stopped at {@code stages[best]} rounds when it has stages. */
    private static Learner kept(Learner trained, int[] stages, int best) {
        return stages != null && trained instanceof Learner.Boosted b ? b.withTrees(stages[best]) : trained;
    }

    /** The model's predictions of {@code rows} at each stage ({@code [stage][row][output]}), or once (one stage). */
    private static double[][][] predictions(LearnedModel m, Table t, int[] rows, int[] stages) {
        return stages != null ? m.stagedPredictions(t, rows, stages)
                : new double[][][] {ModelBuilder.predictions(m, t, rows)};
    }

    /**
     * The objective of predictions of {@code rows} (accuracy, or RMSE for regression, when the objective cannot be
     * computed on them).
     */
    private static double measure(LearnedModel m, Column<?> y, ProblemType type, int[] rows, double[][] predicted,
                                  String objective) {
        Evaluation e = ModelBuilder.evaluate(m.classes(), y, type, rows, predicted, objective, Double.NaN);
        double v = e.metrics().getOrDefault(objective, Double.NaN);
        if (Double.isNaN(v)) {
            v = type == ProblemType.REGRESSION ? e.metrics().get("rmse") : e.metrics().get("accuracy");
        }
        return v;
    }

    /** The scores that exist: a slice or fold can lack a metric (AUC of rows of one class). */
    private static double[] known(double[] scores) {
        return Arrays.stream(scores).filter(x -> !Double.isNaN(x)).toArray();
    }

    /**
     * The families whose default settings scored within two standard errors (the spread over the five validation
     * slices divided by the square root of five) of the best default, and gradient-boosted trees always: their
     * defaults are the weakest guide, and tuned they are the strongest family on most tables.
     */
    static java.util.Set<String> promising(List<Candidate> defaults, boolean higher) {
        Candidate top = defaults.stream().max(Comparator.comparingDouble(c -> higher ? c.score() : -c.score()))
                .orElseThrow();
        double margin = Double.isNaN(top.spread()) ? Double.POSITIVE_INFINITY : 2 * top.spread() / Math.sqrt(5);
        java.util.Set<String> out = new java.util.TreeSet<>();
        if (io.tablewise.ml.NativeBoosting.unavailable().isEmpty()) {
            out.add("xgboost");
        }
        for (Candidate c : defaults) {
            if ((higher ? top.score() - c.score() : c.score() - top.score()) <= margin) {
                out.add(c.learner().id());
            }
        }
        return out;
    }

    /** How often each family is drawn, before leaving out the ones that are not promising. */
    private static final Map<String, Double> WEIGHTS = Map.of("xgboost", 0.5, "forest", 0.15, "liblinear", 0.1,
            "sgd-linear", 0.1, "cart", 0.08, "knn", 0.07);

    /** A random point of the search space, in one of the given families (drawn by {@link #WEIGHTS}). */
    static Learner sample(SplittableRandom r, java.util.Set<String> families) {
        List<String> ids = Learner.IDS.stream().filter(families::contains).toList();
        double total = ids.stream().mapToDouble(WEIGHTS::get).sum();
        double u = r.nextDouble() * total;
        String family = ids.get(ids.size() - 1);
        for (String id : ids) {
            u -= WEIGHTS.get(id);
            if (u < 0) {
                family = id;
                break;
            }
        }
        switch (family) {
            case "forest" -> {
                int[] trees = {100, 200, 300};
                int[] depth = {6, 8, 10, 12, 14};
                return new Learner.Forest(trees[r.nextInt(trees.length)], depth[r.nextInt(depth.length)],
                        round(0.5 + 0.4 * r.nextDouble()), round(0.3 + 0.5 * r.nextDouble()));
            }
            case "liblinear" -> {
                return new Learner.LibLinear(round(logUniform(r, 0.01, 10)));
            }
            case "sgd-linear" -> {
                int[] epochs = {5, 10, 20, 30};
                return new Learner.LinearSgd(round(logUniform(r, 0.01, 0.5)), epochs[r.nextInt(epochs.length)]);
            }
            case "cart" -> {
                int[] depth = {4, 6, 8, 10, 12};
                double[] leaf = {1, 5, 10, 20, 50};
                return new Learner.Tree(depth[r.nextInt(depth.length)], leaf[r.nextInt(leaf.length)]);
            }
            case "knn" -> {
                int[] k = {5, 10, 15, 25, 40, 60};
                return new Learner.Neighbours(k[r.nextInt(k.length)]);
            }
            default -> {
                return boosted(r);
            }
        }
    }

    /** Random gradient-boosted trees settings. */
    static Learner.Boosted boosted(SplittableRandom r) {
        int[] trees = {100, 200, 300, 400, 600}; // an upper bound: each candidate keeps its best number of rounds
        int[] depth = {3, 4, 5, 6, 7, 8};
        double[] childWeight = {1, 3, 5, 10, 20, 40};
        return new Learner.Boosted(trees[r.nextInt(trees.length)], depth[r.nextInt(depth.length)],
                round(logUniform(r, 0.02, 0.3)), round(0.6 + 0.4 * r.nextDouble()), round(0.5 + 0.5 * r.nextDouble()),
                childWeight[r.nextInt(childWeight.length)], round(logUniform(r, 0.5, 5)));
    }

    private static double logUniform(SplittableRandom r, double low, double high) {
        return Math.exp(Math.log(low) + r.nextDouble() * (Math.log(high) - Math.log(low)));
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static void check(ProgressMonitor monitor) {
        if (monitor.isCancelled()) {
            throw new CancelledException();
        }
    }

    /** The leaderboard entry's key of the validation score, e.g. {@code validationAuc}. */
    static String scoreKey(String objective) {
        String camel = ModelJson.camel(objective);
        return "validation" + Character.toUpperCase(camel.charAt(0)) + camel.substring(1);
    }

    /** The leaderboard as plain data for the manifest and metrics.json. */
    static List<Map<String, Object>> describe(List<Candidate> board, ProblemType type, String objective) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < board.size(); i++) {
            Candidate c = board.get(i);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rank", i + 1);
            m.put("algorithm", c.learner().name(type));
            m.put("family", c.learner().id());
            m.put("settings", c.learner().parameters());
            m.put("trainedOn", String.format(Locale.ROOT, "%.0f%% of the training rows", 100 * c.share()));
            m.put("trainedShare", c.share());
            m.put(scoreKey(objective), c.score());
            m.put("spread", Double.isNaN(c.spread()) ? null : c.spread());
            m.put("validatedBy", c.folds() > 0 ? c.folds() + "-fold cross-validation on the training rows"
                    : "20% of the training rows held out");
            m.put("fitSeconds", c.fitSeconds());
            m.put("predictSeconds", c.predictSeconds());
            out.add(m);
        }
        return out;
    }
}
