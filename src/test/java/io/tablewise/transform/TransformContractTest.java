package io.tablewise.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import io.tablewise.data.csv.CsvOptions;
import io.tablewise.data.csv.DelimitedReader;
import io.tablewise.node.NodeException;
import io.tablewise.node.NodeParams;
import io.tablewise.node.ProgressMonitor;
import io.tablewise.node.TableSchema;
import io.tablewise.node.registry.NodeRegistry;

/**
 * Every transform of the catalogue on the sample churn table (6,000 customers: numbers, Korean text, dates,
 * booleans and missing values): the declared output schema is the real one, the input is left unchanged, an
 * empty table works, and the fitted state round-trips through JSON and replays to the same output.
 */
class TransformContractTest {
    static Table churn;

    /** Parameters that make each transform do real work on the churn table. */
    static final Map<String, Map<String, Object>> EXAMPLES = new LinkedHashMap<>();

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
    }

    private static void ex(String id, Map<String, Object> params) {
        EXAMPLES.put("transform." + id, params);
    }

    @BeforeAll
    static void load() throws Exception {
        churn = new DelimitedReader().read(Path.of("projects-sample/customer-churn/data/customers.csv"),
                CsvOptions.defaults(), ProgressMonitor.NONE).table();
    }

    static Stream<Transform> transforms() {
        return TransformCatalog.all().stream();
    }

    static NodeParams params(Transform t) {
        Map<String, Object> set = EXAMPLES.get(t.spec().id());
        assertNotNull(set, "no example parameters for " + t.spec().id());
        return NodeParams.withDefaults(new TransformNode(t).descriptor(), set);
    }

    static List<List<?>> snapshot(Table t) {
        List<List<?>> out = new ArrayList<>();
        out.add(t.columnNames());
        for (Column<?> c : t.columns()) {
            out.add(new ArrayList<>(c.asList()));
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transforms")
    void declaredSchemaIsTheRealOneAndTheInputIsUnchanged(Transform t) throws Exception {
        NodeParams p = params(t);
        List<List<?>> before = snapshot(churn);
        TableSchema declared = t.outputSchema(TableSchema.of(churn), p);
        Table out = t.apply(churn, p, t.fit(churn, p), TransformContext.NONE);
        if (declared != null) {
            assertEquals(declared, TableSchema.of(out), t.spec().id());
        }
        assertEquals(before, snapshot(churn), "the input table is unchanged");
        assertTrue(out.rowCount() > 0, "the examples keep some rows");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transforms")
    void anEmptyTableGivesAnEmptyTable(Transform t) throws Exception {
        NodeParams p = params(t);
        Table empty = churn.emptyCopy();
        Table out = t.apply(empty, p, t.fit(empty, p), TransformContext.NONE);
        assertEquals(0, out.rowCount());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transforms")
    void fittedStateRoundTripsThroughJsonAndReplaysTheSame(Transform t) throws Exception {
        NodeParams p = params(t);
        FittedState state = t.fit(churn, p);
        FittedState back = FittedState.fromJson(state.toJson());
        assertEquals(state, back);
        assertEquals(snapshot(t.apply(churn, p, state, TransformContext.NONE)),
                snapshot(t.apply(churn, p, back, TransformContext.NONE)));
        if (t.learns()) {
            assertFalse(state.values().isEmpty(), t.spec().id() + " learns something");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transforms")
    void descriptorIsCompleteAndRegistered(Transform t) {
        TransformSpec s = t.spec();
        assertTrue(s.id().matches("transform\\.[a-z]+\\.[a-z0-9-]+"), s.id());
        assertTrue(s.help().length() > 30, "help of " + s.id());
        assertTrue(NodeRegistry.builtIn().find(s.id()).isPresent(), s.id() + " is a registered node type");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transforms")
    void invalidParametersAreRefusedNamingTheParameter(Transform t) throws Exception {
        for (io.tablewise.node.ParamSpec spec : t.spec().params()) {
            Object bad = switch (spec.type()) {
                case CHOICE -> "no-such-choice";
                case INTEGER, DECIMAL -> spec.min() != null ? spec.min() - 1000 : spec.max() != null
                        ? spec.max() + 1000 : "not a number";
                case BOOLEAN -> "perhaps";
                case COLUMN -> "no_such_column";
                case COLUMNS -> List.of("no_such_column");
                default -> null;
            };
            if (bad == null) {
                continue;
            }
            if (bad instanceof Double d && spec.type() == io.tablewise.node.ParamType.INTEGER) {
                bad = d.longValue();
            }
            Map<String, Object> set = new LinkedHashMap<>(EXAMPLES.get(t.spec().id()));
            set.put(spec.name(), bad);
            io.tablewise.flow.Flow flow = io.tablewise.flow.Flow.empty("bad")
                    .withNode(new io.tablewise.flow.NodeInstance("src", "data.import.csv", 1, "src",
                            Map.of("path", "customers.csv"), io.tablewise.flow.UiPosition.ORIGIN))
                    .withNode(new io.tablewise.flow.NodeInstance("n", t.spec().id(), 1, "n", set,
                            io.tablewise.flow.UiPosition.ORIGIN))
                    .withEdge(io.tablewise.flow.Edge.of("src", "table", "n", "table"));
            var report = new io.tablewise.engine.FlowValidator(NodeRegistry.builtIn()).validate(flow,
                    Path.of("projects-sample/customer-churn/data"), Map.of());
            assertTrue(report.messagesFor("n").stream().anyMatch(m -> spec.name().equals(m.param())),
                    t.spec().id() + " accepts " + spec.name() + " = " + bad + ": " + report.messagesFor("n"));
        }
    }

    @Test
    void theCatalogueHasAtLeastFortyFiveTransforms() {
        long ids = TransformCatalog.all().stream().map(t -> t.spec().id()).distinct().count();
        assertEquals(TransformCatalog.all().size(), ids, "ids are unique");
        assertTrue(ids + MultiTableTransforms.count() >= 45, "catalogue size " + ids);
    }

    @Test
    void numericTransformsRefuseTextColumnsNamingTheParameter() {
        for (String id : List.of("scale.standard", "scale.min-max", "scale.robust", "scale.log", "scale.power",
                "outliers.clip", "outliers.remove", "encode.bin")) {
            Transform t = TransformCatalog.all().stream().filter(x -> x.spec().id().equals("transform." + id))
                    .findFirst().orElseThrow();
            NodeParams p = NodeParams.withDefaults(new TransformNode(t).descriptor(),
                    Map.of("columns", List.of("region")));
            NodeException e = assertThrows(NodeException.class, () -> t.outputSchema(TableSchema.of(churn), p), id);
            assertEquals("columns", e.param(), id);
            assertTrue(e.getMessage().contains("'region' holds text"), e.getMessage());
        }
    }
}
