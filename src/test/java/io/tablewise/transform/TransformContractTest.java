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
    static final Map<String, Map<String, Object>> EXAMPLES = TransformExamples.ON_CHURN;

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
    void aStateLearnedFromAggregatesIsTheStateLearnedFromTheRows(Transform t) throws Exception {
        NodeParams p = params(t);
        LearnedFrom from = t.learnedFrom(TableSchema.of(churn), p);
        if (from == null) {
            assertTrue(!t.learns() || !List.of("transform.missing.impute", "transform.encode.one-hot",
                    "transform.scale.standard", "transform.scale.min-max", "transform.scale.robust",
                    "transform.outliers.clip", "transform.outliers.remove", "transform.encode.ordinal",
                    "transform.encode.frequency", "transform.encode.bin", "transform.encode.target-mean")
                    .contains(t.spec().id()), t.spec().id()
                    + " learns from aggregates");
            return;
        }
        assertEquals(t.fit(churn, p).toJson(), from.fit(churn).toJson(), t.spec().id());
        // the other settings too: the mode and a constant for the fill, each kind of bounds and of bins
        Map<String, List<Map<String, Object>>> others = Map.of("transform.missing.impute", List.of(Map.of(
                "strategy", "mode", "columns", List.of("region", "plan", "paperless_billing")), Map.of("strategy",
                "mean"), Map.of("strategy", "constant", "value", "없음", "columns", List.of("region"))),
                "transform.outliers.clip", List.of(Map.of("method", "robust", "k", 2.0), Map.of("lower", 0.1)),
                "transform.outliers.remove", List.of(Map.of("method", "quantile", "upper", 0.9), Map.of("method",
                        "robust")),
                "transform.encode.bin", List.of(Map.of("columns", List.of("age", "monthly_fee"), "method", "width",
                        "bins", 7L), Map.of("columns", List.of("satisfaction"), "bins", 10L), Map.of("columns",
                        List.of("age"), "method", "edges", "edges", List.of("20", "40"))),
                "transform.encode.target-mean", List.of(Map.of("columns", List.of("plan", "support_calls"), "target",
                        "monthly_fee", "smoothing", 3.0), Map.of("columns", List.of("region"), "target", "plan",
                        "positive", "Premium")));
        if (others.containsKey(t.spec().id())) {
            for (Map<String, Object> other : others.get(t.spec().id())) {
                NodeParams q = NodeParams.withDefaults(new TransformNode(t).descriptor(), other);
                assertEquals(t.fit(churn, q).toJson(), t.learnedFrom(TableSchema.of(churn), q).fit(churn).toJson(),
                        other.toString());
            }
        }
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
