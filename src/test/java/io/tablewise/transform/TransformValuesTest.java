package io.tablewise.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.junit.jupiter.api.Test;

import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import io.tablewise.SharedData;
import io.tablewise.node.NodeException;
import io.tablewise.node.NodeParams;
import io.tablewise.node.TableSchema;
import io.tablewise.node.TablesawInit;

/** Transform outputs against hand-worked values and Apache Commons Math on real data. */
class TransformValuesTest {
    private static final double EPS = 1e-9;

    static Transform transform(String id) {
        return TransformCatalog.all().stream().filter(t -> t.spec().id().equals("transform." + id)).findFirst()
                .orElseThrow();
    }

    static NodeParams params(Transform t, Map<String, Object> set) {
        return NodeParams.withDefaults(new TransformNode(t).descriptor(), set);
    }

    static Table run(String id, Table in, Map<String, Object> set) throws NodeException {
        Transform t = transform(id);
        NodeParams p = params(t, set);
        return t.apply(in, p, t.fit(in, p), TransformContext.NONE);
    }

    @Test
    void standardScalingMatchesCommonsMathOnBankAges() throws Exception {
        Table bank = SharedData.table("bank-additional-full.csv");
        Table out = run("scale.standard", bank, Map.of("columns", List.of("age")));
        double[] age = Columns.numbers(bank, "age");
        DescriptiveStatistics s = new DescriptiveStatistics(age);
        double populationSd = Math.sqrt(s.getPopulationVariance());
        double[] z = Columns.numbers(out, "age");
        for (int i = 0; i < 50; i++) {
            assertEquals((age[i] - s.getMean()) / populationSd, z[i], EPS);
        }
    }

    @Test
    void robustScalingAndClippingUseCommonsMathQuantiles() throws Exception {
        Table bank = SharedData.table("bank-additional-full.csv");
        double[] campaign = Columns.numbers(bank, "campaign");
        Percentile p = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        double median = p.evaluate(campaign, 50);
        double iqr = p.evaluate(campaign, 75) - p.evaluate(campaign, 25);
        double[] scaled = Columns.numbers(run("scale.robust", bank, Map.of("columns", List.of("campaign"))),
                "campaign");
        assertEquals((campaign[7] - median) / iqr, scaled[7], EPS);
        double[] clipped = Columns.numbers(run("outliers.clip", bank, Map.of("columns", List.of("campaign"),
                "lower", 0.05, "upper", 0.95)), "campaign");
        double hi = p.evaluate(campaign, 95);
        assertEquals(hi, Arrays.stream(clipped).max().orElseThrow(), EPS);
        assertEquals(p.evaluate(campaign, 5), Arrays.stream(clipped).min().orElseThrow(), EPS);
    }

