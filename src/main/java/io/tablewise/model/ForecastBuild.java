package io.tablewise.model;

import java.util.Map;

import tech.tablesaw.api.Table;

import io.tablewise.forecast.ForecastFiles;
import io.tablewise.forecast.Forecaster;

/**
 * A forecast model that the Build model node made (problem type {@code forecast}): the backtested choices per series,
 * the forecast they made, and the history they were made from (the report's charts and the studio's view show it).
 *
 * @param result the forecast, backtests and saved-model state
 * @param history the rows the model was built from
 */
public record ForecastBuild(Forecaster.Result result, Table history) implements BuiltModel {
    @Override
    public String kind() {
        return "a forecast model";
    }

    @Override
    public Map<String, Object> metrics() {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("problemType", "forecast");
        m.put("target", result.model().options().target());
        m.putAll(ForecastFiles.metrics(result));
        return m;
    }

    @Override
    public Table table() {
        return result.forecast();
    }
}
