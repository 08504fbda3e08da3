package io.tablewise.forecast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Chooses one series' model among the local candidates — the seasonal naive baseline, the Theta method, exponential
 * smoothing forms and a blend of the best three — by rolling-origin backtests. A long series or one of many gets the
 * quick screen: its models fit on its recent periods only, the exponential smoothing forms are first ranked by AICc
 * on the history before the backtests and only the two best are backtested, and fewer origins are used.
 */
final class LocalSelection {
    /** Backtest windows (as many as the history allows), their origins a quarter season apart. */
    static final int WINDOWS = 12;
    /** Windows under the quick screen. */
    static final int QUICK_WINDOWS = 4;
    /** ETS forms kept by the quick screen. */
    static final int QUICK_FORMS = 2;

    private LocalSelection() {
    }

    /** A candidate's backtest, for the leaderboard. */
    record Candidate(String model, double mase) {
    }

    /** The choice for one series. */
    static final class Choice {
        Recipe recipe;
        String name;
        double mase = Double.NaN;
        double naiveMase = Double.NaN;
        boolean seasonalDropped;
        /** Not backtested because the time budget was gone. */
        boolean outOfTime;
        int season;
        /** Periods the local models fit on (the whole history unless the quick screen shortened it). */
        int span;
        List<Candidate> leaderboard = new ArrayList<>();
        /** Backtest errors divided by the square root of their step, sorted: the quantiles' source. */
        double[] scaledErrors = new double[0];
        /** The chosen recipe's errors in the last window (origin n − horizon), or null. */
        double[] lastWindow;
        /** The seasonal naive's errors in that window. */
        double[] naiveLastWindow;
    }

    /** Last season's values, untested (when the time budget is gone). */
    static Choice naive(double[] y, int m) {
        Choice c = new Choice();
        c.season = m > 1 && y.length >= 2 * m ? m : 1;
        c.span = y.length;
        c.recipe = Recipe.of("naive");
        c.name = new SeasonalNaive(y, c.season).name();
        c.outOfTime = true;
        return c;
    }

    /** Whether a series gets the quick screen. */
    static boolean quick(int length, int seriesCount) {
        return length > 400 || seriesCount > 20;
    }

    /** The periods local models fit on under the quick screen. */
    static int span(int season, int horizon) {
        return Math.max(Math.max(4 * horizon, 20 * season), 120);
    }