    @Test
    void aChainLearnsOnTrainingRowsOnlyWhateverTheTestRowsHold() throws Exception {
        // Property: for many random tables and random garbage in the test rows, the fitted states equal those
        // of fitting on the training rows alone, and the test rows are transformed with training statistics.
        TablesawInit.ensure();
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        for (int trial = 0; trial < 25; trial++) {
            int n = 40 + random.nextInt(200);
            double[] x = new double[n];
            String[] city = new String[n];
            for (int i = 0; i < n; i++) {
                x[i] = random.nextDouble() < 0.1 ? Double.NaN : random.nextGaussian() * 10 + 50;
                city[i] = random.nextDouble() < 0.1 ? null : "c" + random.nextInt(5);
            }
            Table clean = Table.create("t", DoubleColumn.create("x", x), StringColumn.create("city", city));
            int[] train = java.util.stream.IntStream.range(0, n).filter(i -> i % 4 != 0).toArray();
            double[] garbage = x.clone();
            String[] garbageCity = city.clone();
            for (int i = 0; i < n; i += 4) {
                garbage[i] = random.nextDouble() * 1e9;
                garbageCity[i] = "never-seen-" + random.nextInt(3);
            }
            Table dirty = Table.create("t", DoubleColumn.create("x", garbage),
                    StringColumn.create("city", garbageCity));
            TransformChain chain = new TransformChain(List.of(
                    step("missing.impute", Map.of("columns", List.of("x"), "strategy", "median")),
                    step("scale.standard", Map.of("columns", List.of("x"))),
                    step("encode.frequency", Map.of("columns", List.of("city")))));
            TransformChain.Fitted a = chain.fit(clean, train);
            TransformChain.Fitted b = chain.fit(dirty, train);
            TransformChain.Fitted alone = chain.fit(Columns.gather(clean, train),
                    java.util.stream.IntStream.range(0, train.length).toArray());
            assertEquals(alone.states(), a.states());
            assertEquals(alone.states(), b.states());
            Table scaledTrain = a.apply(Columns.gather(clean, train), TransformContext.NONE);
            assertEquals(0, Arrays.stream(Columns.numbers(scaledTrain, "x")).average().orElseThrow(), 1e-9,
                    "training rows are centred by their own mean");
            Table scaledDirty = b.apply(dirty, TransformContext.NONE);
            assertEquals(0.0, Columns.numbers(scaledDirty, "city")[0], "a city never seen in training has "
                    + "frequency 0");
        }
    }

    static TransformChain.Step step(String id, Map<String, Object> set) {
        Transform t = transform(id);
        return new TransformChain.Step(t, params(t, set));
    }

    @Test
    void targetMeanEncodingIsSmoothedTowardsThePrior() throws Exception {
        TablesawInit.ensure();
        Table t = Table.create("t", StringColumn.create("city", "a", "a", "a", "b", "b", "c"),
                StringColumn.create("y", "yes", "no", "yes", "no", "no", "yes"));
        Table out = run("encode.target-mean", t, Map.of("columns", List.of("city"), "target", "y", "positive", "yes",
                "smoothing", 2.0));
        // prior 3/6 = 0.5; a: (2 + 2*0.5) / (3 + 2) = 0.6; b: (0 + 1) / (2 + 2) = 0.25; c: (1 + 1) / 3
        double[] v = Columns.numbers(out, "city");
        assertEquals(0.6, v[0], EPS);
        assertEquals(0.25, v[3], EPS);
        assertEquals(2.0 / 3, v[5], EPS);
    }

    @Test
    void oneHotSendsUnseenValuesToOther() throws Exception {
        TablesawInit.ensure();
        Transform t = transform("encode.one-hot");
        NodeParams p = params(t, Map.of("columns", List.of("city"), "maxCategories", 2L));
        Table train = Table.create("t", StringColumn.create("city", "서울", "서울", "부산", "부산", "대구"));
        FittedState s = t.fit(train, p);
        Table test = Table.create("t", StringColumn.create("city", "제주", "서울"));
        Table out = t.apply(test, p, s, TransformContext.NONE);
        assertEquals(List.of("city=부산", "city=서울", "city=(other)"), out.columnNames());
        assertEquals(List.of(0, 0, 1), List.of(out.intColumn(0).get(0), out.intColumn(1).get(0),
                out.intColumn(2).get(0)));
        assertEquals(1, out.intColumn("city=서울").get(1));
    }

