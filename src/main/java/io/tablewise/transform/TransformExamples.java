package io.tablewise.transform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parameters that make each transform of the catalogue do real work on the sample churn table
 * ({@code projects-sample/customer-churn/data/customers.csv}): the contract tests run every transform with them, and
 * the Spark engine's equivalence tests run them through both engines.
 */
public final class TransformExamples {
    private static final Map<String, Map<String, Object>> OUT = new LinkedHashMap<>();

    /** By transform id ({@code transform.missing.impute}). */
    public static final Map<String, Map<String, Object>> ON_CHURN;

    static {
        ex("columns.select", Map.of("columns", List.of("age", "region")));
        ex("columns.drop", Map.of("columns", List.of("customer_id")));
        ex("columns.rename", Map.of("names", Map.of("age", "나이")));
        ex("columns.reorder", Map.of("columns", List.of("churned")));
        ex("columns.change-type", Map.of("columns", List.of("age", "satisfaction"), "to", "text"));
        ex("columns.duplicate", Map.of("column", "age"));
        ex("columns.split", Map.of("column", "signup_date", "delimiter", "-", "parts", 3L));
        ex("columns.merge", Map.of("columns", List.of("region", "plan"), "name", "region_plan"));
        ex("rows.drop-duplicates", Map.of("columns", List.of("region", "plan")));
        ex("rows.sort", Map.of("columns", List.of("satisfaction", "monthly_fee"), "descending", true));
        ex("rows.sample", Map.of("fraction", 0.5, "stratifyBy", "churned"));
        ex("rows.top-n", Map.of("column", "monthly_fee", "n", 3L, "groupBy", List.of("region")));
        ex("rows.drop-missing", Map.of("columns", List.of("satisfaction")));
        ex("rows.filter", Map.of("formula", "age >= 30 and region = '서울'"));
        ex("formula.column", Map.of("name", "annual_fee", "formula", "monthly_fee * 12"));
        ex("missing.impute", Map.of());
        ex("missing.indicator", Map.of("columns", List.of("satisfaction")));
        ex("missing.sentinels", Map.of("values", List.of("0", "unknown")));
        ex("outliers.clip", Map.of());
        ex("outliers.remove", Map.of("method", "robust"));
        ex("encode.one-hot", Map.of("columns", List.of("region", "plan")));
        ex("encode.ordinal", Map.of("columns", List.of("plan")));
        ex("encode.frequency", Map.of("columns", List.of("region")));
        ex("encode.target-mean", Map.of("columns", List.of("region"), "target", "churned"));
        ex("encode.bin", Map.of("columns", List.of("age", "satisfaction")));
        ex("scale.standard", Map.of());
        ex("scale.min-max", Map.of());
        ex("scale.robust", Map.of());
        ex("scale.log", Map.of("columns", List.of("data_usage_gb", "support_calls")));
        ex("scale.power", Map.of("columns", List.of("data_usage_gb", "satisfaction")));
        ex("text.case", Map.of("columns", List.of("plan"), "to", "upper"));
        ex("text.trim", Map.of("columns", List.of("region"), "collapse", true));
        ex("text.replace", Map.of("columns", List.of("payment_method"), "find", "card", "replaceWith", "카드"));
        ex("text.extract", Map.of("column", "customer_id", "pattern", "C0*(\\d+)"));
        ex("text.length", Map.of("columns", List.of("region")));
        ex("text.tokens", Map.of("columns", List.of("contract")));
        ex("text.pad", Map.of("columns", List.of("support_calls"), "length", 3L));
        ex("datetime.parse", Map.of("columns", List.of("signup_date")));
        ex("datetime.parts", Map.of("column", "signup_date", "parts", List.of("year", "quarter", "weekday",
                "week_of_year", "is_weekend")));
        ex("datetime.difference", Map.of("start", "signup_date", "end", "signup_date", "unit", "weeks"));
        ex("datetime.truncate", Map.of("columns", List.of("signup_date"), "to", "quarter"));
        ex("window.rolling", Map.of("column", "monthly_fee", "function", "std", "rows", 5L, "groupBy",
                List.of("region"), "orderBy", "signup_date"));
        ex("window.shift", Map.of("column", "monthly_fee", "operation", "rank", "groupBy", List.of("plan")));
        ex("combine.group-by", Map.of("by", List.of("region", "plan"), "columns", List.of("monthly_fee", "age"),
                "aggregates", List.of("count", "mean", "distinct")));
        ex("combine.pivot", Map.of("by", List.of("region"), "pivot", "plan", "value", "monthly_fee", "aggregate",
                "mean"));
        ex("combine.unpivot", Map.of("columns", List.of("age", "tenure_months")));
        ex("balance.oversample", Map.of("target", "churned"));
        ex("balance.undersample", Map.of("target", "churned", "ratio", 0.5));
        ex("balance.smote", Map.of("target", "churned"));
        ON_CHURN = java.util.Collections.unmodifiableMap(OUT);
    }

    private TransformExamples() {
    }

    private static void ex(String id, Map<String, Object> params) {
        OUT.put("transform." + id, params);
    }
}
