package io.tablewise.forecast;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * What a series' forecast is made of, by form rather than by fitted numbers, so a saved model forecasts again from
 * newer history by refitting the same forms: {@code naive}, {@code theta}, {@code ets:TREND/SEASON} (e.g.
 * {@code ets:DAMPED/ADDITIVE}) or {@code global} (the boosted model over every series), with weights summing to one.
 *
 * @param forms the forms
 * @param weights their weights
 */
record Recipe(List<String> forms, List<Double> weights) {
    /** The global boosted model's form. */
    static final String GLOBAL = "global";

    Recipe {
        forms = List.copyOf(forms);
        weights = List.copyOf(weights);
    }

    /** One form alone. */
    static Recipe of(String form) {
        return new Recipe(List.of(form), List.of(1.0));
    }

    /** Whether the global model takes part. */
    boolean usesGlobal() {
        return forms.contains(GLOBAL);
    }

    /** A fitter of one local form for a season of {@code season} periods (1: none). */
    static Function<double[], Model> local(String form, int season) {
        if (form.equals("naive")) {
            return y -> new SeasonalNaive(y, season);
        }
        if (form.equals("theta")) {
            return y -> Theta.fit(y, season);
        }
        if (form.startsWith("ets:")) {
            String[] ts = form.substring(4).split("/");
            Ets.Trend t = Ets.Trend.valueOf(ts[0]);
            Ets.Season s = Ets.Season.valueOf(ts[1]);
            return y -> Ets.fit(y, s == Ets.Season.NONE ? 1 : season, t, s);
        }
        throw new IllegalArgumentException("not a local form: " + form);
    }

    /**
     * The point forecasts: the local forms fitted on {@code y}, the global model's forecasts given; null when a form
     * cannot be fitted.
     */
    double[] forecast(double[] y, int season, int horizon, double[] global) {
        double[] out = new double[horizon];
        for (int k = 0; k < forms.size(); k++) {
            double[] f;
            if (forms.get(k).equals(GLOBAL)) {
                f = global;
            } else {
                Model m = local(forms.get(k), season).apply(y);
                if (m == null) {
                    return null;
                }
                f = m.forecast(horizon);
            }
            for (int h = 0; h < horizon; h++) {
                out[h] += weights.get(k) * f[h];
            }
        }
        return out;
    }

    /** How reports name it, from the names of the forms' fits on {@code y}. */
    String describe(double[] y, int season) {
        List<String> names = new ArrayList<>();
        for (String form : forms) {
            if (form.equals(GLOBAL)) {
                names.add("global boosted trees");
            } else {
                Model m = local(form, season).apply(y);
                names.add(m == null ? form : m.name());
            }
        }
        if (names.size() == 1) {
            return names.get(0);
        }
        StringBuilder s = new StringBuilder(forms.contains(GLOBAL) && forms.size() == 2 ? "blend of " : "ensemble of ");
        for (int k = 0; k < names.size(); k++) {
            s.append(k == 0 ? "" : " + ").append(names.get(k)).append(String.format(Locale.ROOT, " (%.0f%%)",
                    100 * weights.get(k)));
        }
        return s.toString();
    }
}