    @Test
    void yeoJohnsonLambdaMaximisesTheLikelihoodAndReducesSkew() throws Exception {
        Table bank = SharedData.table("bank-additional-full.csv");
        Transform t = transform("scale.power");
        NodeParams p = params(t, Map.of("columns", List.of("campaign")));
        FittedState s = t.fit(bank, p);
        @SuppressWarnings("unchecked")
        double lambda = ((Number) ((Map<String, Object>) s.columns().get("campaign")).get("lambda")).doubleValue();
        double[] v = Columns.numbers(bank, "campaign");
        double best = PowerMath.logLikelihood(v, lambda, false);
        assertTrue(best >= PowerMath.logLikelihood(v, lambda + 0.05, false));
        assertTrue(best >= PowerMath.logLikelihood(v, lambda - 0.05, false));
        double[] out = Columns.numbers(t.apply(bank, p, s, TransformContext.NONE), "campaign");
        assertTrue(Math.abs(new DescriptiveStatistics(out).getSkewness())
                < Math.abs(new DescriptiveStatistics(v).getSkewness()) / 4, "skew mostly removed");
        NodeException e = assertThrows(NodeException.class, () -> t.fit(bank, params(t, Map.of("columns",
                List.of("pdays"), "method", "box-cox"))));
        assertTrue(e.getMessage().contains("Box-Cox needs positive values"), e.getMessage());
    }

    @Test
    void windowsWorkPerGroupInTimeOrder() throws Exception {
        TablesawInit.ensure();
        java.time.LocalDate d = java.time.LocalDate.of(2024, 1, 1);
        // rows deliberately out of time order; two customers
        Table t = Table.create("t", StringColumn.create("id", "a", "b", "a", "a", "b"),
                DateColumn.create("day", d.plusDays(2), d, d, d.plusDays(1), d.plusDays(5)),
                DoubleColumn.create("spend", 30, 5, 10, 20, 7));
        Table rolling = run("window.rolling", t, Map.of("column", "spend", "function", "mean", "rows", 2L,
                "groupBy", List.of("id"), "orderBy", "day"));
        // a: 10 (day0), 20 (day1), 30 (day2) -> means 10, 15, 25; b: 5, 7 -> 5, 6
        assertEquals(List.of(25.0, 5.0, 10.0, 15.0, 6.0), rolling.doubleColumn("spend_rolling_mean").asList());
        Table lag = run("window.shift", t, Map.of("column", "spend", "operation", "difference", "groupBy",
                List.of("id"), "orderBy", "day"));
        assertEquals(Arrays.asList(10.0, null, null, 10.0, 2.0), lag.doubleColumn("spend_difference").asList()
                .stream().map(v -> v == null || Double.isNaN(v) ? null : v).toList());
        Table days = run("window.rolling", t, Map.of("column", "spend", "function", "sum", "days", 2.0,
                "groupBy", List.of("id"), "orderBy", "day"));
        // within 2 days up to each row: a day2 -> days 1 and 2 (20 + 30); b day5 -> only itself
        assertEquals(List.of(50.0, 5.0, 10.0, 30.0, 7.0), days.doubleColumn("spend_rolling_sum").asList());
    }

    @Test
    void groupByAndPivotAggregateByHand() throws Exception {
        TablesawInit.ensure();
        Table t = Table.create("t", StringColumn.create("region", "서울", "부산", "서울", "서울"),
                StringColumn.create("plan", "basic", "basic", "pro", "basic"),
                DoubleColumn.create("fee", 10, 20, 30, Double.NaN));
        Table g = run("combine.group-by", t, Map.of("by", List.of("region"), "columns", List.of("fee"),
                "aggregates", List.of("count", "sum", "mean", "max")));
        assertEquals(List.of("region", "rows", "fee_count", "fee_sum", "fee_mean", "fee_max"), g.columnNames());
        assertEquals(List.of("서울", "부산"), g.stringColumn("region").asList());
        assertEquals(List.of(3L, 1L), g.longColumn("rows").asList());
        assertEquals(List.of(2L, 1L), g.longColumn("fee_count").asList());
        assertEquals(List.of(20.0, 20.0), g.doubleColumn("fee_mean").asList());
        Table p = run("combine.pivot", t, Map.of("by", List.of("region"), "pivot", "plan", "value", "fee",
                "aggregate", "sum"));
        assertEquals(List.of("region", "basic", "pro"), p.columnNames());
        assertEquals(List.of(10.0, 20.0), p.doubleColumn("basic").asList());
        Table u = run("combine.unpivot", g, Map.of("columns", List.of("fee_sum", "fee_max")));
        assertEquals(4, u.rowCount());
        assertEquals(List.of("fee_sum", "fee_max", "fee_sum", "fee_max"), u.stringColumn("variable").asList(),
                "each row's values together");
        assertEquals(List.of(g.doubleColumn("fee_sum").get(0), g.doubleColumn("fee_max").get(0), g.doubleColumn(
                "fee_sum").get(1), g.doubleColumn("fee_max").get(1)), u.doubleColumn("value").asList());
        assertEquals(List.of(g.stringColumn("region").get(0), g.stringColumn("region").get(0), g.stringColumn(
                "region").get(1), g.stringColumn("region").get(1)), u.stringColumn("region").asList());
    }

