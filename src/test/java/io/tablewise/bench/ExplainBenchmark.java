package io.tablewise.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import tech.tablesaw.api.Table;

import io.tablewise.data.csv.CsvOptions;
import io.tablewise.data.csv.DelimitedReader;
import io.tablewise.explain.ModelShap;
import io.tablewise.explain.ShapValues;
import io.tablewise.ml.LearnedModel;
import io.tablewise.ml.Learner;
import io.tablewise.ml.ProblemType;
import io.tablewise.node.ProgressMonitor;

/**
 * The explanation target: exact SHAP values of 10,000 rows of a 100-tree, depth-6 boosted model (two classes, the
 * workload-1 table's numbers and categories) in at most 2 s, against XGBoost's own pred_contribs on the same rows;
 * and the same for a forest and a decision tree.
 */
public final class ExplainBenchmark {
    private ExplainBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Table t = new DelimitedReader().read(BenchTables.wideFile(60_000), CsvOptions.defaults(),
                ProgressMonitor.NONE).table();
        int[] all = new int[t.rowCount()];
        java.util.Arrays.setAll(all, i -> i);
        int[] train = java.util.Arrays.copyOfRange(all, 10_000, all.length);
        int[] explain = java.util.Arrays.copyOfRange(all, 0, 10_000);
        List<String> inputs = List.of("age", "visits", "score", "income", "balance", "rate", "temp", "height",
                "weight", "ratio", "latency", "segment", "country", "product", "channel");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"10,000 rows explained", "median s", "min s", "max s", "note"});
        int cores = Runtime.getRuntime().availableProcessors();
        for (Learner learner : List.of(new Learner.Boosted(100, 6, 0.1, 0.8, 0.8, 1, 1),
                new Learner.Forest(100, 8, 0.8, 0.5), Learner.defaults("cart"))) {
            LearnedModel m = LearnedModel.train(t, "active", ProblemType.BINARY, inputs, train, learner, 7);
            double[][] x = m.features(t, explain);
            double[] seconds = BenchTables.time(runs, () -> new ModelShap(m).explain(x, null, 1).rows());
            ShapValues v = new ModelShap(m).explain(x, null, 1);
            double worst = 0;
            double[][] p = m.probabilities(t, explain);
            for (int i = 0; i < x.length; i++) {
                worst = Math.max(worst, Math.abs(v.answer(v.totals()[i], 0) - p[i][1]));
            }
            String name = learner.id() + " " + learner.text().replace("algorithm=" + learner.id() + ", ", "");
            rows.add(BenchTables.row(name.length() > 60 ? name.substring(0, 60) + "…" : name, seconds,
                    String.format(Locale.ROOT, "%d cores; largest |P - model's P| %.1e", cores, worst)));
            if (!(learner instanceof Learner.Tree)) {
                rows.add(BenchTables.row("  XGBoost's own pred_contribs, same booster", BenchTables.time(runs,
                        () -> contribs(m, x)), "XGBoost 1.6 native, all cores"));
            }
        }
        BenchTables.print(rows);
    }

    /** XGBoost's own contributions of the rows (the reference speed). */
    private static int contribs(LearnedModel m, double[][] x) throws Exception {
        org.tribuo.common.xgboost.XGBoostModel<?> xgb = (org.tribuo.common.xgboost.XGBoostModel<?>) m.tribuoModel();
        org.tribuo.ImmutableFeatureMap ids = xgb.getFeatureIDMap();
        List<String> names = m.encoder().featureNames();
        int width = ids.size();
        float[] data = new float[x.length * width];
        java.util.Arrays.fill(data, Float.NaN);
        for (int i = 0; i < x.length; i++) {
            for (int f = 0; f < names.size(); f++) {
                data[i * width + ids.getID(names.get(f))] = (float) x[i][f];
            }
        }
        ml.dmlc.xgboost4j.java.DMatrix matrix = new ml.dmlc.xgboost4j.java.DMatrix(data, x.length, width, Float.NaN);
        return xgb.getInnerModels().get(0).predictContrib(matrix, 0).length;
    }
}
