package io.tablewise.forecast;

/** Each period as the same period one season before (the last value when there is no season): the baseline. */
final class SeasonalNaive implements Model {
    private final double[] last;

    SeasonalNaive(double[] y, int m) {
        int season = m > 1 && y.length >= m ? m : 1;
        last = java.util.Arrays.copyOfRange(y, y.length - season, y.length);
    }

    @Override
    public double[] forecast(int horizon) {
        double[] out = new double[horizon];
        for (int h = 0; h < horizon; h++) {
            out[h] = last[h % last.length];
        }
        return out;
    }

    @Override
    public String name() {
        return last.length > 1 ? "seasonal naive" : "naive";
    }
}