    static Choice choose(double[] y, int m, int horizon, boolean quick) {
        Choice best = new Choice();
        boolean seasonal = m > 1 && y.length >= 2 * m + 2;
        best.seasonalDropped = m > 1 && !seasonal;
        int season = seasonal ? m : 1;
        best.season = season;
        int span = quick ? span(season, horizon) : Integer.MAX_VALUE;
        best.span = Math.min(span, y.length);
        Map<String, Function<double[], Model>> candidates = new LinkedHashMap<>();
        candidates.put("naive", Recipe.local("naive", season));
        candidates.put("theta", recent(Recipe.local("theta", season), span));
        boolean positive = Arrays.stream(y).allMatch(v -> v > 0);
        List<String> forms = new ArrayList<>();
        for (Ets.Trend t : Ets.Trend.values()) {
            for (Ets.Season s : Ets.Season.values()) {
                if (s != Ets.Season.NONE && !seasonal || s == Ets.Season.MULTIPLICATIVE && !positive) {
                    continue;
                }
                forms.add("ets:" + t + "/" + s);
            }
        }
        if (quick && y.length > horizon + 2 * season + 2) {
            forms = screen(forms, Arrays.copyOf(y, y.length - horizon), season, span);
        }
        forms.forEach(f -> candidates.put(f, recent(Recipe.local(f, season), span)));
        int windows = quick ? QUICK_WINDOWS : WINDOWS;
        int step = Math.max(1, Math.min(horizon, season > 1 ? season / 4 : horizon));
        List<Backtest.Result> runs = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        Backtest.Result naive = null;
        for (Map.Entry<String, Function<double[], Model>> c : candidates.entrySet()) {
            Backtest.Result r = Backtest.run(y, season, horizon, windows, step, c.getValue());
            if (r == null) {
                continue;
            }
            runs.add(r);
            keys.add(c.getKey());
            best.leaderboard.add(new Candidate(r.name(), r.mase()));
            if (c.getKey().equals("naive")) {
                naive = r;
            }
        }
        if (runs.isEmpty()) { // too short to backtest: the naive forecast, said by its name
            best.recipe = Recipe.of("naive");
            best.name = new SeasonalNaive(y, season).name();
            return best;
        }
        Integer[] order = new Integer[runs.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> runs.get(i).mase()));
        Backtest.Result chosen = runs.get(order[0]);
        Recipe recipe = Recipe.of(keys.get(order[0]));
        // the three best, weighted by how well they backtested, when their blend backtests better still
        if (runs.size() >= 3) {
            List<String> top = new ArrayList<>();
            List<Double> w = new ArrayList<>();
            double total = 0;
            for (int k = 0; k < 3; k++) {
                top.add(keys.get(order[k]));
                total += 1 / Math.max(1e-9, runs.get(order[k]).mase());
            }
            for (int k = 0; k < 3; k++) {
                w.add(1 / Math.max(1e-9, runs.get(order[k]).mase()) / total);
            }
            Recipe blend = new Recipe(top, w);
            Backtest.Result r = Backtest.run(y, season, horizon, windows, step, h -> {
                double[] f = blendFit(blend, h, season, span, horizon);
                return f == null ? null : new Fixed(f, "ensemble");
            });
            if (r != null) {
                String name = blend.describe(recent(y, span), season);
                best.leaderboard.add(new Candidate(name, r.mase()));
                if (r.mase() < chosen.mase()) {
                    chosen = new Backtest.Result(name, r.mase(), r.errors());
                    recipe = blend;
                }
            }
        }
        best.leaderboard.sort(Comparator.comparingDouble(Candidate::mase));
        best.recipe = recipe;
        best.name = chosen.name();
        best.mase = chosen.mase();
        best.naiveMase = naive == null ? Double.NaN : naive.mase();
        best.lastWindow = chosen.errors().get(0);
        best.naiveLastWindow = naive == null ? null : naive.errors().get(0);
        best.scaledErrors = Quantiles.scaled(chosen.errors());
        return best;
    }

    /** The forms' fits on the recent part of the history before the last window, the best by AICc first. */
    private static List<String> screen(List<String> forms, double[] y, int season, int span) {
        double[] recent = recent(y, span);
        Map<String, Double> aicc = new LinkedHashMap<>();
        for (String f : forms) {
            Model m = Recipe.local(f, season).apply(recent);
            if (m instanceof Ets e) {
                aicc.put(f, e.aicc());
            }
        }
        return aicc.entrySet().stream().sorted(Map.Entry.comparingByValue()).limit(QUICK_FORMS)
                .map(Map.Entry::getKey).toList();
    }

    /** A blend's forecasts from history {@code y}, its local forms fitted on the recent span. */
    static double[] blendFit(Recipe blend, double[] y, int season, int span, int horizon) {
        return blend.forecast(recent(y, span), season, horizon, null);
    }

    /** The last {@code span} values of {@code y} (all of them when fewer). */
    static double[] recent(double[] y, int span) {
        return y.length <= span ? y : Arrays.copyOfRange(y, y.length - span, y.length);
    }

    private static Function<double[], Model> recent(Function<double[], Model> fit, int span) {
        return span == Integer.MAX_VALUE ? fit : y -> fit.apply(recent(y, span));
    }

    /** Forecasts already computed, as a model (for backtesting blends). */
    record Fixed(double[] values, String name) implements Model {
        @Override
        public double[] forecast(int horizon) {
            return Arrays.copyOf(values, horizon);
        }
    }
}
