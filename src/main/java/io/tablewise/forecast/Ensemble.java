package io.tablewise.forecast;

import java.util.List;

/** A weighted average of several models' forecasts (weights sum to one). */
final class Ensemble implements Model {
    private final List<Model> models;
    private final double[] weights;

    Ensemble(List<Model> models, double[] weights) {
        this.models = List.copyOf(models);
        this.weights = weights.clone();
    }

    @Override
    public double[] forecast(int horizon) {
        double[] out = new double[horizon];
        for (int k = 0; k < models.size(); k++) {
            double[] f = models.get(k).forecast(horizon);
            for (int h = 0; h < horizon; h++) {
                out[h] += weights[k] * f[h];
            }
        }
        return out;
    }

    @Override
    public String name() {
        StringBuilder s = new StringBuilder("ensemble of ");
        for (int k = 0; k < models.size(); k++) {
            s.append(k == 0 ? "" : " + ").append(models.get(k).name()).append(String.format(java.util.Locale.ROOT,
                    " (%.0f%%)", 100 * weights[k]));
        }
        return s.toString();
    }
}
