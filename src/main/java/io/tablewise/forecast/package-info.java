/**
 * Forecasting: series read from a time and a target column (one per series id), their frequency detected, candidate
 * models (seasonal naive, exponential smoothing) fitted and compared by rolling-origin backtests that never look
 * ahead, and quantile forecasts calibrated on the backtests' errors.
 */
package io.tablewise.forecast;