    @Test
    void smoteBalancesWithRowsInsideTheMinorityRange() throws Exception {
        Table bank = SharedData.table("bank-additional-full.csv").first(5000);
        Table out = run("balance.smote", bank, Map.of("target", "y"));
        long yes = out.stringColumn("y").isEqualTo("yes").size();
        long no = out.stringColumn("y").isEqualTo("no").size();
        assertEquals(no, yes, "balanced 1 : 1");
        Table minority = bank.where(bank.stringColumn("y").isEqualTo("yes"));
        double max = minority.numberColumn("age").max();
        double min = minority.numberColumn("age").min();
        Table synthetic = out.dropRange(bank.rowCount());
        assertTrue(synthetic.numberColumn("age").max() <= max && synthetic.numberColumn("age").min() >= min);
        assertEquals(TableSchema.of(bank), TableSchema.of(out), "types are kept");
    }

    @Test
    void changeTypeCountsFailuresAndHonoursThePolicy() throws Exception {
        TablesawInit.ensure();
        Table t = Table.create("t", StringColumn.create("amount", "1,5", "2", "x", "4"));
        List<String> warnings = new ArrayList<>();
        Transform ct = transform("columns.change-type");
        NodeParams p = params(ct, Map.of("columns", List.of("amount"), "to", "integer"));
        Table out = ct.apply(t, p, FittedState.NONE, new TransformContext() {
            @Override
            public void warn(String message) {
                warnings.add(message);
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        });
        assertEquals(2, out.column("amount").countMissing());
        assertTrue(warnings.get(0).contains("2 values did not convert to integer (e.g. '1,5')"), warnings.toString());
        NodeException e = assertThrows(NodeException.class, () -> ct.apply(t, params(ct, Map.of("columns",
                List.of("amount"), "to", "integer", "onFailure", "fail")), FittedState.NONE, TransformContext.NONE));
        assertEquals("onFailure", e.param());
        assertTrue(e.getMessage().contains("'1,5' in row 1"), e.getMessage());
        Table dropped = ct.apply(t, params(ct, Map.of("columns", List.of("amount"), "to", "integer", "onFailure",
                "drop-row")), FittedState.NONE, TransformContext.NONE);
        assertEquals(List.of(2L, 4L), dropped.longColumn("amount").asList());
    }

    @Test
    void previewReportsWhatChangedQuickly() throws Exception {
        Table bank = SharedData.table("bank-additional-full.csv");
        Transform t = transform("formula.column");
        NodeParams p = params(t, Map.of("name", "calls_per_day", "formula", "campaign / 30"));
        Preview.Result r = Preview.run(t, p, bank, 1000, true, 1);
        assertEquals(1000, r.rowsIn());
        assertEquals(List.of("calls_per_day"), r.added());
        assertEquals(List.of(), r.changed());
        Preview.Result scaled = Preview.run(transform("scale.standard"), params(transform("scale.standard"),
                Map.of("columns", List.of("age"))), bank, 500, false, 1);
        assertEquals(List.of("age"), scaled.changed());
        assertEquals(5, scaled.examples().get(0).before().size());
    }
}
