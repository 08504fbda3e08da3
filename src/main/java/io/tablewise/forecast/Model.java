package io.tablewise.forecast;

/** A fitted forecasting model of one series. */
interface Model {
    /** The point forecasts of the next {@code horizon} periods. */
    double[] forecast(int horizon);

    /** How reports name it, e.g. "ETS(A,Ad,M)" or "seasonal naive". */
    String name();
}
