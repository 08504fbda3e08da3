package io.tablewise.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tech.tablesaw.api.Table;

import io.tablewise.data.csv.CsvOptions;
import io.tablewise.data.csv.DelimitedReader;
import io.tablewise.model.BuildOptions;
import io.tablewise.model.ModelBuilder;
import io.tablewise.model.TrainedModel;
import io.tablewise.node.ProgressMonitor;
import io.tablewise.sample.ChurnGenerator;
import io.tablewise.ui.Messages;

/**
 * The model view's summary line names a model trained by Spark MLlib on every row by its family and counts all its
 * training rows, in English and Korean — and names a family this version does not know by the model's own words.
 */
class ModelSummaryTest {
    @AfterEach
    void english() {
        Messages.use(Locale.ENGLISH);
    }

    @Test
    void aModelTrainedOnSparkIsNamedWithAllItsRows(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("customers.csv");
        ChurnGenerator.write(file, 600, 3);
        Table t = new DelimitedReader().read(file, CsvOptions.defaults(), ProgressMonitor.NONE).table();
        TrainedModel m = ModelBuilder.build(t, BuildOptions.of("churned"), ProgressMonitor.NONE);
        Map<String, Object> info = new LinkedHashMap<>(m.info());
        info.put("algorithm", "gradient-boosted trees (Spark MLlib, on all 800,123 training rows)");
        info.put("trainRows", 800_123L);
        TrainedModel spark = with(m, Map.of("algorithm", "mllib-gbt", "trees", 100), info);
        Messages.use(Locale.ENGLISH);
        String said = ModelSummary.describe(spark);
        assertTrue(said.startsWith("Gradient-boosted trees (Spark MLlib) predicting churned")
                && said.contains("trained on 800,123 rows"), said);
        Messages.use(Locale.KOREAN);
        assertTrue(ModelSummary.describe(spark).startsWith("그래디언트 부스팅 트리(Spark MLlib)"),
                ModelSummary.describe(spark));
        Messages.use(Locale.ENGLISH);
        info.put("algorithm", "a family from a newer Tablewise");
        String unknown = ModelSummary.describe(with(m, Map.of("algorithm", "quantum-forest"), info));
        assertTrue(unknown.startsWith("a family from a newer Tablewise predicting churned"), unknown);
        assertEquals(Messages.get("model.algorithm.xgboost"), ModelSummary.describe(m).split(" predicting ")[0]);
    }

    private static TrainedModel with(TrainedModel m, Map<String, Object> settings, Map<String, Object> info) {
        return new TrainedModel(m.chain(), m.model(), m.target(), m.problemType(), m.inputs(), m.threshold(),
                m.objective(), settings, m.evaluation(), m.importances(), m.permutation(), info, m.explanation(),
                m.baseline());
    }
}
